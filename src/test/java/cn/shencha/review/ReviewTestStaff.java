package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff accounts of the review tests: Camunda users in the real groups, as an administrator would add them. */
final class ReviewTestStaff {

    static final String PASSWORD = "Review2026pw";
    static final String SITE_1201 = "rv1201";
    static final String SITE_1202 = "rv1202";
    static final String DISTRICT_12 = "rv12";
    static final String DISTRICT_13 = "rv13";
    static final String ADMIN = "rvadmin";

    private ReviewTestStaff() {
    }

    static void ensure(IdentityService identityService) {
        user(identityService, SITE_1201, MaterialReviewProcess.siteGroup("1201"));
        user(identityService, SITE_1202, MaterialReviewProcess.siteGroup("1202"));
        user(identityService, DISTRICT_12, MaterialReviewProcess.districtGroup("12"));
        user(identityService, DISTRICT_13, MaterialReviewProcess.districtGroup("13"));
        user(identityService, ADMIN, StaffScope.ADMIN_GROUP);
    }

    static StaffScope scope(String userId) {
        return switch (userId) {
            case SITE_1201 -> StaffScope.of(userId, Set.of(MaterialReviewProcess.siteGroup("1201")));
            case SITE_1202 -> StaffScope.of(userId, Set.of(MaterialReviewProcess.siteGroup("1202")));
            case DISTRICT_12 -> StaffScope.of(userId, Set.of(MaterialReviewProcess.districtGroup("12")));
            case DISTRICT_13 -> StaffScope.of(userId, Set.of(MaterialReviewProcess.districtGroup("13")));
            case ADMIN -> StaffScope.of(userId, Set.of(StaffScope.ADMIN_GROUP));
            default -> throw new IllegalArgumentException(userId);
        };
    }

    private static void user(IdentityService identityService, String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("test");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }
}
