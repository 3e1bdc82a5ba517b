package cn.shencha.review;

import cn.shencha.support.MigrationDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;

/** V80_1 on MariaDB/MySQL: a fresh database per test beside the test database, dropped after. */
@Tag("mariadb")
class ReviewCaseMigrationMariaDbTests extends ReviewCaseMigrationContract {

    @Override
    protected MigrationDatabase newDatabase() throws SQLException {
        return MigrationDatabase.mariaDb("v80");
    }
}
