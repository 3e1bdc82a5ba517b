package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda groups of the reviewers, one per exam site ({@code site1201}) and district
 * ({@code district12}), with just enough authorization to work in Tasklist: the Tasklist application, the
 * process definition (diagram) and the shared review filters (see ReviewFilters). Which tasks they see,
 * claim and complete comes only from the tasks' candidate groups: a candidate group gets READ, READ_VARIABLE,
 * TASK_WORK and TASK_ASSIGN on its own tasks (ReviewTaskAuthorizations), and nothing else. No reviewer group has Cockpit or Admin, any process instance,
 * history, or the right to start a process; administrators (camunda-admin) have everything.
 */
@Service
public class ReviewerGroups {

    public static final String TYPE = "REVIEW";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ExamSiteRepository sites;
    private final DistrictRepository districts;
    private final ReviewFilters filters;
    private final JdbcTemplate jdbc;

    ReviewerGroups(IdentityService identityService, AuthorizationService authorizationService,
                   ExamSiteRepository sites, DistrictRepository districts, ReviewFilters filters, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.sites = sites;
        this.districts = districts;
        this.filters = filters;
        this.jdbc = jdbc;
    }

    /** Creates the missing groups and grants; safe to call at every start. */
    @Transactional
    public void ensureAll() {
        for (District district : districts.findAll()) {
            ensure(MaterialReviewProcess.districtGroup(district.getCode()), "考区审核 " + district.getName());
        }
        for (ExamSite site : sites.findAll()) {
            ensure(MaterialReviewProcess.siteGroup(site.getCode()), "考点审核 " + site.getName());
        }
    }

    public void ensure(String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(TYPE);
            identityService.saveGroup(group);
        }
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, MaterialReviewProcess.KEY, Permissions.READ);
        // Only the shared review filters, not every filter (an administrator's own filters stay theirs).
        revoke(groupId, Resources.FILTER, "*");
        List<String> filterIds = filters.reviewerFilterIds();
        if (filterIds.isEmpty()) {
            filters.ensureAll();
            filterIds = filters.reviewerFilterIds();
        }
        filterIds.forEach(id -> grant(groupId, Resources.FILTER, id, Permissions.READ));
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    /**
     * The per-task grants written before ReviewTaskAuthorizations (Camunda's READ + UPDATE on each open task, for
     * its candidate group and assignee) narrowed to READ, READ_VARIABLE, TASK_WORK and TASK_ASSIGN, so that an
     * upgraded installation's open tasks follow the same rules as new ones. Grants on every task ('*') are an
     * administrator's and stay.
     */
    @Transactional
    public int narrowTaskGrants() {
        int permissions = 0;
        for (Permission permission : ReviewTaskAuthorizations.TASK_PERMISSIONS) {
            permissions |= permission.getValue();
        }
        return jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = ?, REV_ = REV_ + 1 where TYPE_ = ? and RESOURCE_TYPE_ = ?"
                + " and RESOURCE_ID_ <> '*' and PERMS_ <> ?", permissions, Authorization.AUTH_TYPE_GRANT,
                Resources.TASK.resourceType(), permissions);
    }

    /** Administrators (camunda-admin) may do everything in the engine and the webapps. */
    @Transactional
    public void ensureAdminGroup() {
        if (identityService.createGroupQuery().groupId(StaffScope.ADMIN_GROUP).count() == 0) {
            Group group = identityService.newGroup(StaffScope.ADMIN_GROUP);
            group.setName("Camunda BPM Administrators");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            grant(StaffScope.ADMIN_GROUP, resource, "*", Permissions.ALL);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
