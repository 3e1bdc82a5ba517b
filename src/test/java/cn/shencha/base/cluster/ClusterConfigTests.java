package cn.shencha.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.DatabaseProduct;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** ShedLock's database product, from the configured URL, so that no lock has to detect it on a dead connection. */
class ClusterConfigTests {

    private static final String UNKNOWN = "unknown database product";

    @Test
    void theProductComesFromTheUrl() {
        assertThat(ClusterConfig.databaseProduct("jdbc:mysql://db:3306/shencha?sendFractionalSeconds=false"))
                .isEqualTo(DatabaseProduct.MY_SQL);
        assertThat(ClusterConfig.databaseProduct("jdbc:mariadb://db/shencha")).isEqualTo(DatabaseProduct.MARIA_DB);
        assertThat(ClusterConfig.databaseProduct("jdbc:h2:mem:shencha;DB_CLOSE_DELAY=-1")).isEqualTo(DatabaseProduct.H2);
        assertThat(ClusterConfig.databaseProduct("jdbc:postgresql://db/shencha")).isNull();
        assertThat(ClusterConfig.databaseProduct("")).isNull();
    }

    /**
     * A database that cannot be reached (a port nobody listens on): the lock fails on the connection, as it should,
     * and nothing says "DB time is not supported for unknown database product". Without the URL's product, as
     * before, that is exactly what ShedLock says.
     */
    @Test
    void aDeadDatabaseIsAConnectionFailureNotAnUnknownProduct() throws IOException {
        String url = "jdbc:mysql://127.0.0.1:" + closedPort() + "/shencha?connectTimeout=1000";
        assertThat(lockOn(url, url)).noneMatch(line -> line.contains(UNKNOWN))
                .anyMatch(line -> line.contains("Communications link failure") || line.contains("Connection refused"));
        assertThat(lockOn(url, "")).anyMatch(line -> line.contains(UNKNOWN));
    }

    /** @return the log lines and the thrown failure's messages of one lock attempt */
    private static List<String> lockOn(String url, String configuredUrl) {
        DriverManagerDataSource dead = new DriverManagerDataSource(url, "root", "");
        JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
                ClusterConfig.lockConfiguration(dead, new NodeName("app1"), configuredUrl));
        Logger shedlock = (Logger) LoggerFactory.getLogger("net.javacrumbs.shedlock");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        shedlock.addAppender(appender);
        List<String> lines = new ArrayList<>();
        try {
            provider.lock(new LockConfiguration(Instant.now(), "image-sweeper", Duration.ofMinutes(1), Duration.ZERO));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                lines.add(String.valueOf(t.getMessage()));
            }
        } finally {
            shedlock.detachAppender(appender);
        }
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(String.valueOf(t.getMessage()));
            }
        }
        return lines;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
