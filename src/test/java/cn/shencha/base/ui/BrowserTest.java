package cn.shencha.base.ui;

import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the Vaadin UI in headless Chromium ({@link Browser}) against the whole application on a random port,
 * without Vaadin's dev tools. Each class names its own in-memory H2 database with
 * {@code @TestPropertySource(properties = "spring.datasource.url=...")}, so that its data stays its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class})
public @interface BrowserTest {
}
