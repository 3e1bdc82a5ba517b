package cn.shencha.review;

import cn.shencha.exam.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the review case's phase in step with the activity the process has just entered. */
@Component("phaseListener")
class PhaseListener implements ExecutionListener {

    private final CandidateLookup candidates;

    PhaseListener(CandidateLookup candidates) {
        this.candidates = candidates;
    }

    @Override
    public void notify(DelegateExecution execution) {
        candidates.stateOf(execution).enter(phaseOf(execution.getCurrentActivityId()));
    }

    static Phase phaseOf(String activityId) {
        return switch (activityId) {
            case MaterialReviewProcess.AWAIT_SUBMISSION -> Phase.UPLOADING;
            case MaterialReviewProcess.SITE_REVIEW -> Phase.SITE_REVIEW;
            case MaterialReviewProcess.DISTRICT_REVIEW -> Phase.DISTRICT_REVIEW;
            case MaterialReviewProcess.AWAIT_SUPPLEMENT -> Phase.SUPPLEMENT;
            default -> throw new IllegalArgumentException("No phase for activity " + activityId);
        };
    }
}
