package cn.shencha.base.ui;

import cn.shencha.base.i18n.Messages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a user of the Vaadin UI sees when the back end fails in a view (the database is down, a defect): the
 * message "系统繁忙，请稍后重试" ({@code ui.error.busy}) in their language, the page as it was, and the failure
 * logged at ERROR; never a stack trace or Vaadin's English "Internal error".
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    static final String MESSAGE_KEY = "ui.error.busy";
    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    private final Messages messages;

    UiErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        log.error("Vaadin UI request failed", event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Toasts.error(messages.get(ui.getLocale(), MESSAGE_KEY));
        }
    }
}
