package cn.shencha.review;

import cn.shencha.support.MigrationDatabase;

/** V80_1 on H2 (as the application configures it), one in-memory database per test. */
class ReviewCaseMigrationTests extends ReviewCaseMigrationContract {

    @Override
    protected MigrationDatabase newDatabase() {
        return MigrationDatabase.h2("review-case-migration");
    }
}
