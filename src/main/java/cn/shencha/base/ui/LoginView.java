package cn.shencha.base.ui;

import cn.shencha.base.security.CurrentUser;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in for candidates (registration number) and staff (user name), on a phone as on a desktop. The form
 * posts to Spring Security; a failed attempt comes back with {@code ?error}, and the reason Spring kept in
 * the session tells a wrong password from an account that is throttled after repeated failures.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
@StyleSheet("context://styles/shencha.css")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setPadding(false);
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("login-view");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.activate"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.setAdditionalInformation(getTranslation("ui.login.footer"));
        form.setI18n(i18n);
        form.setAction("login");
        form.addForgotPasswordListener(e -> form.getUI().ifPresent(ui -> ui.navigate(ActivationView.class)));

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("sh-title");
        Paragraph hint = new Paragraph(getTranslation("login.hint"));
        hint.addClassName("sh-hint");
        // The page's one <main> landmark, after the header (the banner).
        Main body = new Main(title, hint, form);
        body.addClassName("sh-public");
        add(new PublicHeader(), body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            // Already signed in: nothing to do here.
            event.forwardTo(HomeView.class);
            return;
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (!failed) {
            form.setError(false);
            return;
        }
        if (lastFailure() instanceof LockedException) {
            form.showErrorMessage(getTranslation("ui.login.throttled.title"), getTranslation("ui.login.throttled.message"));
        } else {
            form.showErrorMessage(getTranslation("login.error.title"), getTranslation("login.error.message"));
        }
    }

    /** Why the last sign-in failed, as Spring Security's failure handler kept it in the session. */
    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
