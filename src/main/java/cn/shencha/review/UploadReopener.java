package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.Phase;
import cn.shencha.exam.SeasonSchedule;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopens the upload of a candidate whose upload window was closed by the deadline timer (auto-locked, never
 * submitted) and whose site review has not produced any decision yet: the waiting site review task is
 * cancelled and the case goes back to "upload materials", and an upload-deadline trigger waits for its deadline as
 * the schedule says now (the district's, started again if it already ran, or the candidate's own). A candidate who submitted, or whom a reviewer already decided on, is never moved back.
 * Used by the administrators' schedule changes and personal extensions (admin.ScheduleAdminService).
 */
@Component
public class UploadReopener {

    private final ReviewStateRepository states;
    private final ReviewStates reviewStates;
    private final CandidateRepository candidates;
    private final ReviewDecisionRepository decisions;
    private final RuntimeService runtimeService;
    private final UploadDeadlineTriggers triggers;

    UploadReopener(ReviewStateRepository states, ReviewStates reviewStates, CandidateRepository candidates,
                   ReviewDecisionRepository decisions, RuntimeService runtimeService,
                   UploadDeadlineTriggers triggers) {
        this.states = states;
        this.reviewStates = reviewStates;
        this.candidates = candidates;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.triggers = triggers;
    }

    /** @return how many auto-locked cases of the district went back to upload */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reopenDistrict(SeasonSchedule schedule, Instant now) {
        int reopened = 0;
        for (Long candidateId : states.findAutoLockedUnreviewed(schedule.getSeasonCode(), schedule.getDistrictCode())) {
            Candidate candidate = candidates.findByIdForUpdate(candidateId).orElseThrow();
            if (!CaseDeadlines.of(candidate, schedule).uploadPassed(now) && reopen(candidate)) {
                reopened++;
            }
        }
        return reopened;
    }

    /** How many of the district's cases were auto-locked and not reviewed yet (what a reopening would reach). */
    @Transactional(readOnly = true)
    public int countReopenable(String seasonCode, String districtCode) {
        return states.findAutoLockedUnreviewed(seasonCode, districtCode).size();
    }

    /**
     * Whether the candidate may go back to upload; call with the candidate's row locked so that a reviewer's
     * decision cannot slip in between.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isReopenable(Candidate candidate) {
        return states.findById(candidate.getId()).filter(UploadReopener::autoLocked).isPresent()
                && !decisions.existsByCandidateId(candidate.getId());
    }

    /** @return whether the candidate went back to upload */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reopen(Candidate candidate) {
        if (!isReopenable(candidate)) {
            return false;
        }
        ReviewState state = reviewStates.forChange(candidate.getId());
        runtimeService.createProcessInstanceModification(state.getProcessInstanceId())
                // Start first, then cancel: the instance never has no activity left, so it cannot end.
                .startBeforeActivity(MaterialReviewProcess.AWAIT_SUBMISSION)
                .cancelAllForActivity(MaterialReviewProcess.SITE_REVIEW)
                .execute();
        // The phase listener of "upload materials" set the phase; the auto-lock no longer holds.
        state.markLocked(null);
        triggers.arm(candidate);
        return true;
    }

    /** Locked by the deadline timer, never submitted, waiting for the site review. */
    private static boolean autoLocked(ReviewState state) {
        return state.getPhase() == Phase.SITE_REVIEW && state.getSubmittedAt() == null
                && state.getLockedAt() != null && state.getProcessInstanceId() != null;
    }
}
