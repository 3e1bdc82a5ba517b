package cn.shencha.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The app's short messages ("toasts"), always in one place: stretched along the bottom of the screen, below the
 * content rather than over the cards in the middle, and one at a time (a new one replaces the one showing), so
 * they never pile up over the page. Errors are announced as alerts, the rest politely.
 */
public final class Toasts {

    /** Where every toast of the app appears. */
    public static final Notification.Position POSITION = Notification.Position.BOTTOM_STRETCH;

    private Toasts() {
    }

    public static Notification success(String text) {
        return show(text, 4000, NotificationVariant.LUMO_SUCCESS, "status");
    }

    public static Notification error(String text) {
        return show(text, 8000, NotificationVariant.LUMO_ERROR, "alert");
    }

    private static Notification show(String text, int duration, NotificationVariant variant, String role) {
        UI ui = UI.getCurrent();
        Notification previous = ui == null ? null : ComponentUtil.getData(ui, Notification.class);
        if (previous != null && previous.isOpened()) {
            previous.close();
        }
        Notification notification = Notification.show(text, duration, POSITION);
        notification.addThemeVariants(variant);
        notification.getElement().setAttribute("role", role);
        if (ui != null) {
            ComponentUtil.setData(ui, Notification.class, notification);
        }
        return notification;
    }
}
