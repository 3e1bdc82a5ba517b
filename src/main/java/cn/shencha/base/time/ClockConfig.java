package cn.shencha.base.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, so that services, the process engine's deadlines and tests agree on "now".
 * Tests replace it with a {@link MutableClock}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.system(ShanghaiTime.ZONE);
    }
}
