package cn.shencha.notify;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Delivery reports from gateways (an SMS gateway's status callback, WeChat's TEMPLATESENDJOBFINISH event):
 * a message they had accepted (SENT) is now DELIVERED, or DEAD when it could not be delivered.
 */
@Service
public class DeliveryReports {

    private final NotificationDeliveryRepository deliveries;
    private final Clock clock;

    DeliveryReports(NotificationDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @return whether a sent delivery with this gateway reference was found and updated */
    public boolean report(Channel channel, String gatewayRef, boolean delivered, String detail) {
        if (gatewayRef == null || gatewayRef.isBlank()) {
            return false;
        }
        String error = delivered ? null : Outbox.truncate("undeliverable: " + (detail == null ? "" : detail), 1000);
        return deliveries.report(channel, gatewayRef, DeliveryState.SENT,
                delivered ? DeliveryState.DELIVERED : DeliveryState.DEAD, clock.instant(), error) > 0;
    }
}
