package cn.shencha.review;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.Phase;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.CandidateSubmission;
import cn.shencha.materials.LockReason;
import cn.shencha.materials.MaterialLockPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 提交审核: locks the candidate's materials and moves their case on. The first submission ends the upload
 * step; a resubmission during a supplement returns the case to the reviewer who asked. Idempotent: a
 * double click submits once.
 */
@Service
public class SubmissionService implements CandidateSubmission {

    private final CandidateRepository candidates;
    private final CandidateMaterials materials;
    private final ReviewDecisionRepository decisions;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final Seasons seasons;
    private final ReviewStates states;

    SubmissionService(CandidateRepository candidates, CandidateMaterials materials,
                      ReviewDecisionRepository decisions, RuntimeService runtimeService, Clock clock, Seasons seasons,
                      ReviewStates states) {
        this.seasons = seasons;
        this.states = states;
        this.candidates = candidates;
        this.materials = materials;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome submit(Long candidateId, Locale locale) {
        Instant now = clock.instant();
        // The row lock serialises a double click: the second request sees the first one's result.
        Candidate candidate = candidates.findByIdForUpdate(candidateId)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        SeasonSchedule schedule = seasons.schedule(candidate);
        ReviewState state = states.forChange(candidateId);

        Optional<LockReason> locked = MaterialLockPolicy.submitLockReason(candidate, state.view(), schedule,
                materials.lastSupplementExpired(candidate.getId()), now);
        if (locked.isPresent() && locked.get() == LockReason.SUBMITTED) {
            return Outcome.ALREADY_SUBMITTED; // a double click: the first one submitted
        }
        if (locked.isPresent()) {
            throw ShenchaException.conflict(locked.get().name());
        }
        return state.getPhase() == Phase.UPLOADING
                ? firstSubmission(candidate, state, now, locale)
                : resubmission(candidate, state, now, locale);
    }

    private Outcome firstSubmission(Candidate candidate, ReviewState state, Instant now, Locale locale) {
        List<String> missing = materials.missingRequired(candidate, Messages.currentLocaleOr(locale));
        if (!missing.isEmpty()) {
            throw new ShenchaException("MATERIALS_INCOMPLETE", HttpStatus.CONFLICT, missing);
        }
        materials.markAllSubmitted(candidate.getId());
        state.markSubmitted(now);
        state.markLocked(now);
        runtimeService.createMessageCorrelation(MaterialReviewProcess.MSG_MATERIALS_SUBMITTED)
                .processInstanceId(state.getProcessInstanceId())
                .correlateWithResult();
        return Outcome.SUBMITTED;
    }

    private Outcome resubmission(Candidate candidate, ReviewState state, Instant now, Locale locale) {
        List<String> incomplete = materials.incompleteUnlocked(candidate, Messages.currentLocaleOr(locale));
        if (!incomplete.isEmpty()) {
            throw new ShenchaException("MATERIALS_INCOMPLETE", HttpStatus.CONFLICT, incomplete);
        }
        materials.markAllSubmitted(candidate.getId());
        materials.closeUnlocks(candidate.getId(), now);
        decisions.findFirstByCandidateIdOrderByDecidedAtDescIdDesc(candidate.getId())
                .ifPresent(decision -> decision.markSupplementAnswered(now));
        state.markSubmitted(now);
        runtimeService.createMessageCorrelation(MaterialReviewProcess.MSG_MATERIALS_RESUBMITTED)
                .processInstanceId(state.getProcessInstanceId())
                .correlateWithResult();
        return Outcome.RESUBMITTED;
    }
}
