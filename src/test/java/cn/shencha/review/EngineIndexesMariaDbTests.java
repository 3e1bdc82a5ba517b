package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.support.MariaDbTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine indexes exist after start, the job executor's in the order its acquisition query sorts by. (Which plan the
 * optimizer picks depends on the table's size: with the tens of thousands of due timers of a deadline night it
 * reads the first 30 through the index, see docs/performance.md; a test database's few jobs are scanned.)
 */
@MariaDbTest
class EngineIndexesMariaDbTests {

    /** Camunda's acquisition query (Job.xml, selectNextJobsToExecute) with acquire-by-due-date, timers first. */
    private static final String ACQUISITION = """
            explain select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= now())
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = 1 and not exists (select J2.ID_ from ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
                      and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
                   or RES.EXCLUSIVE_ = 0)
            order by RES.TYPE_ desc, RES.DUEDATE_ asc limit 30""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndexesExistAfterStartInTheOrderTheQueriesNeed() {
        List<String> columns = jdbc.queryForList("select concat(INDEX_NAME, ':', COLUMN_NAME, ':', COLLATION)"
                + " from information_schema.STATISTICS where TABLE_SCHEMA = database()"
                + " and INDEX_NAME like 'SHENCHA%' order by INDEX_NAME, SEQ_IN_INDEX", String.class);
        assertThat(columns).containsExactly("SHENCHA_IDX_JOB_ACQUIRE:TYPE_:D", "SHENCHA_IDX_JOB_ACQUIRE:DUEDATE_:A",
                "SHENCHA_IDX_JOB_LOCK_EXP:LOCK_EXP_TIME_:A", "SHENCHA_IDX_TASK_PARENT:PARENT_TASK_ID_:A");

        // The "no other job of this case is locked" subquery reads only the locked jobs.
        List<Map<String, Object>> plan = jdbc.queryForList(ACQUISITION);
        assertThat(plan).anySatisfy(row -> assertThat(row.get("key")).isEqualTo("SHENCHA_IDX_JOB_LOCK_EXP"));
    }
}
