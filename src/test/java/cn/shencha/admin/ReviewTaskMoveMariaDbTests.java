package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.Phase;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.support.MariaDbTest;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A schedule change moves the due dates of many open review tasks at once, on MariaDB: every task of the district
 * gets its new due date in the change's one transaction, across more than one chunk of DistrictTimers, within the
 * "deadline moves ≤ 10 s" promise. The number of cases is {@code -Dshencha.taskMove.cases} (501 by default: two
 * chunks, all started through the engine). Above 1,000 (20,000 for the figure in docs/performance.md; on a
 * database of its own, as it leaves rows behind) 500 cases are started through the engine and copied row by row
 * (candidate, ACT_RU_TASK, ACT_HI_TASKINST) up to that number: starting 20,000 instances one by one takes longer
 * than the measurement is worth, and the move reads and writes only those rows.
 */
@MariaDbTest
class ReviewTaskMoveMariaDbTests {

    static final int CASES = Integer.getInteger("shencha.taskMove.cases", DistrictTimers.CHUNK + 1);

    @Autowired
    ApplicationContext context;
    @Autowired
    ScheduleAdminService service;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestData testData;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final List<String> instances = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AdminTestData.from(context).freshDistrict();
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signOut();
        // Ended, so that the next freshDistrict need not move thousands of running cases out of the district.
        for (int from = 0; from < instances.size(); from += 500) {
            runtimeService.deleteProcessInstances(instances.subList(from, Math.min(instances.size(), from + 500)),
                    "test over", true, true);
        }
    }

    @Test
    void everyOpenReviewTaskOfTheDistrictFollowsTheChangeWithinTenSeconds() {
        long startedCreating = System.nanoTime();
        int started = CASES <= 1000 ? CASES : 500;
        for (int from = 0; from < started; from += 500) {
            int size = Math.min(500, started - from);
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < size; i++) {
                    instances.add(caseInSiteReview());
                }
            });
        }
        int cases = started;
        for (int copy = 1; cases < CASES; copy++) {
            copyCases(copy);
            cases += started;
        }
        Duration creating = Duration.ofNanos(System.nanoTime() - startedCreating);
        Instant supplementDeadline = ShanghaiTime.endOfDay(LocalDate.of(2026, 3, 5));
        Instant publication = ShanghaiTime.at(LocalDateTime.of(2026, 3, 27, 9, 0));
        DistrictSchedule moved = new DistrictSchedule(TestData.TIANJIN_2026.uploadStart(),
                TestData.TIANJIN_2026.uploadDeadline(), supplementDeadline, publication);

        long moveStarted = System.nanoTime();
        ScheduleAdminService.ScheduleChangeResult result =
                service.changeSchedule(AdminTestData.DISTRICT, moved, false, Progress.NONE);
        Duration took = Duration.ofNanos(System.nanoTime() - moveStarted);

        System.out.printf("Review task move: %d open site-review tasks moved in %d ms (creating them took %d s)%n",
                result.reviewTasksMoved(), took.toMillis(), creating.toSeconds());
        assertThat(result.reviewTasksMoved()).isEqualTo(cases);
        assertThat(tasksOfTheDistrictDue("ACT_RU_TASK", supplementDeadline)).isEqualTo(cases);
        assertThat(tasksOfTheDistrictDue("ACT_HI_TASKINST", supplementDeadline)).isEqualTo(cases);
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    private long tasksOfTheDistrictDue(String table, Instant due) {
        return jdbc.queryForObject("select count(*) from " + table + " t join review_case r on r.process_instance_id = t.PROC_INST_ID_"
                        + " join candidate c on c.id = r.candidate_id"
                        + " where c.district_code = ? and t.TASK_DEF_KEY_ = ? and t.DUE_DATE_ = ?"
                        + (table.equals("ACT_HI_TASKINST") ? " and t.END_TIME_ is null" : ""),
                Long.class, AdminTestData.DISTRICT, MaterialReviewProcess.SITE_REVIEW, java.sql.Timestamp.from(due));
    }

    /** Copies the started cases of the district once more: their candidates, review tasks and task history. */
    private void copyCases(int copy) {
        String suffix = "~" + copy;
        tx.executeWithoutResult(s -> {
            // The copied tasks' process instances are the originals' ids with a suffix: no execution rows behind them.
            jdbc.execute("set foreign_key_checks = 0");
            try {
                Map<String, String> candidate = new HashMap<>(Map.of(
                        "registration_no", "concat(registration_no, '" + suffix + "')"));
                candidate.put("id", null);
                String originals = "select r.process_instance_id from review_case r join candidate c on c.id = r.candidate_id"
                        + " where c.district_code = '" + AdminTestData.DISTRICT + "' and r.process_instance_id not like '%~%'";
                copyRows("candidate", "district_code = '" + AdminTestData.DISTRICT + "' and registration_no not like '%~%'"
                        + " and id in (select candidate_id from review_case where process_instance_id is not null)", candidate);
                // Each copy's review case: the original's, on the copied candidate row, with the suffixed instance.
                jdbc.update("insert into review_case (candidate_id, phase, process_instance_id, submitted_at, locked_at, version)"
                        + " select n.id, r.phase, concat(r.process_instance_id, ?), r.submitted_at, r.locked_at, 0"
                        + " from candidate o join review_case r on r.candidate_id = o.id"
                        + " join candidate n on n.season_code = o.season_code and n.registration_no = concat(o.registration_no, ?)"
                        + " where o.district_code = ? and r.process_instance_id not like '%~%'",
                        suffix, suffix, AdminTestData.DISTRICT);
                String ofTheDistrict = "PROC_INST_ID_ in (" + originals + ") and TASK_DEF_KEY_ = 'siteReview'";
                copyRows("ACT_RU_TASK", ofTheDistrict, Map.of("ID_", "concat(ID_, '" + suffix + "')",
                        "PROC_INST_ID_", "concat(PROC_INST_ID_, '" + suffix + "')"));
                copyRows("ACT_HI_TASKINST", ofTheDistrict + " and END_TIME_ is null", Map.of("ID_", "concat(ID_, '" + suffix + "')",
                        "PROC_INST_ID_", "concat(PROC_INST_ID_, '" + suffix + "')", "ROOT_PROC_INST_ID_", "concat(ROOT_PROC_INST_ID_, '" + suffix + "')"));
            } finally {
                jdbc.execute("set foreign_key_checks = 1");
            }
        });
    }

    /** insert into t (every column but those mapped to null) select (the column or its replacement) from t where ... */
    private void copyRows(String table, String where, Map<String, String> replaced) {
        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
                + " where table_schema = database() and table_name = ? order by ordinal_position", String.class, table);
        List<String> into = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (replaced.containsKey(column) && replaced.get(column) == null) {
                continue;
            }
            into.add(column);
            values.add(replaced.getOrDefault(column, column));
        }
        jdbc.update("insert into " + table + " (" + String.join(", ", into) + ") select " + String.join(", ", values)
                + " from " + table + " where " + where);
    }

    /** A submitted candidate of the test district whose case waits in site review (started there directly). */
    private String caseInSiteReview() {
        Instant now = testData.clock().instant();
        Candidate candidate = candidates.save(new Candidate(TestData.SEASON,
                TestData.uniqueRegistrationNo(AdminTestData.SITE), "测试考生", TestData.validIdNumber(), "13800000000",
                ExamCategories.CLINICAL, AdminTestData.DISTRICT, AdminTestData.SITE, now));
        testData.openCase(candidate, now);
        String instance = runtimeService.createProcessInstanceByKey(MaterialReviewProcess.KEY)
                .businessKey(candidate.getRegistrationNo())
                .setVariables(Map.of(
                        MaterialReviewProcess.VAR_CANDIDATE_ID, candidate.getId(),
                        MaterialReviewProcess.VAR_SITE_CODE, candidate.getSiteCode(),
                        MaterialReviewProcess.VAR_DISTRICT_CODE, candidate.getDistrictCode(),
                        MaterialReviewProcess.VAR_SEASON_CODE, candidate.getSeasonCode()))
                .startBeforeActivity(MaterialReviewProcess.SITE_REVIEW)
                .execute().getId();
        testData.caseStarted(candidate, instance);
        return instance;
    }
}
