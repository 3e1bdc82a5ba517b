package cn.shencha.exam;

import cn.shencha.support.MigrationDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;

/** V73_1 on MariaDB/MySQL: a fresh database per test beside the test database, dropped after. */
@Tag("mariadb")
class SeasonMigrationMariaDbTests extends SeasonMigrationContract {

    @Override
    protected MigrationDatabase newDatabase() throws SQLException {
        return MigrationDatabase.mariaDb("season_migration");
    }
}
