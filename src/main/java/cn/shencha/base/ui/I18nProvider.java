package cn.shencha.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Vaadin's getTranslation() reads the same message bundles as the services and the API. */
@Component
class I18nProvider implements I18NProvider {

    private final MessageSource messageSource;

    I18nProvider(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messageSource.getMessage(key, params, key, locale);
    }
}
