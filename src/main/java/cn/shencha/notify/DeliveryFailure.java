package cn.shencha.notify;

/**
 * A send failed. Transient failures (timeouts, 5xx, a busy gateway) are retried with backoff; permanent
 * ones (an invalid number, an unsubscribed WeChat user, a refused request) make the delivery dead at once.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure transientFailure(String message) {
        return new DeliveryFailure(message, false);
    }

    public static DeliveryFailure permanentFailure(String message) {
        return new DeliveryFailure(message, true);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
