package cn.shencha.review;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables that its MySQL schema lacks and that tens of thousands of cases need. Two on the
 * job table for the job executor's acquisition query, which a deadline night runs dozens of times a second
 * while tens of thousands of timers are due (one per candidate):
 * <ul>
 * <li>{@code (TYPE_ DESC, DUEDATE_)} matches its {@code order by TYPE_ desc, DUEDATE_ asc} (timers first, by
 *     due date), so it reads the first 30 due jobs in index order; with an ascending index, MariaDB read and
 *     sorted every due job instead;</li>
 * <li>{@code (LOCK_EXP_TIME_)} serves its "no other job of this case is locked" subquery, which otherwise
 *     scanned the whole table on every acquisition.</li>
 * </ul>
 * and one on {@code ACT_RU_TASK (PARENT_TASK_ID_)}: completing a task looks up its subtasks, which scanned every
 * open task (80–450 ms per reviewer decision with 24,000 tasks open).
 * Camunda creates and migrates its own tables when the engine starts, after Flyway has run, so they are added
 * here once the engine is up, if they are not there yet. Measured in docs/performance.md.
 */
@Component
class EngineIndexes {

    /** Index name to "table (columns)". */
    static final Map<String, String> INDEXES = Map.of(
            "SHENCHA_IDX_JOB_ACQUIRE", "ACT_RU_JOB (TYPE_ desc, DUEDATE_)",
            "SHENCHA_IDX_JOB_LOCK_EXP", "ACT_RU_JOB (LOCK_EXP_TIME_)",
            "SHENCHA_IDX_TASK_PARENT", "ACT_RU_TASK (PARENT_TASK_ID_)");
    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** MySQL/MariaDB: "Duplicate key name", another node created the index first. */
    private static final int ER_DUP_KEYNAME = 1061;

    private final DataSource dataSource;
    private final boolean enabled;
    private final SetupLock setupLock;

    EngineIndexes(DataSource dataSource, @Value("${shencha.engine.extra-indexes:true}") boolean enabled,
                  SetupLock setupLock) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.setupLock = setupLock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void ensureAtStart() {
        if (enabled) {
            setupLock.run("Engine indexes", this::ensure);
        }
    }

    void ensure() {
        for (Map.Entry<String, String> index : new TreeMap<>(INDEXES).entrySet()) {
            try (Connection connection = dataSource.getConnection()) {
                String table = index.getValue().substring(0, index.getValue().indexOf(' '));
                if (exists(connection.getMetaData(), table, index.getKey())) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create index " + index.getKey() + " on " + index.getValue());
                }
                log.info("Created index {} on {}.", index.getKey(), index.getValue());
            } catch (SQLException e) {
                if (e.getErrorCode() == ER_DUP_KEYNAME) {
                    log.info("Index {} was created by another node.", index.getKey());
                    continue;
                }
                // The engine still works without it, only slower with many cases: not a reason to refuse to start.
                log.warn("Could not create index {} on {}: {}", index.getKey(), index.getValue(), e.getMessage());
            }
        }
    }

    private static boolean exists(DatabaseMetaData meta, String table, String name) throws SQLException {
        for (String spelling : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet indexes = meta.getIndexInfo(null, null, spelling, false, true)) {
                while (indexes.next()) {
                    String found = indexes.getString("INDEX_NAME");
                    if (found != null && found.toUpperCase(Locale.ROOT).equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
