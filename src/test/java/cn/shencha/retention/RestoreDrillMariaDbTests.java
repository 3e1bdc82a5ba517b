package cn.shencha.retention;

import cn.shencha.support.MariaDbTest;
import cn.shencha.support.MariaDbUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The restore drill on MariaDB, the production profile running: a hot dump (mariadb-dump --single-transaction), the
 * database dropped and loaded again. On a database of its own beside the test database (it drops it).
 */
@MariaDbTest
class RestoreDrillMariaDbTests extends RestoreDrillContract {

    private final String database = MariaDbUrls.scratchDatabase();
    private final String url = MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), database);

    @Test
    void aProductionDatabaseIsDumpedWhileRunningWipedAndRestoredWithEveryCandidateImageAndOpenTask() throws Exception {
        runDrill();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        execute("DROP DATABASE IF EXISTS " + database);
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=root",
                "--spring.datasource.password=");
    }

    @Override
    Map<String, String> drillEnvironment() {
        String hostAndPort = MariaDbUrls.hostAndPort(url);
        return Map.of("DRILL_DB", "mariadb", "DB_HOST", hostAndPort.substring(0, hostAndPort.indexOf(':')),
                "DB_PORT", hostAndPort.substring(hostAndPort.indexOf(':') + 1), "DB_NAME", database,
                "DB_USER", "root", "DB_PASSWORD", "");
    }

    @Override
    void freshDatabase() throws Exception {
        execute("DROP DATABASE IF EXISTS " + database);
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), ""), "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    String appProfiles() {
        return "mysql";
    }

    @Override
    String[] seedProfiles() {
        return new String[]{"test", "mysql"};
    }

    @Override
    int appPort() {
        return 18120;
    }
}
