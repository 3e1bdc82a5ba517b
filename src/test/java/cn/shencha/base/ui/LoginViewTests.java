package cn.shencha.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.ui.RegistrationView;
import cn.shencha.materials.ui.MaterialsView;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

class LoginViewTests extends KaribuViewTest {

    @Test
    void anonymousVisitorOfACandidatePageIsSentToTheLoginPage() {
        navigate("materials");
        expectView(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        assertThat(i18n(form).getObject("form").getString("username")).isEqualTo("报名号 / 工作人员账号");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void wrongCredentialsShowTheSignInError() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new BadCredentialsException("Bad credentials"));
        navigate("login", "error");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form).getObject("errorMessage").getString("title")).isEqualTo("登录失败");
    }

    @Test
    void throttledAccountIsToldToWait() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LockedException("Too many failed sign-ins"));
        navigate("login", "error");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form).getObject("errorMessage").getString("title")).isEqualTo("尝试次数过多，请稍后再试");
        assertThat(i18n(form).getObject("errorMessage").getString("message")).contains("约 1 分钟后再试");
    }

    @Test
    void forgotPasswordButtonLeadsToActivation() {
        navigate("login");
        com.github.mvysny.kaributesting.v10.LoginFormKt._forgotPassword(_get(LoginForm.class));
        expectView(ActivationView.class);
    }

    @Test
    void signedInCandidateVisitingLoginGoesToTheRegistration() {
        Candidate candidate = testData.candidate("1201");
        signIn(candidate);
        navigate("login");
        expectView(RegistrationView.class);
        navigate("materials");
        expectView(MaterialsView.class);
    }

    /** What the login form shows, as sent to the browser. */
    private static elemental.json.JsonObject i18n(LoginForm form) {
        return (elemental.json.JsonObject) form.getElement().getPropertyRaw("i18n");
    }
}
