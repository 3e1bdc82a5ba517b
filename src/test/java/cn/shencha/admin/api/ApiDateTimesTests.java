package cn.shencha.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApiDateTimesTests {

    @Test
    void theManualsTwentyFourHundredIsTheNextDaysMidnight() {
        assertThat(ApiDateTimes.parse("f", "2026-02-11T24:00+08:00")).isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)));
        assertThat(ApiDateTimes.parse("f", "2026-02-11T24:00:00+08:00")).isEqualTo(Instant.parse("2026-02-11T16:00:00Z"));
    }

    @Test
    void anyOffsetIsAcceptedAndAnswersAreInBeijingTime() {
        assertThat(ApiDateTimes.parse("f", "2026-02-11T16:00:00Z")).isEqualTo(Instant.parse("2026-02-11T16:00:00Z"));
        assertThat(ApiDateTimes.format(Instant.parse("2026-02-11T16:00:00Z")).toString()).isEqualTo("2026-02-12T00:00+08:00");
        assertThat(ApiDateTimes.parse("f", " ")).isNull();
    }

    @Test
    void aTimeWithoutOffsetOrOutOfRangeIsRefused() {
        for (String wrong : new String[]{"2026-02-11T10:00", "2026-02-11", "2026-02-11T24:30+08:00", "tomorrow"}) {
            assertThatThrownBy(() -> ApiDateTimes.parse("uploadDeadline", wrong)).as(wrong)
                    .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("DATE_TIME_INVALID"));
        }
    }
}
