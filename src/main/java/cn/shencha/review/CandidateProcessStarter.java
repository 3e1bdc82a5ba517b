package cn.shencha.review;

import cn.shencha.exam.Candidate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a candidate's material review: one instance per candidate, business key = registration number, and the
 * candidate's review case (ReviewState) with it, in the caller's transaction; the upload-deadline trigger the case
 * waits for is armed with it (UploadDeadlineTriggers).
 */
@Service
public class CandidateProcessStarter {

    private final RuntimeService runtimeService;
    private final ReviewStateRepository states;
    private final UploadDeadlineTriggers triggers;

    CandidateProcessStarter(RuntimeService runtimeService, ReviewStateRepository states,
                            UploadDeadlineTriggers triggers) {
        this.runtimeService = runtimeService;
        this.states = states;
        this.triggers = triggers;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String start(Candidate candidate) {
        ReviewState state = states.findById(candidate.getId()).orElse(null);
        if (state != null && state.getProcessInstanceId() != null) {
            return state.getProcessInstanceId();
        }
        // The case exists before the process: the first phase listener runs inside startProcessInstanceByKey.
        ReviewState started = state != null ? state : states.save(new ReviewState(candidate.getId()));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MaterialReviewProcess.KEY,
                candidate.getRegistrationNo(), Map.of(
                        MaterialReviewProcess.VAR_CANDIDATE_ID, candidate.getId(),
                        MaterialReviewProcess.VAR_SITE_CODE, candidate.getSiteCode(),
                        MaterialReviewProcess.VAR_DISTRICT_CODE, candidate.getDistrictCode(),
                        MaterialReviewProcess.VAR_SEASON_CODE, candidate.getSeasonCode()));
        started.startedAs(instance.getId());
        triggers.arm(candidate);
        return instance.getId();
    }

    /**
     * The candidate moved to another exam site (a re-import, while still uploading): the site review task is created
     * later and goes to the new site's reviewers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveToSite(Candidate candidate) {
        states.findById(candidate.getId()).map(ReviewState::getProcessInstanceId).ifPresent(processInstanceId ->
                runtimeService.setVariable(processInstanceId, MaterialReviewProcess.VAR_SITE_CODE,
                        candidate.getSiteCode()));
    }
}
