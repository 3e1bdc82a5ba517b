package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * A reviewer's task query (REST list and count, Tasklist, every filter and its count) restricted to the tasks of
 * the reviewer's own candidate groups instead of Camunda's check against the per-task authorization rows.
 *
 * <p>Why: Camunda joins ACT_RU_AUTHORIZATION on {@code RESOURCE_ID_ = task id OR = process definition key OR = '*'};
 * no index serves that OR, so MySQL/MariaDB compare every open task with every authorization row (a site's
 * 20,000 open tasks: minutes per count, see docs/performance.md). A per-task row for a candidate group exists
 * exactly when the group is a candidate of the task (Camunda writes it with the identity link), so the
 * candidate-group condition selects the same tasks through the identity-link index.
 *
 * <p>Never wider: the restriction is added to the query's own (AND-ed) conditions and only when the query has no
 * criterion that could reach beyond the reviewer's groups (a candidate user, a group pattern, an involved user,
 * or-queries, a candidate group that is not theirs); such a query keeps Camunda's own check, correct but slow.
 * Administrators keep Camunda's check too (they have a '*' grant, which needs no per-task row).
 */
class ReviewQueueAuthorizationManager extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        Authentication authentication = getCurrentAuthentication();
        if (!query.getAuthCheck().isAuthorizationCheckEnabled() || authentication == null
                || authentication.getGroupIds() == null || authentication.getGroupIds().contains(StaffScope.ADMIN_GROUP)) {
            return;
        }
        if (restrictToOwnCandidateGroups(query, authentication.getGroupIds())) {
            query.getAuthCheck().setAuthorizationCheckEnabled(false);
        }
    }

    /** @return whether the query now selects only tasks that have one of {@code ownGroups} as a candidate group */
    static boolean restrictToOwnCandidateGroups(TaskQueryImpl query, List<String> ownGroups) {
        if (ownGroups.isEmpty() || query.getQueries().size() > 1 || query.getCandidateUser() != null
                || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null
                || query.isWithCandidateUsers() || query.isWithoutCandidateUsers() || query.isWithoutCandidateGroups()) {
            return false;
        }
        List<String> asked = query.getCandidateGroups();
        if (asked == null) {
            // No candidate criterion of its own: their groups, assigned or not (what the per-task rows showed).
            query.taskCandidateGroupIn(List.copyOf(ownGroups));
            query.includeAssignedTasksInternal();
            return true;
        }
        return !asked.isEmpty() && ownGroups.containsAll(asked);
    }
}
