package cn.shencha.notify;

/**
 * A gateway accepted the message. {@code gatewayRef} is its message id (for delivery reports);
 * {@code delivered} when the gateway already confirms delivery (an SMTP server, a gateway that answers so).
 */
public record SendResult(String gatewayRef, boolean delivered) {

    public static SendResult accepted(String gatewayRef) {
        return new SendResult(gatewayRef, false);
    }
}
