package cn.shencha.notify;

/**
 * Sends one message through one external channel (SMS, e-mail, WeChat). Implementations live in
 * notify.channel; the dispatcher calls them outside any transaction, at most once per claimed attempt.
 */
public interface ChannelSender {

    Channel channel();

    /** Configured: deliveries are queued for this channel only while it is. */
    boolean enabled();

    /** Whether this channel has something to send for this kind (e.g. a configured WeChat template). */
    default boolean handles(NoticeKind kind) {
        return true;
    }

    /**
     * Sends, passing {@link OutboundMessage#idempotencyKey()} to the gateway so that it can drop a duplicate.
     *
     * @throws DeliveryFailure when the gateway refused or could not be reached
     */
    SendResult send(OutboundMessage message);
}
