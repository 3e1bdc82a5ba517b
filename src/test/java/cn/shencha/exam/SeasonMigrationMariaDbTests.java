package cn.shencha.exam;

import cn.shencha.support.MariaDbUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** V73_1 on MariaDB/MySQL: a fresh database per test next to the test database, dropped after. */
@Tag("mariadb")
class SeasonMigrationMariaDbTests extends SeasonMigrationContract {

    private String database;

    @BeforeEach
    void newDatabase() throws Exception {
        database = "shencha_season_migration_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
    }

    @Override
    String url() {
        return MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), database);
    }

    @Override
    String user() {
        return System.getenv().getOrDefault("SHENCHA_TEST_DB_USER", "root");
    }

    @Override
    String password() {
        return System.getenv().getOrDefault("SHENCHA_TEST_DB_PASSWORD", "");
    }
}
