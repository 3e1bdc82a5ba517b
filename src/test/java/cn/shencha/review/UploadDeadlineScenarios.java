package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.Phase;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of upload-deadline.bpmn, the district's trigger and a candidate's own, on the real engine with the
 * tests' batch size of 3 (application-test.properties): a trigger's timer fired by executing its job, then the batch
 * jobs it started, as the job executor would. Runs on H2 and on MariaDB.
 */
@RecordApplicationEvents
abstract class UploadDeadlineScenarios {

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TestData testData;
    @Autowired SubmissionService submissions;
    @Autowired ScheduleAdminService schedules;
    @Autowired CandidateMessageRepository messages;
    @Autowired ApplicationEvents events;

    AdminTestData data;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = AdminTestData.from(context);
        data.freshDistrict();
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signOut();
        ClockUtil.reset();
    }

    @Test
    void theDistrictsTriggerWaitsForItsDeadlineAndClosesEveryWaitingCaseInBatches() {
        List<Candidate> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(data.candidate());
        }
        Candidate submitted = data.candidate();
        testData.completeRequiredMaterials(submitted);
        submissions.submit(submitted.getId(), Locale.SIMPLIFIED_CHINESE);

        ProcessInstance trigger = districtTrigger();
        assertThat(trigger).isWaitingAt(UploadDeadlineProcess.DEADLINE_DUE);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UploadDeadlineProcess.KEY)
                .processInstanceBusinessKeyLike(districtKey() + "%").count()).as("one trigger for six cases").isEqualTo(1);
        Job timer = testData.uploadDeadlineTrigger(waiting.get(0));
        assertThat(timer.getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());

        managementService.executeJob(timer.getId());

        assertThat(trigger).hasPassed(UploadDeadlineProcess.CLOSE_UPLOADS).isEnded();
        Batch batch = managementService.createBatchQuery().type(Batch.TYPE_CORRELATE_MESSAGE).singleResult();
        assertThat(batch.getTotalJobs()).as("5 cases in batch jobs of 3").isEqualTo(2);
        assertThat(batch.getInvocationsPerBatchJob()).isEqualTo(3);
        assertThat(instanceOf(waiting.get(0))).isWaitingAt(MaterialReviewProcess.AWAIT_SUBMISSION);

        testData.runUploadDeadlineBatches();

        for (Candidate c : waiting) {
            assertThat(instanceOf(c)).hasPassed(MaterialReviewProcess.UPLOAD_DEADLINE_PASSED,
                    MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
            assertThat(testData.state(c).phase()).isEqualTo(Phase.SITE_REVIEW);
            assertThat(testData.state(c).lockedAt()).isNotNull();
            assertThat(kinds(c)).containsOnlyOnce(NoticeKind.MATERIALS_AUTO_LOCKED);
        }
        assertThat(instanceOf(submitted)).hasNotPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS)
                .isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(kinds(submitted)).doesNotContain(NoticeKind.MATERIALS_AUTO_LOCKED);
        // One event per batch transaction, naming its cases: 3 + 2.
        assertThat(events.stream(MaterialsAutoLocked.class).map(e -> e.cases().size()).toList())
                .containsExactlyInAnyOrder(3, 2);
        assertThat(managementService.createBatchQuery().count()).isZero();
    }

    @Test
    void upToOneBatchOfCasesIsToldInTheTriggersOwnTransaction() {
        Candidate a = data.candidate();
        Candidate b = data.candidate();

        managementService.executeJob(testData.uploadDeadlineTrigger(a).getId());

        assertThat(managementService.createBatchQuery().count()).isZero();
        assertThat(instanceOf(a)).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(instanceOf(b)).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(events.stream(MaterialsAutoLocked.class).map(e -> e.cases().size()).toList()).containsExactly(2);
    }

    @Test
    void aPersonalExtensionWaitsForATriggerOfItsOwnThatTheDistrictsLeavesOut() {
        Candidate ill = data.candidate();
        Candidate other = data.candidate();
        Instant extended = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 16));
        AdminTestData.signInAsAdmin();
        schedules.extendUploadDeadline(ill.getRegistrationNo(), extended, "住院", false);

        ProcessInstance own = runtimeService.createProcessInstanceQuery().processDefinitionKey(UploadDeadlineProcess.KEY)
                .processInstanceBusinessKey(UploadDeadlineProcess.candidateKey(TestData.SEASON, AdminTestData.DISTRICT, ill.getId()))
                .singleResult();
        assertThat(own).isWaitingAt(UploadDeadlineProcess.DEADLINE_DUE);
        assertThat(testData.uploadDeadlineTrigger(ill).getDuedate().toInstant()).isEqualTo(extended);

        testData.fireUploadDeadline(other);
        assertThat(instanceOf(other)).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(instanceOf(ill)).as("the district's deadline is not theirs").isWaitingAt(MaterialReviewProcess.AWAIT_SUBMISSION);

        testData.fireUploadDeadline(ill);
        assertThat(own).isEnded();
        assertThat(instanceOf(ill)).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(kinds(ill)).containsOnlyOnce(NoticeKind.MATERIALS_AUTO_LOCKED);
    }

    @Test
    void aScheduleChangeMovesTheDistrictsTriggerAndKeepsALaterExtension() {
        Candidate a = data.candidate();
        Candidate ill = data.candidate();
        Instant extended = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 16));
        Instant earlier = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 9));
        AdminTestData.signInAsAdmin();
        schedules.extendUploadDeadline(ill.getRegistrationNo(), extended, "住院", false);

        ScheduleAdminService.ScheduleChangeResult result = schedules.changeSchedule(AdminTestData.DISTRICT,
                new DistrictSchedule(TestData.TIANJIN_2026.uploadStart(), earlier,
                        TestData.TIANJIN_2026.supplementDeadline(), TestData.TIANJIN_2026.resultsPublishAt()),
                false, Progress.NONE);

        assertThat(result.timersMoved()).as("the one case on the district's deadline").isEqualTo(1);
        assertThat(testData.uploadDeadlineTrigger(a).getDuedate().toInstant()).isEqualTo(earlier);
        assertThat(testData.uploadDeadlineTrigger(ill).getDuedate().toInstant()).isEqualTo(extended);
    }

    @Test
    void aCaseThatBeginsAfterItsDistrictsTriggerRanGetsOneOfItsOwnThatIsDueAtOnce() {
        Candidate early = data.candidate();
        testData.fireUploadDeadline(early);
        assertThat(districtTrigger()).isNull();
        testData.clock().set(TestData.TIANJIN_2026.uploadDeadline().plus(Duration.ofMinutes(5)));
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));

        Candidate late = data.candidate();

        Job own = testData.uploadDeadlineTrigger(late);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(own.getProcessInstanceId()).singleResult()
                .getBusinessKey()).isEqualTo(UploadDeadlineProcess.candidateKey(TestData.SEASON, AdminTestData.DISTRICT, late.getId()));
        assertThat(managementService.createJobQuery().jobId(own.getId()).executable().count()).isEqualTo(1);
        testData.fireUploadDeadline(late);
        assertThat(instanceOf(late)).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
    }

    @Test
    void aCaseThatNoLongerWaitsWhenItsBatchRunsIsLeftAsItIs() {
        List<Candidate> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(data.candidate());
        }
        managementService.executeJob(testData.uploadDeadlineTrigger(cases.get(0)).getId());
        // Submitted after the trigger chose its cases and before the batch job reached this one.
        Candidate submitted = cases.get(3);
        testData.completeRequiredMaterials(submitted);
        submissions.submit(submitted.getId(), Locale.SIMPLIFIED_CHINESE);

        testData.runUploadDeadlineBatches();

        assertThat(instanceOf(submitted)).hasNotPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS)
                .isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(kinds(submitted)).doesNotContain(NoticeKind.MATERIALS_AUTO_LOCKED);
        for (Candidate c : cases.subList(0, 3)) {
            assertThat(instanceOf(c)).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS)
                    .isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        }
        assertThat(managementService.createBatchQuery().count()).isZero();
    }

    ProcessInstance districtTrigger() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(UploadDeadlineProcess.KEY)
                .processInstanceBusinessKey(districtKey()).singleResult();
    }

    String districtKey() {
        return UploadDeadlineProcess.districtKey(TestData.SEASON, AdminTestData.DISTRICT);
    }

    ProcessInstance instanceOf(Candidate c) {
        String id = testData.state(c).processInstanceId();
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(running).as("process of candidate %s", c.getId()).isNotNull();
        return running;
    }

    List<NoticeKind> kinds(Candidate c) {
        return messages.findByCandidateIdOrderByCreatedAtDescIdDesc(c.getId()).stream().map(m -> m.getKind()).toList();
    }
}
