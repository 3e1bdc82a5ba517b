package cn.shencha.exam;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/** V73_1 on H2 (as the application configures it), one in-memory database per test. */
class SeasonMigrationTests extends SeasonMigrationContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private String url;

    @BeforeEach
    void newDatabase() {
        url = "jdbc:h2:mem:season-migration-" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
