package cn.shencha.base.i18n;

import cn.shencha.base.web.ShenchaException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** User-facing text from the message bundles; Chinese unless the user chose English. */
@Component
public class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messageSource;

    Messages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    public String get(String key, Object... args) {
        return get(currentLocale(), key, args);
    }

    public String get(Locale locale, String key, Object... args) {
        return messageSource.getMessage(key, args, key, locale);
    }

    /** The refusal in the user's words, with its details appended. */
    public String describe(ShenchaException e) {
        return describe(currentLocale(), e);
    }

    public String describe(Locale locale, ShenchaException e) {
        String text = get(locale, e.messageKey(), e.getArgs());
        if (e.getDetails().isEmpty()) {
            return text;
        }
        // A detail is either a message key (translated here) or text already in the user's language.
        List<String> details = e.getDetails().stream().map(detail -> get(locale, detail)).toList();
        return text + String.join(locale.getLanguage().equals("zh") ? "、" : ", ", details);
    }

    /** The given locale narrowed to the two the app speaks; Chinese when none is given. */
    public static Locale currentLocaleOr(Locale locale) {
        if (locale == null) {
            return currentLocale();
        }
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
    }

    public static Locale currentLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale == null || !"en".equals(locale.getLanguage()) ? DEFAULT_LOCALE : Locale.ENGLISH;
    }
}
