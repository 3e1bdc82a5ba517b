package cn.shencha.review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A review task completes only through {@link ReviewDecisionService}, which validates and records the
 * decision first. A plain "complete" from Tasklist or /engine-rest/ without that record is refused.
 */
@Component("reviewCompletionGuard")
class ReviewCompletionGuard implements TaskListener {

    private final ReviewDecisionRepository decisions;

    ReviewCompletionGuard(ReviewDecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean recorded = decisions.findByTaskId(task.getId())
                .filter(decision -> decision.getId().equals(task.getVariable(MaterialReviewProcess.VAR_LAST_DECISION_ID)))
                .isPresent();
        if (!recorded) {
            throw new ProcessEngineException("审核意见须通过审核表单提交 (a review decision must be submitted through the review form): task " + task.getId());
        }
    }
}
