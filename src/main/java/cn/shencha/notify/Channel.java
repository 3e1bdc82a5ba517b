package cn.shencha.notify;

/** A way to reach a candidate. In-app is always on; the others only when configured (see NotifyProperties). */
public enum Channel {
    IN_APP,
    SMS,
    EMAIL,
    WECHAT
}
