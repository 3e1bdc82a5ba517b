package cn.shencha.base.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Staff are Camunda identity users; their groups say what they review. */
@Component
public class StaffAccounts {

    private final IdentityService identityService;

    StaffAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean checkPassword(String userId, String password) {
        return identityService.createUserQuery().userId(userId).count() == 1
                && identityService.checkPassword(userId, password);
    }

    public StaffScope scopeOf(String userId) {
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
        return StaffScope.of(userId, groups);
    }
}
