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
 * Two indexes on Camunda's job table for the job executor's acquisition query, which a deadline night runs
 * dozens of times a second while tens of thousands of timers are due (one per candidate):
 * <ul>
 * <li>{@code (TYPE_ DESC, DUEDATE_)} matches its {@code order by TYPE_ desc, DUEDATE_ asc} (timers first, by
 *     due date), so it reads the first 30 due jobs in index order; with an ascending index, MariaDB read and
 *     sorted every due job instead;</li>
 * <li>{@code (LOCK_EXP_TIME_)} serves its "no other job of this case is locked" subquery, which otherwise
 *     scanned the whole table on every acquisition.</li>
 * </ul>
 * Camunda creates and migrates its own tables when the engine starts, after Flyway has run, so they are added
 * here once the engine is up, if they are not there yet. Measured in docs/performance.md.
 */
@Component
class JobAcquisitionIndex {

    static final Map<String, String> INDEXES = Map.of(
            "SHENCHA_IDX_JOB_ACQUIRE", "(TYPE_ desc, DUEDATE_)",
            "SHENCHA_IDX_JOB_LOCK_EXP", "(LOCK_EXP_TIME_)");
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final DataSource dataSource;
    private final boolean enabled;

    JobAcquisitionIndex(DataSource dataSource, @Value("${shencha.jobs.acquisition-index:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void ensure() {
        if (!enabled) {
            return;
        }
        for (Map.Entry<String, String> index : new TreeMap<>(INDEXES).entrySet()) {
            try (Connection connection = dataSource.getConnection()) {
                if (exists(connection.getMetaData(), index.getKey())) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create index " + index.getKey() + " on ACT_RU_JOB " + index.getValue());
                }
                log.info("Created index {} on ACT_RU_JOB {} for the job executor.", index.getKey(), index.getValue());
            } catch (SQLException e) {
                // Jobs still run without it, only slower on a deadline night: not a reason to refuse to start.
                log.warn("Could not create index {} on ACT_RU_JOB: {}", index.getKey(), e.getMessage());
            }
        }
    }

    private static boolean exists(DatabaseMetaData meta, String name) throws SQLException {
        for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
            try (ResultSet indexes = meta.getIndexInfo(null, null, table, false, true)) {
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
