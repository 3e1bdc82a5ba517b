package cn.shencha.base.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every date-time is shown and entered in Asia/Shanghai, whatever the server's zone. */
public final class ShanghaiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ShanghaiTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(ZONE));
    }

    public static Instant at(LocalDateTime localDateTime) {
        return localDateTime.atZone(ZONE).toInstant();
    }

    /**
     * The manuals' "2月11日24时" is the end of that day: 24:00 is the next day's 00:00.
     */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
