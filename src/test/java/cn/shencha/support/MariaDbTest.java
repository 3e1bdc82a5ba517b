package cn.shencha.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on MariaDB/MySQL through MySQL Connector/J (127.0.0.1:3306, database shencha_test,
 * or SHENCHA_TEST_DB_URL). Without a reachable server the context fails to start: the test fails, never
 * skips. .ci/run starts MariaDB and creates a fresh database. The production profile {@code mysql} is active
 * too (its driver settings apply), with the test database's URL and account from {@code mariadb}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("mariadb")
@SpringBootTest
@ActiveProfiles({"test", "mysql", "mariadb"})
@Import({TestClockConfig.class, TestData.class})
public @interface MariaDbTest {
}
