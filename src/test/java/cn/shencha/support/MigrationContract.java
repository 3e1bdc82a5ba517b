package cn.shencha.support;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A migration test: each test method gets an empty database of its own ({@link MigrationDatabase}), dropped after.
 * The H2 and the MariaDB subclass say which.
 */
public abstract class MigrationContract {

    protected MigrationDatabase db;

    /** A new, empty database of the test's own. */
    protected abstract MigrationDatabase newDatabase() throws SQLException;

    @BeforeEach
    void openDatabase() throws SQLException {
        db = newDatabase();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }
}
