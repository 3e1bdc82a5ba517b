package cn.shencha.admin.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.CandidateImportService;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.admin.setup.CatalogAdminService;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateAccountService;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSeason;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.Phase;
import cn.shencha.exam.Seasons;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.internal.EarlierVerdict;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.internal.PublishedVerdict;
import cn.shencha.materials.TestImages;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A whole season ends (published), the next one is opened, and a candidate registered in both years uploads in the
 * new season while the old verdict stays readable. Runs on H2 and on MariaDB. The seasons are relative to the
 * database's current one (2026 → 2027 on a fresh database); the season a test opens is closed again afterwards,
 * so the other tests keep their current season.
 */
abstract class SeasonContract {

    private static final AtomicInteger ID_SEQUENCE = new AtomicInteger(500);

    @Autowired ApplicationContext context;
    @Autowired SeasonAdminService seasonAdmin;
    @Autowired Seasons seasons;
    @Autowired ScheduleAdminService schedules;
    @Autowired CatalogAdminService catalog;
    @Autowired CandidateImportService importer;
    @Autowired CandidateAccountService accounts;
    @Autowired CandidateRepository candidates;
    @Autowired MaterialTypeRepository types;
    @Autowired MaterialUploadService uploads;
    @Autowired CandidateStatusService statuses;
    @Autowired SubmissionService submissions;
    @Autowired ReviewDecisionService reviewDecisions;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ImageStore store;
    @Autowired TestData testData;

