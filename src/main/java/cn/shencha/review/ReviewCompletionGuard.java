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
        // The decision the service has just recorded for this task: found by its id, it is the one this transaction
        // saved, so no query is sent. A completion without one finds an older decision (another task's) or none.
        Object lastDecisionId = task.getVariable(MaterialReviewProcess.VAR_LAST_DECISION_ID);
        boolean recorded = lastDecisionId instanceof Long id && decisions.findById(id)
                .filter(decision -> task.getId().equals(decision.getTaskId()))
                .isPresent();
        if (!recorded) {
            throw new ProcessEngineException("审核意见须通过审核表单提交 (a review decision must be submitted through the review form): task " + task.getId());
        }
    }
}
