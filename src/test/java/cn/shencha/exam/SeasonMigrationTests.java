package cn.shencha.exam;

import cn.shencha.support.MigrationDatabase;

/** V73_1 on H2 (as the application configures it), one in-memory database per test. */
class SeasonMigrationTests extends SeasonMigrationContract {

    @Override
    protected MigrationDatabase newDatabase() {
        return MigrationDatabase.h2("season-migration");
    }
}
