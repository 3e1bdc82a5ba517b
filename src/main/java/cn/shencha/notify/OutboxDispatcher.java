package cn.shencha.notify;

import cn.shencha.base.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

/**
 * Sends the outbox. Each run finds the deliveries that are due and not leased, claims each with one
 * guarded UPDATE (only one node's claim succeeds), sends it outside any transaction and records the
 * outcome under the same claim token. A node that dies after claiming leaves a lease that runs out;
 * the next run of any node takes the delivery over and sends it with the same idempotency key.
 * Failures are retried with exponential backoff until the attempts are used up: then the delivery is dead.
 */
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Set<DeliveryState> PENDING = EnumSet.of(DeliveryState.QUEUED, DeliveryState.FAILED);
    private static final int MAX_ERROR = 1000;

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotifyProperties.Dispatcher settings;
    private final Messages text;
    private final Clock clock;
    private final String nodeId;

    OutboxDispatcher(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
                     Collection<ChannelSender> senders, NotifyProperties.Dispatcher settings, Messages text,
                     Clock clock, String nodeId) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = settings;
        this.text = text;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }

    /**
     * One run: claims and sends what is due now. A channel that fails transiently is left alone for the rest
     * of the run, so that a gateway outage costs one timeout per run rather than one per queued message.
     *
     * @return how many deliveries this run attempted
     */
    public int dispatchDue() {
        List<NotificationDeliveryRepository.Due> due =
                deliveries.findDue(PENDING, clock.instant(), PageRequest.of(0, settings.getBatchSize()));
        Set<Channel> failing = EnumSet.noneOf(Channel.class);
        int attempted = 0;
        for (NotificationDeliveryRepository.Due delivery : due) {
            if (failing.contains(delivery.getChannel())) {
                continue;
            }
            String token = nodeId + "/" + UUID.randomUUID();
            Instant now = clock.instant();
            if (deliveries.claim(delivery.getId(), token, now, now.plus(settings.getLease()), PENDING) == 1) {
                if (!attempt(delivery.getId(), token)) {
                    failing.add(delivery.getChannel());
                }
                attempted++;
            }
        }
        return attempted;
    }

    /** @return false when the channel failed transiently */
    private boolean attempt(Long id, String token) {
        NotificationDelivery delivery = deliveries.findById(id).orElseThrow();
        Notification notification = notifications.findById(delivery.getNotificationId()).orElseThrow();
        ChannelSender sender = senders.get(delivery.getChannel());
        if (delivery.getAttempts() > settings.getMaxAttempts()) {
            // Claimed again after the last allowed attempt never finished (the node died while sending).
            fail(delivery, token, "attempts exhausted", true);
            return true;
        }
        if (sender == null || !sender.enabled()) {
            fail(delivery, token, "channel " + delivery.getChannel() + " is not configured", true);
            return true;
        }
        try {
            SendResult result = sender.send(message(delivery, notification));
            Instant at = clock.instant();
            int updated = deliveries.markSent(id, token, result.delivered() ? DeliveryState.DELIVERED : DeliveryState.SENT,
                    at, result.delivered() ? at : null, result.gatewayRef());
            if (updated == 0) {
                log.warn("Delivery {} was sent but its lease had been taken over; the gateway sees the same key", id);
            }
            return true;
        } catch (DeliveryFailure failure) {
            fail(delivery, token, failure.getMessage(), failure.isPermanent());
            return failure.isPermanent();
        } catch (RuntimeException e) {
            fail(delivery, token, e.toString(), false);
            return false;
        }
    }

    private void fail(NotificationDelivery delivery, String token, String error, boolean permanent) {
        boolean dead = permanent || delivery.getAttempts() >= settings.getMaxAttempts();
        Instant next = dead ? null : clock.instant().plus(backoff(delivery.getAttempts()));
        String message = Outbox.truncate(error == null ? "error" : error, MAX_ERROR);
        deliveries.markFailed(delivery.getId(), token, dead ? DeliveryState.DEAD : DeliveryState.FAILED, message, next);
        if (dead) {
            log.warn("Notification delivery {} ({}) is dead after {} attempt(s): {}",
                    delivery.getId(), delivery.getChannel(), delivery.getAttempts(), message);
        } else {
            log.info("Notification delivery {} ({}) failed attempt {}, retry at {}: {}",
                    delivery.getId(), delivery.getChannel(), delivery.getAttempts(), next, message);
        }
    }

    /** The wait after the given (1-based) failed attempt: base, 2×base, 4×base, ... up to the maximum. */
    Duration backoff(int attempts) {
        Duration wait = settings.getBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.getBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.getBackoffMax()) > 0 ? settings.getBackoffMax() : wait;
    }

    private OutboundMessage message(NotificationDelivery delivery, Notification notification) {
        List<String> params = notification.getParams();
        String shortText = text.get(Messages.DEFAULT_LOCALE, "notice." + notification.getKind().name() + ".sms",
                params.toArray());
        return new OutboundMessage(delivery.idempotencyKey(notification.getIdempotencyKey()), delivery.getChannel(),
                delivery.getRecipient(), notification.getKind(), TemplateParams.named(notification.getKind(), params),
                notification.getTitle(), notification.getBody(), shortText);
    }
}
