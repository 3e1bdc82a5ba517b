package cn.shencha.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Chinese first, whatever the browser says; English only for who chose it (remembered in a cookie). */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    static final String COOKIE = "shencha-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(chosenLocale()));
    }

    static Locale chosenLocale() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request != null && request.getCookies() != null) {
            boolean english = Arrays.stream(request.getCookies())
                    .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
            if (english) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    static void choose(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        var response = com.vaadin.flow.server.VaadinServletResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(locale);
            session.getUIs().forEach(ui -> ui.setLocale(locale));
        }
    }
}
