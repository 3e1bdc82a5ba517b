package cn.shencha.support;

import cn.shencha.base.time.MutableClock;
import cn.shencha.base.time.ShanghaiTime;
import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * A clock the tests move. It starts inside Tianjin's 2026 upload window (2026-01-29 10:00 to 2026-02-11 24:00).
 * Also the executor of {@code @Async} methods: the events between modules ({@code @ApplicationModuleListener}) are
 * still handled after the publishing transaction's commit, in a transaction of their own and through the event
 * publication registry, but in the publishing thread, so a test sees the candidate's notice when its call returns.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    public static final LocalDateTime START = LocalDateTime.of(2026, 2, 1, 9, 0);

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ShanghaiTime.at(START), ShanghaiTime.ZONE);
    }

    /** Replaces Spring Boot's thread pool for {@code @Async} (the name that {@code @EnableAsync} looks for). */
    @Bean("taskExecutor")
    SyncTaskExecutor taskExecutor() {
        return new SyncTaskExecutor();
    }
}