    AdminTestData data;
    String opened;

    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        ClockUtil.setCurrentTime(java.util.Date.from(testData.clock().instant()));
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signInAsAdmin();
        if (opened != null && !seasons.require(opened).isClosed()) {
            seasonAdmin.close(opened);
        }
        assertThat(seasons.currentCode()).isEqualTo(TestData.SEASON);
        AdminTestData.signOut();
        ClockUtil.reset();
    }

    @Test
    void aSeasonEndsTheNextOpensAndACandidateOfBothYearsUploadsWhileLastYearsVerdictStaysReadable() throws Exception {
        String first = seasons.currentCode();
        // The first season: a catalog with an uploaded 示例 image, one candidate taken through the whole case.
        byte[] example = TestImages.png(TestImages.document(400, 300, 7));
        catalog.setExample(AdminTestData.DISTRICT, anyRequiredType(first).getCode(), example);
        String idNumber = IdNumbers.withCheckCharacter("31010119880202" + String.format("%03d", ID_SEQUENCE.incrementAndGet() % 1000));
        String registrationNo = TestData.uniqueRegistrationNo(AdminTestData.SITE);
        importOne(null, registrationNo, idNumber);
        Candidate last = candidates.findBySeasonCodeAndRegistrationNo(first, registrationNo).orElseThrow();
        accounts.activate(registrationNo, idNumber, TestData.PASSWORD);
        testData.completeRequiredMaterials(last);
        submissions.submit(last.getId(), Locale.SIMPLIFIED_CHINESE);
        decide(last, MaterialReviewProcess.SITE_REVIEW, Decision.PASS);
        decide(last, MaterialReviewProcess.DISTRICT_REVIEW, Decision.APPROVE);
        assertThat(schedules.publishNow(first, AdminTestData.DISTRICT).verdictsPublished()).isEqualTo(1);
        last = testData.reload(last);
        assertThat(testData.state(last).phase()).isEqualTo(Phase.APPROVED);
        assertThat(testData.state(last).verdictPublishedAt()).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(testData.state(last).processInstanceId()).count()).isZero();
        DistrictSchedule firstSchedule = schedules.schedule(first, AdminTestData.DISTRICT).schedule();

        // Next season: the preview shows the schedule one year later on the Beijing clock; nothing is saved yet.
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 12, 1, 9, 0)));
        SeasonAdminService.Preview preview = seasonAdmin.preview(null);
        opened = preview.code();
        int years = Integer.parseInt(opened) - Integer.parseInt(first);
        assertThat(preview.fromSeason()).isEqualTo(first);
        assertThat(preview.name()).isEqualTo(opened + "年医师资格考试");
        SeasonAdminService.ShiftedSchedule shifted = preview.schedules().stream()
                .filter(s -> s.districtCode().equals(AdminTestData.DISTRICT)).findFirst().orElseThrow();
        assertThat(shifted.to().uploadDeadline()).isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2026 + years, 2, 11)));
        assertThat(shifted.to().uploadStart()).isEqualTo(ShanghaiTime.at(LocalDateTime.of(2026 + years, 1, 29, 10, 0)));
        // Published early ("publish now"): the new season publishes a week after its supplement deadline.
        assertThat(shifted.to().resultsPublishAt()).isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2026 + years, 3, 7)));
        assertThat(shifted.to().problems()).isEmpty();
        assertThat(seasons.currentCode()).isEqualTo(first);

        ExamSeason next = seasonAdmin.openNext(null);
        assertThat(next.getCode()).isEqualTo(opened);
        assertThat(seasons.currentCode()).isEqualTo(opened);
        assertThat(seasonAdmin.changes().get(0).getAction()).isEqualTo(SeasonChange.Action.OPENED);
        assertThat(seasonAdmin.changes().get(0).getFromSeason()).isEqualTo(first);
        assertThat(schedules.schedule(AdminTestData.DISTRICT).schedule()).isEqualTo(shifted.to());
        assertThat(schedules.schedule(first, AdminTestData.DISTRICT).schedule()).isEqualTo(firstSchedule);

        // The catalog is copied, requirements and all; the uploaded example is a file of the new season's own.
        List<MaterialType> before = types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(first, AdminTestData.DISTRICT);
        List<MaterialType> after = catalog.catalog(AdminTestData.DISTRICT);
        assertThat(after).extracting(MaterialType::getCode).containsExactlyElementsOf(before.stream().map(MaterialType::getCode).toList());
        assertThat(after).extracting(MaterialType::getRequiredFor).containsExactlyElementsOf(before.stream().map(MaterialType::getRequiredFor).toList());
        assertThat(after).allSatisfy(t -> assertThat(t.getSeasonCode()).isEqualTo(opened));
        MaterialType oldExample = before.stream().filter(t -> t.getExampleImage().startsWith(MaterialType.UPLOADED_EXAMPLE_PATH)).findFirst().orElseThrow();
        MaterialType newExample = after.stream().filter(t -> t.getCode().equals(oldExample.getCode())).findFirst().orElseThrow();
        assertThat(newExample.getExampleImage()).isNotEqualTo(oldExample.getExampleImage());
        assertThat(store.get(key(newExample))).isEqualTo(store.get(key(oldExample)));

        // The same person registers again: a second candidate and a second case, in the new season.
        CandidateImportService.ImportReport report = importOne(null, registrationNo, idNumber);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isZero();
        Candidate now = candidates.findBySeasonCodeAndRegistrationNo(opened, registrationNo).orElseThrow();
        assertThat(now.getId()).isNotEqualTo(last.getId());
        assertThat(testData.state(now).processInstanceId()).isNotEqualTo(testData.state(last).processInstanceId());
        assertThat(runtimeService.getVariable(testData.state(now).processInstanceId(), MaterialReviewProcess.VAR_SEASON_CODE)).isEqualTo(opened);

        // Candidates sign in to the current season: activation and password find this year's registration.
        accounts.activate(registrationNo, idNumber, TestData.PASSWORD);
        assertThat(accounts.authenticate(registrationNo, TestData.PASSWORD)).map(Candidate::getId).contains(now.getId());

        // Its timer runs on the new season's dates; last season's schedule is untouched by a change of this one's.
        Job uploadTimer = testData.uploadDeadlineTrigger(now);
        assertThat(uploadTimer.getDuedate().toInstant()).isEqualTo(shifted.to().uploadDeadline());
        DistrictSchedule later = new DistrictSchedule(shifted.to().uploadStart(),
                ShanghaiTime.endOfDay(LocalDate.of(2026 + years, 2, 14)), shifted.to().supplementDeadline(),
                shifted.to().resultsPublishAt());
        assertThat(schedules.changeSchedule(AdminTestData.DISTRICT, later, false, Progress.NONE).timersMoved()).isEqualTo(1);
        assertThat(schedules.schedule(first, AdminTestData.DISTRICT).schedule()).isEqualTo(firstSchedule);

        // In the new upload window the candidate uploads against the new season's catalog.
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026 + years, 2, 1, 9, 0)));
        MaterialType required = anyRequiredType(opened);
        uploads.upload(now.getId(), required.getCode(), "photo.jpg",
                TestImages.jpeg(TestImages.document(1200, 900, 11), 0.85f), Locale.SIMPLIFIED_CHINESE);
        assertThat(context.getBean(cn.shencha.materials.internal.MaterialImageRepository.class)
                .findByCandidateIdOrderByUploadedAt(now.getId()))
                .singleElement().satisfies(i -> assertThat(i.getMaterialTypeId()).isEqualTo(required.getId()));

        // Last season's verdict stays readable, by its own case and on this year's result page.
        PublishedVerdict verdict = statuses.verdict(last.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(verdict.verdict()).isEqualTo(Verdict.APPROVED);
        assertThatThrownBy(() -> statuses.verdict(now.getId(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("NOT_PUBLISHED"));
        List<EarlierVerdict> earlier = statuses.earlierVerdicts(now.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(earlier).singleElement().satisfies(v -> {
            assertThat(v.seasonCode()).isEqualTo(first);
            assertThat(v.verdict()).isEqualTo(Verdict.APPROVED);
            assertThat(v.verdictText()).isEqualTo("审核通过");
        });
        assertThat(statuses.earlierVerdicts(last.getId(), Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(statuses.status(now.getId(), Locale.SIMPLIFIED_CHINESE).uploadDeadline())
                .isEqualTo(later.uploadDeadline());

        // The dashboards are per season.
        assertThat(context.getBean(cn.shencha.admin.DashboardService.class).dashboard(first, AdminTestData.DISTRICT)
                .district().total()).isEqualTo(1);
        assertThat(context.getBean(cn.shencha.admin.DashboardService.class).dashboard(AdminTestData.DISTRICT)
                .district().total()).isEqualTo(1);
    }

    @Test
    void theOnlyOpenSeasonCannotBeClosedAndASeasonIsOpenedOnce() {
        String current = seasons.currentCode();
        boolean alone = seasons.all().stream().filter(s -> !s.isClosed()).count() == 1;
        if (alone) {
            assertThatThrownBy(() -> seasonAdmin.close(current))
                    .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("LAST_OPEN_SEASON"));
        }
        opened = seasonAdmin.openNext("  ").getCode();
        assertThat(seasons.require(opened).getName()).isEqualTo(opened + "年医师资格考试");
        seasonAdmin.close(opened);
        assertThat(seasons.currentCode()).isEqualTo(current);
        assertThatThrownBy(() -> seasonAdmin.close(opened))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("SEASON_ALREADY_CLOSED"));
        assertThat(seasonAdmin.preview(null).code()).isEqualTo(String.valueOf(Integer.parseInt(opened) + 1));
        assertThatThrownBy(() -> importOne(opened, TestData.uniqueRegistrationNo(AdminTestData.SITE),
                IdNumbers.withCheckCharacter("31010119880303" + String.format("%03d", ID_SEQUENCE.incrementAndGet() % 1000))))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("SEASON_CLOSED"));
        assertThatThrownBy(() -> seasons.require("20x6"))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("SEASON_CODE_INVALID"));
    }

    @Test
    void theScheduleMovesByAYearOnTheBeijingClock() {
        // 2026-02-11 24:00 (16:00 UTC) is 2027-02-11 24:00; across a leap day the wall clock still wins.
        assertThat(SeasonAdminService.later(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)), 1))
                .isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2027, 2, 11)));
        assertThat(SeasonAdminService.later(ShanghaiTime.at(LocalDateTime.of(2027, 3, 1, 10, 0)), 1))
                .isEqualTo(ShanghaiTime.at(LocalDateTime.of(2028, 3, 1, 10, 0)));
    }

    private CandidateImportService.ImportReport importOne(String season, String registrationNo, String idNumber) {
        String csv = String.join(",", CandidateImportService.HEADER) + "\r\n"
                + String.join(",", registrationNo, "李娜", idNumber, "13912345678", ExamCategories.CLINICAL,
                AdminTestData.DISTRICT, AdminTestData.SITE) + "\r\n";
        CandidateImportService.ImportReport report = importer.importCsv(season, csv.getBytes(StandardCharsets.UTF_8),
                "auto", false, Progress.NONE);
        assertThat(report.errors()).isEmpty();
        return report;
    }

    private MaterialType anyRequiredType(String season) {
        return types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(season, AdminTestData.DISTRICT).stream()
                .filter(t -> t.isRequiredFor(ExamCategories.CLINICAL))
                .min(Comparator.comparing(MaterialType::getSortOrder)).orElseThrow();
    }

    private static String key(MaterialType type) {
        return type.getExampleImage().substring(MaterialType.UPLOADED_EXAMPLE_PATH.length());
    }

    private void decide(Candidate candidate, String taskKey, Decision decision) {
        Task task = taskService.createTaskQuery().processInstanceId(testData.state(candidate).processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        reviewDecisions.decide(task.getId(), AdminTestData.adminScope(), new DecisionCommand(decision, null, List.of()));
    }
}
