package cn.shencha.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.support.ShenchaSpringTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Outside the demo, a demo account that still has the published password stops the start (the real guard and engine). */
@ShenchaSpringTest
class DemoAccountsGuardTests {

    private static final String DEMO_REVIEWER = "district13reviewer";

    @Autowired DemoAccountsGuard guard;
    @Autowired IdentityService identityService;

    @AfterEach
    void removeTheDemoAccount() {
        identityService.deleteUser(DEMO_REVIEWER);
    }

    @Test
    void aDemoAccountWithThePublishedPasswordStopsTheStartUntilItIsChanged() {
        User user = identityService.newUser(DEMO_REVIEWER);
        user.setFirstName("河北考区审核员");
        user.setLastName("");
        user.setPassword(DemoData.PASSWORD);
        ((IdentityServiceImpl) identityService).saveUser(user, true);

        assertThatThrownBy(guard::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DEMO_REVIEWER);

        User changed = identityService.createUserQuery().userId(DEMO_REVIEWER).singleResult();
        changed.setPassword("Hebei2026review");
        identityService.saveUser(changed);
        assertThatCode(guard::afterSingletonsInstantiated).doesNotThrowAnyException();
    }
}
