package cn.shencha.review;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An index on Camunda's job table for acquisition by due date (the job executor's query then reads the due
 * timers in order instead of scanning every waiting timer: a district has one per candidate, tens of
 * thousands). Camunda creates and migrates its own tables when the engine starts, after Flyway has run, so
 * the index is added here once the engine is up, if it is not there yet. See docs/performance.md.
 */
@Component
class JobAcquisitionIndex {

    static final String NAME = "SHENCHA_IDX_JOB_ACQUIRE";
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
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection.getMetaData())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index " + NAME + " on ACT_RU_JOB (TYPE_, DUEDATE_)");
            }
            log.info("Created index {} on ACT_RU_JOB (TYPE_, DUEDATE_) for the job executor.", NAME);
        } catch (SQLException e) {
            // Jobs still run without it, only slower on a deadline night: not a reason to refuse to start.
            log.warn("Could not create index {} on ACT_RU_JOB: {}", NAME, e.getMessage());
        }
    }

    private static boolean exists(DatabaseMetaData meta) throws SQLException {
        for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
            try (ResultSet indexes = meta.getIndexInfo(null, null, table, false, true)) {
                while (indexes.next()) {
                    String name = indexes.getString("INDEX_NAME");
                    if (name != null && name.toUpperCase(Locale.ROOT).equals(NAME)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
