package cn.shencha.base.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShanghaiTimeTests {

    @Test
    void showsBeijingTimeWhateverTheServersZone() {
        assertThat(ShanghaiTime.format(Instant.parse("2026-01-29T02:00:00Z"))).isEqualTo("2026-01-29 10:00");
    }

    @Test
    void showsMidnightAsTheManualsWriteIt() {
        // 2月11日24时: the end of the 11th, stored as the 12th's 00:00.
        assertThat(ShanghaiTime.format(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)))).isEqualTo("2026-02-11 24:00");
        assertThat(ShanghaiTime.format(Instant.parse("2026-02-28T16:00:00Z"))).isEqualTo("2026-02-28 24:00");
        // One second later it is the next day.
        assertThat(ShanghaiTime.format(Instant.parse("2026-02-11T16:00:01Z"))).isEqualTo("2026-02-12 00:00");
    }

    @Test
    void showsNothingForNoTime() {
        assertThat(ShanghaiTime.format(null)).isEmpty();
    }
}
