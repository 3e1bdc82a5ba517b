package cn.shencha.admin.api;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Date-times of the admin API: ISO-8601 with an offset, e.g. {@code 2026-02-11T24:00+08:00} (the manuals'
 * "2月11日24时", read as 2026-02-12T00:00+08:00) or {@code 2026-02-11T16:00:00Z}; answered in +08:00.
 */
final class ApiDateTimes {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withResolverStyle(ResolverStyle.SMART);

    private ApiDateTimes() {
    }

    static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.from(INPUT.parse(value.strip())).toInstant();
        } catch (DateTimeParseException e) {
            throw ShenchaException.badRequest("DATE_TIME_INVALID", field, value);
        }
    }

    static OffsetDateTime format(Instant instant) {
        return instant == null ? null : instant.atZone(ShanghaiTime.ZONE).toOffsetDateTime();
    }
}
