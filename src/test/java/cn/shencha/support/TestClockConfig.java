package cn.shencha.support;

import cn.shencha.base.time.MutableClock;
import cn.shencha.base.time.ShanghaiTime;
import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests move. It starts inside Tianjin's 2026 upload window (2026-01-29 10:00 to 2026-02-11 24:00). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    public static final LocalDateTime START = LocalDateTime.of(2026, 2, 1, 9, 0);

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ShanghaiTime.at(START), ShanghaiTime.ZONE);
    }
}
