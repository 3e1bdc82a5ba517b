package cn.shencha.base.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every date-time is shown and entered in Asia/Shanghai, whatever the server's zone. */
public final class ShanghaiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private ShanghaiTime() {
    }

    /**
     * {@code yyyy-MM-dd HH:mm} in Beijing time. A deadline at midnight is shown as the manuals write it, as the end
     * of the day before ("2026-02-11 24:00" for 2月11日24时), so that nobody reads "2026-02-12 00:00" as "through the
     * 12th".
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZONE);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return DAY.format(local.minusDays(1)) + " 24:00";
        }
        return DISPLAY.format(local);
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
