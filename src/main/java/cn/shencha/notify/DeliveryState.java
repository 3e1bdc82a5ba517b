package cn.shencha.notify;

/**
 * Where one notification stands on one channel. QUEUED waits for the dispatcher; FAILED failed an attempt
 * and waits for its retry; SENT was accepted by the gateway; DELIVERED was reported delivered (for in-app:
 * read by the candidate); DEAD gave up (attempts exhausted, a permanent refusal, or reported undeliverable)
 * until an administrator resends it.
 */
public enum DeliveryState {
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
    DEAD;

    /** States the dispatcher still works on. */
    public boolean pending() {
        return this == QUEUED || this == FAILED;
    }
}
