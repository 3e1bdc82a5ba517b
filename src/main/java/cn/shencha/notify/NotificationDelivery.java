package cn.shencha.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One notification on one channel: its state, attempts, last error and the lease of the dispatcher that
 * is sending it. The dispatcher changes these rows only through the guarded updates of
 * {@link NotificationDeliveryRepository}, never by saving the entity.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id", nullable = false, updatable = false)
    private Long notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryState state;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private int generation;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "gateway_ref")
    private String gatewayRef;

    protected NotificationDelivery() {
    }

    /** A delivery the dispatcher will send. */
    static NotificationDelivery queued(Long notificationId, Channel channel, String recipient, Instant now) {
        NotificationDelivery delivery = new NotificationDelivery();
        delivery.notificationId = notificationId;
        delivery.channel = channel;
        delivery.recipient = recipient;
        delivery.state = DeliveryState.QUEUED;
        delivery.nextAttemptAt = now;
        return delivery;
    }

    /** The in-app delivery: the message was written in the same transaction, so it is sent already. */
    static NotificationDelivery inAppSent(Long notificationId, Long candidateId, Instant now) {
        NotificationDelivery delivery = new NotificationDelivery();
        delivery.notificationId = notificationId;
        delivery.channel = Channel.IN_APP;
        delivery.recipient = String.valueOf(candidateId);
        delivery.state = DeliveryState.SENT;
        delivery.attempts = 1;
        delivery.lastAttemptAt = now;
        delivery.sentAt = now;
        return delivery;
    }

    /**
     * The key a gateway sees: the notification's own key, so that a retry of the same message is recognised
     * as a duplicate; a deliberate resend of a message the gateway had accepted gets a new suffix.
     */
    public String idempotencyKey(String notificationKey) {
        return generation == 0 ? notificationKey : notificationKey + "-" + generation;
    }

    public Long getId() {
        return id;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public DeliveryState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getGeneration() {
        return generation;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getGatewayRef() {
        return gatewayRef;
    }
}
