package cn.shencha.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese first, whatever the browser says; English only for who chose it (remembered in a cookie). */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    static final String COOKIE = "shencha-lang";

    private final MessageSource messages;

    LanguageSetup(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale locale = chosenLocale();
            init.getUI().setLocale(locale);
            // Screen readers pick the voice from the page's language.
            init.getUI().getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
        });
        // Vaadin's own error and session texts in the user's language too.
        event.getSource().setSystemMessagesProvider(info -> systemMessages(chosenLocale()));
    }

    private SystemMessages systemMessages(Locale locale) {
        CustomizedSystemMessages system = new CustomizedSystemMessages();
        system.setSessionExpiredCaption(text("ui.system.sessionExpired.caption", locale));
        system.setSessionExpiredMessage(text("ui.system.sessionExpired.message", locale));
        system.setSessionExpiredNotificationEnabled(true);
        system.setInternalErrorCaption(text("ui.system.internalError.caption", locale));
        system.setInternalErrorMessage(text("ui.system.internalError.message", locale));
        system.setCookiesDisabledCaption(text("ui.system.cookiesDisabled.caption", locale));
        system.setCookiesDisabledMessage(text("ui.system.cookiesDisabled.message", locale));
        return system;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
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
