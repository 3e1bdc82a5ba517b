package cn.shencha.notify.ui;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.Channel;
import cn.shencha.notify.DeliveryState;
import cn.shencha.notify.NotificationAdmin;
import cn.shencha.notify.NotificationAdmin.DeliveryView;
import cn.shencha.notify.NotificationAdmin.NotificationView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Map;

/**
 * 通知发送: every notification with its delivery state per channel (queued, sent, delivered, failed, dead),
 * the last error on hover and in the details, and resend for failed and dead deliveries.
 */
@Route("admin/notifications")
@RolesAllowed(Roles.ADMIN)
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private final NotificationAdmin admin;
    private final Messages messages;
    private final Grid<NotificationView> grid = new Grid<>();
    private final ComboBox<DeliveryState> filter = new ComboBox<>();
    private final Span counts = new Span();

    public NotificationsView(NotificationAdmin admin, Messages messages) {
        this.admin = admin;
        this.messages = messages;
        setSizeFull();

        filter.setLabel(getTranslation("notify.admin.filter"));
        filter.setPlaceholder(getTranslation("notify.admin.all"));
        filter.setClearButtonVisible(true);
        filter.setItems(Arrays.asList(DeliveryState.values()));
        filter.setItemLabelGenerator(state -> getTranslation("notify.state." + state.name()));
        filter.addValueChangeListener(e -> refresh());
        Button refresh = new Button(getTranslation("notify.admin.refresh"), e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(filter, refresh, counts);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        counts.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        PhoneGrid<NotificationView> columns = PhoneGrid.of(grid);
        columns.text(getTranslation("notify.admin.time"), v -> ShanghaiTime.format(v.createdAt()))
                .setAutoWidth(true).setFlexGrow(0);
        columns.text(getTranslation("notify.admin.candidate"), v -> (v.registrationNo() == null ? "" : v.registrationNo()) + " "
                        + (v.candidateName() == null ? "" : v.candidateName()))
                .setAutoWidth(true).setKey("candidate");
        columns.text(getTranslation("notify.admin.kind"), v -> getTranslation("notify.kind." + v.kind().name()))
                .setAutoWidth(true);
        for (Channel channel : Channel.values()) {
            columns.component(getTranslation("notify.channel." + channel.name()), v -> stateOf(v, channel))
                    .setAutoWidth(true).setKey("channel-" + channel.name());
        }
        // A header for the buttons' column too: screen readers announce every column by its header (axe empty-table-header).
        columns.component(getTranslation("notify.admin.actions"), this::resendButton).setAutoWidth(true)
                .setFlexGrow(0).setKey("resend");
        columns.cardsOnPhones();
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setItems(query -> admin.list(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setSizeFull();

        add(new H2(getTranslation("notify.admin.title")), bar, grid);
        updateCounts();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCounts();
    }

    private void updateCounts() {
        Map<DeliveryState, Long> byState = admin.counts();
        counts.setText(getTranslation("notify.admin.counts", byState.get(DeliveryState.QUEUED),
                byState.get(DeliveryState.SENT), byState.get(DeliveryState.DELIVERED),
                byState.get(DeliveryState.FAILED), byState.get(DeliveryState.DEAD)));
    }

    private Component stateOf(NotificationView view, Channel channel) {
        DeliveryView delivery = view.delivery(channel);
        if (delivery == null) {
            return new Span(getTranslation("notify.admin.none"));
        }
        String text = getTranslation("notify.state." + delivery.state().name());
        if (channel == Channel.IN_APP) {
            text += " · " + getTranslation(view.read() ? "notify.admin.read" : "notify.admin.unread");
        } else if (delivery.attempts() > 1 || delivery.state() == DeliveryState.FAILED || delivery.state() == DeliveryState.DEAD) {
            text += " (" + getTranslation("notify.admin.attempts", delivery.attempts()) + ")";
        }
        Span state = new Span(text);
        state.getStyle().set("color", switch (delivery.state()) {
            case QUEUED -> "var(--lumo-secondary-text-color)";
            case SENT -> "var(--lumo-primary-text-color)";
            case DELIVERED -> "var(--lumo-success-text-color)";
            case FAILED -> "var(--lumo-warning-text-color, #b45309)";
            case DEAD -> "var(--lumo-error-text-color)";
        });
        if (delivery.lastError() != null) {
            state.getElement().setAttribute("title", delivery.lastError());
        }
        return state;
    }

    private Component resendButton(NotificationView view) {
        if (!view.resendable()) {
            return new Span();
        }
        Button resend = new Button(getTranslation("notify.admin.resend"), e -> {
            try {
                admin.resend(view.id());
                Notification.show(getTranslation("notify.admin.resent"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ShenchaException refused) {
                Notification.show(messages.describe(getLocale(), refused), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return resend;
    }

    private Component details(NotificationView view) {
        Div details = new Div(new Paragraph(view.title() + "：" + view.body()));
        for (DeliveryView delivery : view.deliveries()) {
            StringBuilder line = new StringBuilder(getTranslation("notify.channel." + delivery.channel().name()))
                    .append(" → ").append(delivery.recipient()).append(" · ")
                    .append(getTranslation("notify.state." + delivery.state().name()));
            if (delivery.sentAt() != null) {
                line.append(" · ").append(ShanghaiTime.format(delivery.sentAt()));
            }
            if (delivery.nextAttemptAt() != null && delivery.state() == DeliveryState.FAILED) {
                line.append(" · ").append(getTranslation("notify.admin.nextAttempt", ShanghaiTime.format(delivery.nextAttemptAt())));
            }
            if (delivery.lastError() != null) {
                line.append(" · ").append(delivery.lastError());
            }
            details.add(new Paragraph(line.toString()));
        }
        details.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return details;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.admin.title");
    }
}
