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
// Its own in-memory database: other contexts' site 1201 tasks would push the browser test's task off
// Tasklist's first page.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:shencha-review-web;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class, ReviewFixtures.class})
@interface ReviewWebTest {
}
