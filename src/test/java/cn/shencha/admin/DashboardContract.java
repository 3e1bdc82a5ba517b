package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.MaterialVerdict;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard's counts per status and site, overdue reviews and daily history. Runs on H2 and on MariaDB. */
abstract class DashboardContract {

    @Autowired
    ApplicationContext context;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DailySnapshots snapshots;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;
    @Autowired
    MaterialTypeRepository types;
    @Autowired
    TestData testData;

    AdminTestData data;

    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        syncEngineClock();
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signOut();
        ClockUtil.reset();
    }

    private void syncEngineClock() {
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
    }

    @Test
    void countsEveryStatusPerSiteWithOverdueReviewsAndTheDaysBefore() {
        data.candidate();                                            // not started
        Candidate uploading = data.candidate();
        testData.imageRow(uploading, anyRequiredType(uploading), 1);
        submitted(AdminTestData.SITE);                                // submitted (overdue later)
        Candidate autoLocked = data.candidate();
        testData.passUploadDeadline(autoLocked);
        Candidate claimed = submitted(AdminTestData.SITE);
        taskService.claim(task(claimed, MaterialReviewProcess.SITE_REVIEW).getId(), "site3101reviewer");
        Candidate inDistrict = submitted(AdminTestData.SITE);
        decide(inDistrict, MaterialReviewProcess.SITE_REVIEW, Decision.PASS);
        Candidate supplement = submitted(AdminTestData.SITE);
        String typeCode = anyRequiredType(supplement).getCode();
        decisions.decide(task(supplement, MaterialReviewProcess.SITE_REVIEW).getId(), AdminTestData.adminScope(),
                new DecisionCommand(Decision.SUPPLEMENT, null,
                        List.of(new DecisionCommand.MaterialVerdictCommand(typeCode, MaterialVerdict.Verdict.REPLACE, "不清晰"))));
        Candidate approved = submitted(AdminTestData.SITE);
        decide(approved, MaterialReviewProcess.SITE_REVIEW, Decision.PASS);
        decide(approved, MaterialReviewProcess.DISTRICT_REVIEW, Decision.APPROVE);
        Candidate rejected = submitted(AdminTestData.OTHER_SITE);
        decide(rejected, MaterialReviewProcess.SITE_REVIEW, Decision.PASS);
        decide(rejected, MaterialReviewProcess.DISTRICT_REVIEW, Decision.REJECT);
        LocalDate firstDay = LocalDate.of(2026, 2, 1);
        snapshots.record(AdminTestData.DISTRICT, firstDay);
        snapshots.record(AdminTestData.DISTRICT, firstDay); // written again: overwritten, not doubled
        // Four days later: the reviews waiting since the first day are overdue, a fresh submission is not.
        testData.clock().advance(Duration.ofDays(4));
        syncEngineClock();
        submitted(AdminTestData.OTHER_SITE);

        DashboardService.Dashboard d = dashboards.dashboard(AdminTestData.DISTRICT);

        DashboardService.SiteLine all = d.district();
        assertThat(all.total()).isEqualTo(10);
        assertThat(all.count(CaseStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(all.count(CaseStatus.UPLOADING)).isEqualTo(1);
        assertThat(all.count(CaseStatus.SUBMITTED)).isEqualTo(2);
        assertThat(all.count(CaseStatus.AUTO_LOCKED)).isEqualTo(1);
        assertThat(all.count(CaseStatus.IN_SITE_REVIEW)).isEqualTo(1);
        assertThat(all.count(CaseStatus.IN_DISTRICT_REVIEW)).isEqualTo(1);
        assertThat(all.count(CaseStatus.IN_SUPPLEMENT)).isEqualTo(1);
        assertThat(all.count(CaseStatus.APPROVED)).isEqualTo(1);
        assertThat(all.count(CaseStatus.REJECTED)).isEqualTo(1);
        assertThat(all.overdueReviews()).isEqualTo(4);
        assertThat(d.sites()).extracting(DashboardService.SiteLine::siteCode).containsExactly("3101", "3102");
        DashboardService.SiteLine other = d.sites().get(1);
        assertThat(other.total()).isEqualTo(2);
        assertThat(other.count(CaseStatus.REJECTED)).isEqualTo(1);
        assertThat(other.count(CaseStatus.SUBMITTED)).isEqualTo(1);
        assertThat(other.overdueReviews()).isZero();

        assertThat(d.days()).hasSize(2);
        DashboardService.DayLine first = d.days().get(0);
        assertThat(first.date()).isEqualTo(firstDay);
        assertThat(first.live()).isFalse();
        assertThat(first.total()).isEqualTo(9);
        assertThat(first.counts().get(CaseStatus.SUBMITTED)).isEqualTo(1);
        assertThat(d.days().get(1).live()).isTrue();
        assertThat(d.days().get(1).date()).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(d.days().get(1).total()).isEqualTo(10);
    }

    private Candidate submitted(String site) {
        Candidate c = testData.candidate(site);
        testData.completeRequiredMaterials(c);
        submissions.submit(c.getId(), Locale.SIMPLIFIED_CHINESE);
        return c;
    }

    private void decide(Candidate c, String taskKey, Decision decision) {
        decisions.decide(task(c, taskKey).getId(), AdminTestData.adminScope(),
                new DecisionCommand(decision, decision == Decision.REJECT ? "不符合报考条件" : null, List.of()));
    }

    private Task task(Candidate c, String key) {
        return taskService.createTaskQuery().processInstanceId(testData.state(c).processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    private MaterialType anyRequiredType(Candidate c) {
        return types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(TestData.SEASON, c.getDistrictCode()).stream()
                .filter(t -> t.isRequiredFor(c.getExamCategory())).findFirst().orElseThrow();
    }
}
