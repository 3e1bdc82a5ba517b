package cn.shencha.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Vaadin's security configuration installs its own {@link SecurityContextHolderStrategy} as the JVM-wide
 * strategy each time an application context starts. Tests keep several contexts in one JVM (H2, MariaDB, a
 * real server for the browser tests), so the static {@link SecurityContextHolder} would otherwise answer from
 * whichever context started last, and code of the other contexts (CurrentUser, method security) would see
 * nobody signed in. Before each test, the test's own context's strategy is made the JVM-wide one again.
 * Registered in META-INF/spring.factories.
 */
public class SecurityContextStrategyPerContext extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 1500; // after the context is loaded, before Spring Security's @WithMockUser listener (10000)
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
