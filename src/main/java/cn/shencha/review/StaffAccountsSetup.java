package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, one node at a time: the reviewer groups of all sites and districts, the administrators' group, and, when
 * ADMIN_USERNAME and ADMIN_PASSWORD are set, that administrator (created, or its password reset), so a
 * real deployment starts without demo accounts.
 */
@Component
class StaffAccountsSetup {

    private static final Logger log = LoggerFactory.getLogger(StaffAccountsSetup.class);

    private final ReviewerGroups reviewerGroups;
    private final IdentityService identityService;
    private final SetupLock setupLock;
    private final String adminUsername;
    private final String adminPassword;

    StaffAccountsSetup(ReviewerGroups reviewerGroups, IdentityService identityService, SetupLock setupLock,
                       @Value("${ADMIN_USERNAME:}") String adminUsername,
                       @Value("${ADMIN_PASSWORD:}") String adminPassword) {
        this.reviewerGroups = reviewerGroups;
        this.identityService = identityService;
        this.setupLock = setupLock;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void setUp() {
        // One node at a time: two nodes creating the same group or grant would collide on its key.
        setupLock.run("Staff groups", () -> {
            reviewerGroups.ensureAdminGroup();
            reviewerGroups.ensureAll();
            reviewerGroups.narrowTaskGrants();
            if (!adminUsername.isBlank() && !adminPassword.isBlank()) {
                createOrResetAdmin(adminUsername.strip(), adminPassword);
            }
        });
    }

    void createOrResetAdmin(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
            user.setFirstName("Administrator");
            user.setLastName(userId);
        }
        user.setPassword(password);
        identityService.saveUser(user);
        if (identityService.createUserQuery().userId(userId).memberOfGroup(StaffScope.ADMIN_GROUP).count() == 0) {
            identityService.createMembership(userId, StaffScope.ADMIN_GROUP);
        }
        log.info("Administrator '{}' is ready (from ADMIN_USERNAME/ADMIN_PASSWORD).", userId);
    }
}
