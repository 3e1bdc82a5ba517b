package cn.shencha.notify;

/** What a candidate is told; each has a title and body template in the message bundles (notice.<kind>.*). */
public enum NoticeKind {
    SUPPLEMENT_REQUESTED,
    MATERIALS_AUTO_LOCKED,
    SUPPLEMENT_EXPIRED,
    VERDICT_PUBLISHED
}
