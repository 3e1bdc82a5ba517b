package cn.shencha.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.Locale;

/** 中文 / English toggle; the choice is kept in a cookie. */
final class LanguageSwitch {

    private LanguageSwitch() {
    }

    static Button create() {
        boolean english = UI.getCurrent() != null && "en".equals(UI.getCurrent().getLocale().getLanguage());
        Button button = new Button(english ? "中文" : "English");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", english ? "切换到中文" : "Switch to English");
        button.addClickListener(e -> {
            LanguageSetup.choose(english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
            UI.getCurrent().getPage().reload();
        });
        return button;
    }
}
