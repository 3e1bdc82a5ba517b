package cn.shencha.notify;

/** A way to reach a candidate. In-app is always on; the others only when configured (see NotifyProperties). */
public enum Channel {
    IN_APP,
    SMS,
    EMAIL,
    WECHAT;

    /**
     * An address of this channel with its middle hidden (PIPL), wherever people other than the candidate read it
     * (the outbox pages, the log): 138****0001, z***@example.com, oAbC***.
     */
    public String mask(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return "";
        }
        return switch (this) {
            case IN_APP -> recipient;
            case SMS -> recipient.length() < 8 ? "****"
                    : recipient.substring(0, 3) + "****" + recipient.substring(recipient.length() - 4);
            case EMAIL -> {
                int at = recipient.indexOf('@');
                yield at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
            }
            case WECHAT -> recipient.substring(0, Math.min(4, recipient.length())) + "***";
        };
    }
}
