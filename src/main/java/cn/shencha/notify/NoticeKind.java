package cn.shencha.notify;

import java.util.List;

/**
 * What a candidate is told. Each kind has templates in the notify bundles ({@code notice.<KIND>.title},
 * {@code .body} and {@code .sms}) whose arguments {0}, {1}, ... are, in order, the parameters named here;
 * SMS and WeChat templates configured at the gateways receive the same parameters by these names.
 */
public enum NoticeKind {
    SUPPLEMENT_REQUESTED("name", "materials", "deadline"),
    MATERIALS_AUTO_LOCKED("name"),
    SUPPLEMENT_EXPIRED("name"),
    VERDICT_PUBLISHED("name"),
    UPLOAD_REMINDER("name", "deadline");

    private final List<String> params;

    NoticeKind(String... params) {
        this.params = List.of(params);
    }

    /** The names of the template arguments, in order. */
    public List<String> params() {
        return params;
    }
}
