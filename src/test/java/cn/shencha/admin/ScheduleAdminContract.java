package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.Phase;
import cn.shencha.materials.MaterialLockPolicy;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Deadlines, personal extensions and publication through the admin service, on the real engine: the due
 * dates are read back from ACT_RU_JOB through the ManagementService. Runs on H2 and on MariaDB.
 * The engine's clock is set to the app's test clock, so "due" means the same to both.
 */
abstract class ScheduleAdminContract {

    @Autowired
    ApplicationContext context;
    @Autowired
    ScheduleAdminService service;
    @Autowired
    VerdictExport verdictExport;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    DistrictRepository districts;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService reviewDecisions;
    @Autowired
    TestData testData;

    AdminTestData data;

    static final Instant NOW = ShanghaiTime.at(LocalDateTime.of(2026, 2, 1, 9, 0));

    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signOut();
        ClockUtil.reset();
    }

    // ---- moving the district's deadlines

    @Test
    void movingTheDeadlineLaterMovesTheWaitingTimersOfThisDistrictOnly() {
        Candidate a = data.candidate();
        Candidate b = data.candidate();
        Candidate tianjin = testData.candidate("1201");
        Instant later = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 18));

        ScheduleAdminService.ScheduleChangeResult result = service.changeSchedule(AdminTestData.DISTRICT,
                with(TestData.TIANJIN_2026, later, null), false, Progress.NONE);

        assertThat(result.timersMoved()).isEqualTo(2);
        assertThat(result.casesReopened()).isZero();
        assertThat(uploadTimer(a).getDuedate().toInstant()).isEqualTo(later);
        assertThat(uploadTimer(b).getDuedate().toInstant()).isEqualTo(later);
        assertThat(uploadTimer(tianjin).getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        assertThat(data.schedule().getUploadDeadline()).isEqualTo(later);
    }

    @Test
    void movingTheDeadlineEarlierMovesTheTimersEarlierAndNewCasesFollowTheNewSchedule() {
        Candidate a = data.candidate();
        Instant earlier = ShanghaiTime.at(LocalDateTime.of(2026, 2, 5, 17, 30));

        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, earlier, null), false, Progress.NONE);
        Candidate later = data.candidate();

        assertThat(uploadTimer(a).getDuedate().toInstant()).isEqualTo(earlier);
        assertThat(uploadTimer(later).getDuedate().toInstant()).isEqualTo(earlier);
        assertThat(executable(a)).isFalse();
    }

    @Test
    void aDeadlineMovedIntoThePastMakesTheTimersDueAndFiringThemLocksAndSendsToSiteReview() {
        Candidate a = data.candidate();
        Candidate b = data.candidate();
        assertThat(executable(a)).isFalse();
        Instant past = NOW.minus(Duration.ofHours(1));

        ScheduleAdminService.ScheduleChangeResult result = service.changeSchedule(AdminTestData.DISTRICT,
                with(TestData.TIANJIN_2026, past, null), false, Progress.NONE);

        assertThat(result.timersMoved()).isEqualTo(2);
        assertThat(uploadTimer(a).getDuedate().toInstant()).isEqualTo(past);
        assertThat(executable(a)).isTrue();
        assertThat(executable(b)).isTrue();
        managementService.executeJob(uploadTimer(a).getId());
        Candidate locked = testData.reload(a);
        assertThat(testData.state(locked).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(testData.state(locked).lockedAt()).isNotNull();
        assertThat(testData.state(locked).submittedAt()).isNull();
        assertThat(siteTask(a)).isNotNull();
    }

    @Test
    void theSupplementAndPublicationTimersMoveToo() {
        Candidate approved = approvedCandidate();
        Candidate supplement = data.candidate();
        testData.completeRequiredMaterials(supplement);
        submissions.submit(supplement.getId(), Locale.SIMPLIFIED_CHINESE);
        Task task = siteTask(supplement);
        String typeCode = requiredTypeCode(supplement);
        reviewDecisions.decide(task.getId(), AdminTestData.adminScope(), new DecisionCommand(Decision.SUPPLEMENT, null,
                List.of(new DecisionCommand.MaterialVerdictCommand(typeCode, cn.shencha.review.MaterialVerdict.Verdict.REPLACE, "模糊"))));
        Instant supplementDeadline = ShanghaiTime.endOfDay(LocalDate.of(2026, 3, 3));
        Instant publication = ShanghaiTime.at(LocalDateTime.of(2026, 3, 25, 9, 0));

        ScheduleAdminService.ScheduleChangeResult result = service.changeSchedule(AdminTestData.DISTRICT,
                new DistrictSchedule(TestData.TIANJIN_2026.uploadStart(), TestData.TIANJIN_2026.uploadDeadline(),
                        supplementDeadline, publication), false, Progress.NONE);

        assertThat(result.timersMoved()).isEqualTo(2);
        assertThat(timer(supplement, MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED).getDuedate().toInstant())
                .isEqualTo(supplementDeadline);
        assertThat(timer(approved, MaterialReviewProcess.RESULTS_PUBLICATION_DUE).getDuedate().toInstant())
                .isEqualTo(publication);
    }

    @Test
    void theOpenReviewTasksDueDatesFollowTheScheduleChange() {
        Candidate atSite = data.candidate();
        testData.completeRequiredMaterials(atSite);
        submissions.submit(atSite.getId(), Locale.SIMPLIFIED_CHINESE);
        Candidate atDistrict = data.candidate();
        testData.completeRequiredMaterials(atDistrict);
        submissions.submit(atDistrict.getId(), Locale.SIMPLIFIED_CHINESE);
        reviewDecisions.decide(siteTask(atDistrict).getId(), AdminTestData.adminScope(),
                new DecisionCommand(Decision.PASS, null, List.of()));
        Candidate tianjin = testData.candidate("1201");
        testData.completeRequiredMaterials(tianjin);
        submissions.submit(tianjin.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(siteTask(atSite).getDueDate().toInstant()).isEqualTo(TestData.TIANJIN_2026.supplementDeadline());
        Instant supplementDeadline = ShanghaiTime.endOfDay(LocalDate.of(2026, 3, 4));
        Instant publication = ShanghaiTime.at(LocalDateTime.of(2026, 3, 26, 9, 0));

        ScheduleAdminService.ScheduleChangeResult result = service.changeSchedule(AdminTestData.DISTRICT,
                new DistrictSchedule(TestData.TIANJIN_2026.uploadStart(), TestData.TIANJIN_2026.uploadDeadline(),
                        supplementDeadline, publication), false, Progress.NONE);

        assertThat(result.reviewTasksMoved()).isEqualTo(2);
        assertThat(siteTask(atSite).getDueDate().toInstant()).isEqualTo(supplementDeadline);
        assertThat(districtTask(atDistrict).getDueDate().toInstant()).isEqualTo(publication);
        assertThat(siteTask(tianjin).getDueDate().toInstant()).isEqualTo(TestData.TIANJIN_2026.supplementDeadline());
    }

    @Test
    void progressIsReportedUpToAllCasesOfTheDistrict() {
        for (int i = 0; i < 3; i++) {
            data.candidate();
        }
        List<int[]> reports = new ArrayList<>();

        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026,
                ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 20)), null), false, (done, total) -> reports.add(new int[]{done, total}));

        assertThat(reports).isNotEmpty();
        assertThat(reports.get(0)).containsExactly(0, 3);
        assertThat(reports.get(reports.size() - 1)).containsExactly(3, 3);
    }

    @Test
    void everyChangeIsRecordedWithWhoWhenAndTheOldAndNewValues() {
        Instant later = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 18));

        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, later, null), false, Progress.NONE);

        List<ScheduleChange> changes = service.changes(AdminTestData.DISTRICT);
        assertThat(changes).hasSize(1);
        ScheduleChange change = changes.get(0);
        assertThat(change.getKind()).isEqualTo(ScheduleChange.Kind.SCHEDULE);
        assertThat(change.getChangedBy()).isEqualTo("admin-tester");
        assertThat(change.getChangedAt()).isEqualTo(NOW);
        assertThat(change.getOldUploadDeadline()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        assertThat(change.getNewUploadDeadline()).isEqualTo(later);
        assertThat(change.getOldUploadStart()).isEqualTo(change.getNewUploadStart());
    }

    // ---- validation

    @Test
    void inconsistentSchedulesAreRefusedAndChangeNothing() {
        Candidate a = data.candidate();
        DistrictSchedule t = TestData.TIANJIN_2026;
        List<DistrictSchedule> wrong = List.of(
                new DistrictSchedule(t.uploadStart(), t.uploadStart(), t.supplementDeadline(), t.resultsPublishAt()),
                new DistrictSchedule(t.uploadStart(), t.uploadDeadline(), t.uploadDeadline(), t.resultsPublishAt()),
                new DistrictSchedule(t.uploadStart(), t.uploadDeadline(), t.supplementDeadline(), t.supplementDeadline().minusSeconds(60)),
                new DistrictSchedule(t.uploadStart(), null, t.supplementDeadline(), t.resultsPublishAt()));
        List<String> expected = List.of("schedule.deadlineBeforeStart", "schedule.supplementBeforeDeadline",
                "schedule.publicationBeforeSupplement", "schedule.missing");

        for (int i = 0; i < wrong.size(); i++) {
            DistrictSchedule schedule = wrong.get(i);
            assertThatThrownBy(() -> service.changeSchedule(AdminTestData.DISTRICT, schedule, true, Progress.NONE))
                    .isInstanceOfSatisfying(ShenchaException.class, e -> {
                        assertThat(e.getCode()).isEqualTo("SCHEDULE_INVALID");
                        assertThat(e.getStatus().value()).isEqualTo(400);
                    })
                    .extracting(e -> ((ShenchaException) e).getDetails()).asList().contains(expected.get(i));
            assertThat(service.check(AdminTestData.DISTRICT, schedule).problems()).contains(expected.get(i));
        }
        assertThat(data.schedule().schedule()).isEqualTo(t);
        assertThat(uploadTimer(a).getDuedate().toInstant()).isEqualTo(t.uploadDeadline());
        assertThat(service.changes(AdminTestData.DISTRICT)).isEmpty();
    }

    @Test
    void anUnknownDistrictIsNotFound() {
        assertThatThrownBy(() -> service.changeSchedule("99", TestData.TIANJIN_2026, false, Progress.NONE))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("DISTRICT_NOT_FOUND"));
    }

    // ---- reopening a closed upload window

    @Test
    void reopeningAClosedWindowNeedsConfirmationAndReopensOnlyWhoNeverSubmittedAndWasNotReviewed() {
        Candidate waiting = data.candidate();       // timer not fired yet (job executor lag)
        Candidate autoLocked = data.candidate();    // timer fired: auto-locked, in site review, nobody decided
        Candidate submitted = data.candidate();     // submitted in time
        Candidate reviewed = data.candidate();      // auto-locked, then passed by the site
        testData.completeRequiredMaterials(submitted);
        submissions.submit(submitted.getId(), Locale.SIMPLIFIED_CHINESE);
        Instant past = NOW.minus(Duration.ofHours(2));
        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, past, null), false, Progress.NONE);
        testData.passUploadDeadline(autoLocked);
        testData.passUploadDeadline(reviewed);
        reviewDecisions.decide(siteTask(reviewed).getId(), AdminTestData.adminScope(),
                new DecisionCommand(Decision.PASS, null, List.of()));
        Instant reopenedDeadline = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 14));
        DistrictSchedule reopen = with(TestData.TIANJIN_2026, reopenedDeadline, null);

        ScheduleAdminService.ScheduleCheck check = service.check(AdminTestData.DISTRICT, reopen);
        assertThat(check.reopensClosedWindow()).isTrue();
        assertThat(check.casesToReopen()).isEqualTo(2);
        assertThatThrownBy(() -> service.changeSchedule(AdminTestData.DISTRICT, reopen, false, Progress.NONE))
                .isInstanceOfSatisfying(ShenchaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("REOPEN_NOT_CONFIRMED");
                    assertThat(e.getStatus().value()).isEqualTo(409);
                    assertThat(e.getArgs()).containsExactly(2L);
                });
        assertThat(data.schedule().getUploadDeadline()).isEqualTo(past);

        ScheduleAdminService.ScheduleChangeResult result =
                service.changeSchedule(AdminTestData.DISTRICT, reopen, true, Progress.NONE);

        assertThat(result.casesReopened()).isEqualTo(1);
        assertThat(uploadTimer(waiting).getDuedate().toInstant()).isEqualTo(reopenedDeadline);
        Candidate back = testData.reload(autoLocked);
        assertThat(testData.state(back).phase()).isEqualTo(Phase.UPLOADING);
        assertThat(testData.state(back).lockedAt()).isNull();
        assertThat(siteTask(autoLocked)).isNull();
        assertThat(uploadTimer(autoLocked).getDuedate().toInstant()).isEqualTo(reopenedDeadline);
        assertThat(MaterialLockPolicy.submitLockReason(back, testData.state(back), data.schedule(), false, NOW)).isEmpty();
        assertThat(testData.state(testData.reload(submitted)).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(siteTask(submitted)).isNotNull();
        assertThat(testData.state(testData.reload(reviewed)).phase()).isEqualTo(Phase.DISTRICT_REVIEW);
        assertThat(service.changes(AdminTestData.DISTRICT).get(0).getCasesReopened()).isEqualTo(1);
    }

    @Test
    void aReopenedCandidateIsLockedAgainWhenTheNewDeadlinePasses() {
        Candidate c = data.candidate();
        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, NOW.minusSeconds(60), null), false, Progress.NONE);
        managementService.executeJob(uploadTimer(c).getId());
        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, NOW.plusSeconds(120), null), true, Progress.NONE);
        assertThat(testData.state(testData.reload(c)).phase()).isEqualTo(Phase.UPLOADING);

        testData.clock().advance(Duration.ofMinutes(3));
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
        assertThat(executable(c)).isTrue();
        managementService.executeJob(uploadTimer(c).getId());

        assertThat(testData.state(testData.reload(c)).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(testData.state(testData.reload(c)).lockedAt()).isEqualTo(testData.clock().instant());
    }

    // ---- personal extension

    @Test
    void aPersonalExtensionMovesOnlyThatCandidatesTimerAndRecordsTheReason() {
        Candidate ill = data.candidate();
        Candidate other = data.candidate();
        Instant extended = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 16));

        ScheduleAdminService.ExtensionResult result =
                service.extendUploadDeadline(ill.getRegistrationNo(), extended, "住院，有医院证明", false);

        assertThat(result.timersMoved()).isEqualTo(1);
        assertThat(result.reopened()).isFalse();
        assertThat(uploadTimer(ill).getDuedate().toInstant()).isEqualTo(extended);
        assertThat(uploadTimer(other).getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        ScheduleChange change = service.changes(AdminTestData.DISTRICT).get(0);
        assertThat(change.getKind()).isEqualTo(ScheduleChange.Kind.EXTENSION);
        assertThat(change.getRegistrationNo()).isEqualTo(ill.getRegistrationNo());
        assertThat(change.getReason()).isEqualTo("住院，有医院证明");
        assertThat(change.getOldUploadDeadline()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        assertThat(change.getNewUploadDeadline()).isEqualTo(extended);
        // A later district change keeps the personal extension.
        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026,
                ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 13)), null), false, Progress.NONE);
        assertThat(uploadTimer(ill).getDuedate().toInstant()).isEqualTo(extended);
    }

    @Test
    void personalExtensionsAreRefusedWhenTheyCannotApply() {
        Candidate c = data.candidate();
        Candidate submitted = data.candidate();
        testData.completeRequiredMaterials(submitted);
        submissions.submit(submitted.getId(), Locale.SIMPLIFIED_CHINESE);
        Instant ok = ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 16));

        assertRefused(() -> service.extendUploadDeadline(c.getRegistrationNo(), ok, " ", false), "EXTENSION_REASON_REQUIRED");
        assertRefused(() -> service.extendUploadDeadline(c.getRegistrationNo(), ok, "x".repeat(501), false), "EXTENSION_REASON_TOO_LONG");
        assertRefused(() -> service.extendUploadDeadline(c.getRegistrationNo(), TestData.TIANJIN_2026.uploadDeadline(), "病", false), "EXTENSION_NOT_LATER");
        assertRefused(() -> service.extendUploadDeadline(c.getRegistrationNo(), TestData.TIANJIN_2026.supplementDeadline(), "病", false), "EXTENSION_AFTER_SUPPLEMENT");
        assertRefused(() -> service.extendUploadDeadline(c.getRegistrationNo(), NOW.minusSeconds(1), "病", false), "EXTENSION_IN_PAST");
        assertRefused(() -> service.extendUploadDeadline(submitted.getRegistrationNo(), ok, "病", false), "EXTENSION_NOT_APPLICABLE");
        assertRefused(() -> service.extendUploadDeadline("000", ok, "病", false), "CANDIDATE_NOT_FOUND");
        assertThat(testData.reload(c).getUploadDeadlineOverride()).isNull();
        assertThat(service.changes(AdminTestData.DISTRICT)).isEmpty();
    }

    @Test
    void extendingAnAutoLockedCandidateNeedsConfirmationAndBringsThemBackToUpload() {
        Candidate ill = data.candidate();
        service.changeSchedule(AdminTestData.DISTRICT, with(TestData.TIANJIN_2026, NOW.minusSeconds(3600), null), false, Progress.NONE);
        managementService.executeJob(uploadTimer(ill).getId());
        Instant extended = NOW.plus(Duration.ofDays(2));

        assertRefused(() -> service.extendUploadDeadline(ill.getRegistrationNo(), extended, "系统故障", false), "REOPEN_NOT_CONFIRMED");
        ScheduleAdminService.ExtensionResult result =
                service.extendUploadDeadline(ill.getRegistrationNo(), extended, "系统故障", true);

        assertThat(result.reopened()).isTrue();
        assertThat(testData.state(testData.reload(ill)).phase()).isEqualTo(Phase.UPLOADING);
        assertThat(uploadTimer(ill).getDuedate().toInstant()).isEqualTo(extended);
        assertThat(service.changes(AdminTestData.DISTRICT).get(0).getCasesReopened()).isEqualTo(1);
    }

    // ---- publication

    @Test
    void publishNowPublishesDecidedVerdictsRecordsItAndFreezesThePublicationTime() throws Exception {
        Candidate approved = approvedCandidate();
        Candidate tianjin = testData.candidate("1201");

        ScheduleAdminService.PublicationResult result = service.publishNow(AdminTestData.DISTRICT);

        assertThat(result.verdictsPublished()).isEqualTo(1);
        assertThat(result.resultsPublishAt()).isEqualTo(NOW);
        Candidate published = testData.reload(approved);
        assertThat(testData.state(published).verdictPublishedAt()).isEqualTo(NOW);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(testData.state(approved).processInstanceId()).count()).isZero();
        assertThat(testData.schedule("12").getResultsPublishAt()).isEqualTo(TestData.TIANJIN_2026.resultsPublishAt());
        assertThat(testData.state(testData.reload(tianjin)).verdictPublishedAt()).isNull();
        ScheduleChange change = service.changes(AdminTestData.DISTRICT).get(0);
        assertThat(change.getKind()).isEqualTo(ScheduleChange.Kind.PUBLICATION);
        assertThat(change.getVerdictsPublished()).isEqualTo(1);
        assertThat(change.getNewResultsPublishAt()).isEqualTo(NOW);
        assertRefused(() -> service.changeSchedule(AdminTestData.DISTRICT, TestData.TIANJIN_2026, false, Progress.NONE),
                "RESULTS_ALREADY_PUBLISHED");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        assertThat(verdictExport.write(AdminTestData.DISTRICT, "UTF-8", csv)).isEqualTo(1);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFregistrationNo,name,idNumber,examCategory,districtCode,siteCode,verdict");
        assertThat(text).contains(approved.getRegistrationNo() + ",测试考生," + approved.getIdNumber())
                .contains("APPROVED,通过");
    }

    // ---- only administrators

    @Test
    void reviewersAndCandidatesMayNotUseTheService() {
        Candidate c = data.candidate();
        AdminTestData.signInAsReviewer();
        assertThatThrownBy(() -> service.changeSchedule(AdminTestData.DISTRICT, TestData.TIANJIN_2026, false, Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.publishNow(AdminTestData.DISTRICT)).isInstanceOf(AccessDeniedException.class);
        AdminTestData.signInAsCandidate(c);
        assertThatThrownBy(() -> service.extendUploadDeadline(c.getRegistrationNo(), NOW.plusSeconds(3600 * 24 * 12), "x", true))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- helpers

    static DistrictSchedule with(DistrictSchedule s, Instant uploadDeadline, Instant supplementDeadline) {
        return new DistrictSchedule(s.uploadStart(), uploadDeadline == null ? s.uploadDeadline() : uploadDeadline,
                supplementDeadline == null ? s.supplementDeadline() : supplementDeadline, s.resultsPublishAt());
    }

    Candidate approvedCandidate() {
        Candidate c = data.candidate();
        testData.completeRequiredMaterials(c);
        submissions.submit(c.getId(), Locale.SIMPLIFIED_CHINESE);
        reviewDecisions.decide(siteTask(c).getId(), AdminTestData.adminScope(), new DecisionCommand(Decision.PASS, null, List.of()));
        Task district = taskService.createTaskQuery().processInstanceId(testData.state(c).processInstanceId())
                .taskDefinitionKey(MaterialReviewProcess.DISTRICT_REVIEW).singleResult();
        reviewDecisions.decide(district.getId(), AdminTestData.adminScope(), new DecisionCommand(Decision.APPROVE, null, List.of()));
        assertThat(testData.state(testData.reload(c)).phase()).isEqualTo(Phase.APPROVED);
        return c;
    }

    String requiredTypeCode(Candidate c) {
        return context.getBean(cn.shencha.materials.internal.MaterialTypeRepository.class)
                .findBySeasonCodeAndDistrictCodeOrderBySortOrder(TestData.SEASON, c.getDistrictCode()).stream()
                .filter(t -> t.isRequiredFor(c.getExamCategory())).findFirst().orElseThrow().getCode();
    }

    /** The timer of the upload-deadline trigger that closes the candidate's upload (their own or the district's). */
    Job uploadTimer(Candidate c) {
        return testData.uploadDeadlineTrigger(c);
    }

    Job timer(Candidate c, String activityId) {
        return managementService.createJobQuery().timers().processInstanceId(testData.state(c).processInstanceId())
                .activityId(activityId).singleResult();
    }

    /** Whether the job executor would pick up the timer of the candidate's upload-deadline trigger now. */
    boolean executable(Candidate c) {
        return managementService.createJobQuery().jobId(uploadTimer(c).getId()).executable().count() == 1;
    }

    Task siteTask(Candidate c) {
        return taskService.createTaskQuery().processInstanceId(testData.state(c).processInstanceId())
                .taskDefinitionKey(MaterialReviewProcess.SITE_REVIEW).singleResult();
    }

    Task districtTask(Candidate c) {
        return taskService.createTaskQuery().processInstanceId(testData.state(c).processInstanceId())
                .taskDefinitionKey(MaterialReviewProcess.DISTRICT_REVIEW).singleResult();
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo(code));
    }
}
