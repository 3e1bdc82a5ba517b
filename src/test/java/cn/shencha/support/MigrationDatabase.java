package cn.shencha.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * An empty database of its own for a migration test: H2 in memory, or a MariaDB/MySQL database beside the test
 * database, named after it ({@code shencha_test_<name>_<n>}), which {@link #close()} drops.
 */
public final class MigrationDatabase implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;
    private final String vendor;
    private final String dropOnClose;

    private MigrationDatabase(String url, String user, String password, String vendor, String dropOnClose) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.vendor = vendor;
        this.dropOnClose = dropOnClose;
    }

    /** H2 as the application configures it. */
    public static MigrationDatabase h2(String name) {
        return new MigrationDatabase("jdbc:h2:mem:" + name + "-" + SEQUENCE.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", "sa", "", "h2", null);
    }

    public static MigrationDatabase mariaDb(String name) throws SQLException {
        String database = MariaDbUrls.database(MariaDbUrls.testUrl()) + "_" + name + "_" + System.nanoTime() % 1_000_000_000L;
        String user = System.getenv().getOrDefault("SHENCHA_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("SHENCHA_TEST_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        }
        return new MigrationDatabase(MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), database), user, password,
                "mariadb", database);
    }

    /** Our migrations and the database's own (db/vendor), up to the target ("latest" for all). */
    public Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target).load();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * The rows of a query, each as its cells joined by "|"; a datetime to the second (H2 and MariaDB print the
     * fraction of a datetime(6) differently).
     */
    public static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String cell = rs.getString(i);
                    cells.add(cell != null && cell.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*")
                            ? cell.substring(0, 19) : String.valueOf(cell));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (dropOnClose != null) {
            try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + dropOnClose);
            }
        }
    }
}
