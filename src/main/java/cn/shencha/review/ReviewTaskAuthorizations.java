package cn.shencha.review;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * The authorization Camunda writes on a task for its candidate group, its assignee and its owner: read the task
 * and its variables (the task form), work on it (claim, complete) and assign it (unclaim), instead of Camunda's
 * READ + UPDATE, which also covers writing the case's variables through the task.
 */
class ReviewTaskAuthorizations extends DefaultAuthorizationProvider {

    static final Permission[] TASK_PERMISSIONS = {
            TaskPermissions.READ, TaskPermissions.READ_VARIABLE, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN};

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        return TASK_PERMISSIONS.clone();
    }
}
