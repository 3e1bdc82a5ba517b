package cn.shencha.base.ui;

import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;

/** The top bar of the pages before sign-in (login, activation): the product's name and the language switch. */
final class PublicHeader extends Header {

    PublicHeader() {
        addClassName("sh-public-header");
        Span brand = new Span(getTranslation("app.shortTitle"));
        brand.addClassName("sh-brand");
        add(brand, LanguageSwitch.create());
    }
}
