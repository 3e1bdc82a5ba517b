package cn.shencha.exam;

/** The district's final decision. */
public enum Verdict {
    APPROVED,
    REJECTED
}
