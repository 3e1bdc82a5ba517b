package cn.shencha.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The frame of a candidate's page: the phone-first column ({@code sh-page}), the browser title and the heading
 * from one message key, and the page drawn afresh from the services on every visit, so that going back to a page
 * never shows what it said before a submit or a reviewer's decision.
 */
public abstract class CandidatePage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final String titleKey;

    protected CandidatePage(String titleKey) {
        this.titleKey = titleKey;
        addClassName("sh-page");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    /** Reads the page's state from the services and draws it. */
    protected abstract void render();

    /** The page's heading, the same words as its browser title. */
    protected H2 heading() {
        return new H2(getPageTitle());
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
