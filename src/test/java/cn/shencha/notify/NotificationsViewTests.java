package cn.shencha.notify;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.Roles;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.exam.Candidate;
import cn.shencha.notify.ui.NotificationsView;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.ShenchaSpringTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/** The administrators' page 通知发送, browserless (Karibu-Testing) on the whole application. */
@ShenchaSpringTest
@ExtendWith(KaribuExtension.class)
class NotificationsViewTests extends NotifyTestSupport {

    /** A verdict notice whose SMS the gateway refused for good (400), and an administrator signed in. */
    private Notification deadSmsSeenByAnAdministrator(Candidate candidate) {
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        GATEWAY.respond(request -> new FakeGateway.Reply(400, "{\"error\":\"blocked\"}"));
        dispatchAll();
        GATEWAY.reset();
        signIn(new StaffScope("admin", Set.of(), Set.of(), true), Roles.STAFF, Roles.ADMIN);
        return notification;
    }

    @Test
    @SuppressWarnings("unchecked")
    void administratorsSeeTheDeliveryStatePerChannelAndResendADeadOne() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = deadSmsSeenByAnAdministrator(candidate);

        UI.getCurrent().navigate("admin/notifications");

        assertThat((Class<?>) ClassUtils.getUserClass(NavigatorKt.getCurrentView())).isEqualTo(NotificationsView.class);
        Grid<NotificationAdmin.NotificationView> grid = _get(Grid.class);
        assertThat(GridKt._get(grid, 0).id()).isEqualTo(notification.getId());
        assertThat(text(grid, "channel-IN_APP")).isEqualTo("已发送 · 未读");
        assertThat(text(grid, "channel-SMS")).isEqualTo("已放弃 (第1次)");
        assertThat(((Span) GridKt._getCellComponent(grid, 0, "channel-SMS")).getElement().getAttribute("title"))
                .isEqualTo("HTTP 400: {\"error\":\"blocked\"}");
        assertThat(text(grid, "channel-EMAIL")).isEqualTo("—");

        ButtonKt._click((Button) GridKt._getCellComponent(grid, 0, "resend"));

        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(text(grid, "channel-SMS")).isEqualTo("排队中");
        dispatchAll();
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneEachNotificationIsACardWithItsStatesAndTheResendButton() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = deadSmsSeenByAnAdministrator(candidate);
        UI.getCurrent().navigate("admin/notifications");
        Grid<NotificationAdmin.NotificationView> grid = _get(Grid.class);

        PhoneGrid.on(grid).layoutFor(390);

        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey)).containsExactly("card");
        Component card = GridKt._getCellComponent(grid, 0, "card");
        assertThat(card.getElement().getTextRecursively()).contains(candidate.getRegistrationNo(), "短信", "已放弃 (第1次)");
        ButtonKt._click(_get(card, Button.class));
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void reviewersCannotOpenThePage() {
        signIn(new StaffScope("district12reviewer", Set.of(), Set.of("12"), false), Roles.STAFF, Roles.REVIEWER);

        UI.getCurrent().navigate("admin/notifications");

        assertThat((Class<?>) ClassUtils.getUserClass(NavigatorKt.getCurrentView())).isNotEqualTo(NotificationsView.class);
    }

    private static String text(Grid<NotificationAdmin.NotificationView> grid, String column) {
        return ((Span) GridKt._getCellComponent(grid, 0, column)).getText();
    }

    private static void signIn(StaffScope scope, String... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ShenchaUser.staff(scope), null,
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }
}
