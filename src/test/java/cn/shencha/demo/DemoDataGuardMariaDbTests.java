package cn.shencha.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.Application;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;

/**
 * The default (demo) profile pointed at a MySQL/MariaDB database, without the mysql profile: before the fix it
 * seeded admin/Demo2026 into it. Now the demo data refuse to start on anything but the embedded H2.
 */
@Tag("mariadb")
class DemoDataGuardMariaDbTests {

    @Test
    void theDemoRefusesAnyDatabaseButTheEmbeddedH2() throws Exception {
        // The mariadb test profile brings the URL of the test database (SHENCHA_TEST_DB_URL), after demo's H2.
        SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class)
                .profiles("demo", "mariadb")
                .properties("server.port=0", "camunda.bpm.job-execution.enabled=false",
                        "shencha.storage.dir=target/test-images");
        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("only for the embedded H2 database");

        String url = new StandardEnvironment().resolvePlaceholders("${SHENCHA_TEST_DB_URL:jdbc:mysql://127.0.0.1:3306/"
                + "shencha_test?sendFractionalSeconds=false&allowPublicKeyRetrieval=true&useSSL=false}");
        try (Connection connection = DriverManager.getConnection(url,
                System.getenv().getOrDefault("SHENCHA_TEST_DB_USER", "root"),
                System.getenv().getOrDefault("SHENCHA_TEST_DB_PASSWORD", ""));
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "ACT_ID_USER", null)) {
            if (tables.next()) {
                try (ResultSet users = connection.createStatement().executeQuery(
                        "select count(*) from ACT_ID_USER where ID_ in ('admin', 'site1201reviewer')")) {
                    users.next();
                    assertThat(users.getInt(1)).as("demo accounts written").isZero();
                }
            }
        }
    }

    @Test
    void theEmbeddedH2IsTheOnlyDatabaseTheDemoTakes() {
        assertThat(DemoData.isEmbeddedH2("jdbc:h2:file:./data/shencha-demo")).isTrue();
        assertThat(DemoData.isEmbeddedH2("jdbc:h2:mem:x")).isTrue();
        assertThat(DemoData.isEmbeddedH2("jdbc:h2:tcp://db.example/shencha")).isFalse();
        assertThat(DemoData.isEmbeddedH2("jdbc:mysql://localhost:3306/shencha")).isFalse();
        assertThat(DemoData.isEmbeddedH2("jdbc:mariadb://localhost/shencha")).isFalse();
    }
}
