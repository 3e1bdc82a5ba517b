package cn.shencha.review;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * A reviewer assigns a review task only to themselves (claim) or to nobody (unclaim): Camunda's claim takes any
 * user id, and an assignee gets the task's rights, so a task handed to a user of another district would leave its
 * scope. Administrators and the app's own services (no signed-in engine user) are not restricted.
 */
@Component("reviewAssignmentGuard")
class ReviewAssignmentGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication reviewer = ReviewerCommandGuard.signedInReviewer(Context.getProcessEngineConfiguration());
        String assignee = task.getAssignee();
        if (reviewer != null && assignee != null && !assignee.equals(reviewer.getUserId())) {
            throw new AuthorizationException("审核人员只能为自己认领任务 (a reviewer may claim a task only for themselves): user "
                    + reviewer.getUserId() + ", assignee " + assignee);
        }
    }
}
