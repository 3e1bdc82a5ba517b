package cn.shencha.review;

import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port (H2, test clock, no job executor), for tests that go through the
 * real servlet stack: /engine-rest/ (Jersey), the Camunda webapps, the login page, a real browser.
 * All review web tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class, ReviewFixtures.class})
@interface ReviewWebTest {
}
