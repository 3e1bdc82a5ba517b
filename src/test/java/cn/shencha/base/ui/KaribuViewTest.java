package cn.shencha.base.ui;

import cn.shencha.base.security.Roles;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.exam.Candidate;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless view tests (Karibu-Testing, set up by {@link KaribuExtension}) on the whole Spring application: the
 * views get their real services, Vaadin's route security sees the Spring Security user of the test, Chinese is
 * the UI language; with the sign-in and navigation helpers the view tests share.
 */
@ShenchaSpringTest
@ExtendWith(KaribuExtension.class)
public abstract class KaribuViewTest {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected TestData testData;

    @BeforeEach
    void resetData() {
        testData.resetDistricts();
    }

    /** Signs the candidate in, as the login form would (the same principal and role). */
    protected void signIn(Candidate candidate) {
        ShenchaUser user = ShenchaUser.candidate(candidate.getRegistrationNo(), candidate.getId());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CANDIDATE))));
    }

    /** A registered candidate who has not activated the account yet (with the given ID number). */
    protected Candidate unactivatedCandidate(String siteCode, String idNumber) {
        return context.getBean(org.springframework.transaction.support.TransactionTemplate.class).execute(s -> {
            Candidate candidate = context.getBean(cn.shencha.exam.CandidateRepository.class).save(new Candidate(TestData.SEASON, 
                    TestData.uniqueRegistrationNo(siteCode), "新考生", idNumber, "13800000009",
                    cn.shencha.exam.ExamCategories.CLINICAL, siteCode.substring(0, 2), siteCode, testData.clock().instant()));
            context.getBean(cn.shencha.review.CandidateProcessStarter.class).start(candidate);
            return candidate;
        });
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    protected void navigate(String location, String queryParameter) {
        UI.getCurrent().navigate(location, com.vaadin.flow.router.QueryParameters.of(queryParameter, ""));
    }

    /**
     * Asserts the current view. Views with JSR-250 access annotations are Spring proxies (method security is
     * enabled with jsr250), so the proxied class is compared.
     */
    protected static void expectView(Class<? extends com.vaadin.flow.component.Component> view) {
        org.assertj.core.api.Assertions.assertThat(
                (Class<?>) org.springframework.util.ClassUtils.getUserClass(
                        com.github.mvysny.kaributesting.v10.NavigatorKt.getCurrentView()))
                .as("current view at '%s'", com.github.mvysny.kaributesting.v10.NavigatorKt.getCurrentPath())
                .isEqualTo(view);
    }
}
