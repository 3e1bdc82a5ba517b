package cn.shencha.support;

import cn.shencha.base.ui.MainLayout;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.security.Principal;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Browserless view tests (Karibu-Testing) on the whole Spring application of the test class: before each test a
 * Vaadin UI on the app's routes with the real Spring beans, Chinese as the UI language, nobody signed in; after it,
 * Vaadin and the security context torn down. Use with {@code @ExtendWith(KaribuExtension.class)} after the Spring
 * test annotation (the Spring context must be there first).
 *
 * <p>Karibu's fake request does not pass through Spring Security's filters, so its principal and roles are read
 * from the {@link SecurityContextHolder} on each call, as Spring's request wrapper does in the app.
 */
public final class KaribuExtension implements BeforeEachCallback, AfterEachCallback {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("cn.shencha");

    static {
        // autoDiscoverViews finds @Route classes; the app shell is an automatic @Layout and must be registered too.
        ROUTES.getRoutes().add(MainLayout.class);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        SecurityContextHolder.clearContext();
        open(SpringExtension.getApplicationContext(extension), Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * A new Vaadin UI (a new browser tab) on the application's routes in that language, replacing the current one:
     * for the tests that open the UI themselves, after signing in or to start again after a refused navigation.
     */
    public static void open(ApplicationContext context, Locale locale) {
        if (UI.getCurrent() != null) {
            MockVaadin.tearDown();
        }
        MockVaadin.setMockRequestFactory(SecurityAwareFakeRequest::new);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        UI.getCurrent().setLocale(locale);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Karibu's fake request, answering who is signed in from Spring Security's context. */
    private static final class SecurityAwareFakeRequest extends FakeRequest {

        SecurityAwareFakeRequest(jakarta.servlet.http.HttpSession session) {
            super(session);
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.isAuthenticated() ? authentication : null;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role) || a.getAuthority().equals(role));
        }

        @Override
        public String getRemoteUser() {
            Principal principal = getUserPrincipal();
            return principal == null ? null : principal.getName();
        }
    }
}
