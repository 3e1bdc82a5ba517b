package cn.shencha.notify.api;

import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.DeliveryState;
import cn.shencha.notify.NotificationAdmin;
import cn.shencha.notify.NotificationAdmin.NotificationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators: the outbox with each notification's delivery state per channel, and resend. */
@RestController
@RequestMapping("/api/v1/admin/notifications")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: notifications")
class AdminNotificationController {

    record NotificationPage(List<NotificationView> items, int page, int size, long total,
                            Map<DeliveryState, Long> counts) {
    }

    private static final int MAX_SIZE = 200;

    private final NotificationAdmin admin;

    AdminNotificationController(NotificationAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Notifications, newest first; state=QUEUED|SENT|DELIVERED|FAILED|DEAD keeps those with a delivery in that state")
    NotificationPage list(@RequestParam(required = false) String state,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ShenchaException.badRequest("NOTIFICATION_PAGE_INVALID", MAX_SIZE);
        }
        Page<NotificationView> found = admin.list(parse(state), PageRequest.of(page, size));
        return new NotificationPage(found.getContent(), page, size, found.getTotalElements(), admin.counts());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notification with its deliveries")
    NotificationView get(@PathVariable Long id) {
        return admin.get(id);
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Send the failed and dead deliveries of a notification again (409 when there are none)")
    NotificationView resend(@PathVariable Long id) {
        return admin.resend(id);
    }

    private static DeliveryState parse(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ShenchaException.badRequest("NOTIFICATION_STATE_INVALID", state);
        }
    }
}
