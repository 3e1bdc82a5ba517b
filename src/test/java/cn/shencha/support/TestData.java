package cn.shencha.support;

import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.time.MutableClock;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateAccountService;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.Verdict;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.review.CandidateProcessStarter;
import cn.shencha.review.ReviewerGroups;
import cn.shencha.review.UploadDeadlineProcess;
import cn.shencha.review.UploadDeadlineTriggers;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds test data through the real repositories and services. Registration numbers are unique per run,
 * so tests can share a MariaDB database without cleaning it.
 */
@TestComponent
public class TestData {

    /**
     * The season V73_1 creates in every test database, current for the tests (the season tests open theirs in a
     * database of their own, or close what they opened).
     */
    public static final String SEASON = "2026";


    public static final String PASSWORD = "Test2026pw";

    /** Tianjin's 2026 season from the manual: 2026-01-29 10:00 to 2月11日24时, then supplement and publication. */
    public static final DistrictSchedule TIANJIN_2026 = new DistrictSchedule(
            ShanghaiTime.at(LocalDateTime.of(2026, 1, 29, 10, 0)),
            ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)),
            ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 28)),
            ShanghaiTime.at(LocalDateTime.of(2026, 3, 20, 10, 0)));

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L) * 100);

    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateRepository candidates;
    private final MaterialTypeRepository types;
    private final MaterialImageRepository images;
    private final StandardCatalog catalog;
    private final CandidateProcessStarter processStarter;
    private final CandidateAccountService accounts;
    private final ReviewerGroups reviewerGroups;
    private final TransactionTemplate tx;
    private final MutableClock clock;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final CaseStates cases;
    private final JdbcTemplate jdbc;
    private final UploadDeadlineTriggers triggers;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final EntityManager entityManager;

    TestData(DistrictRepository districts, ExamSiteRepository sites, CandidateRepository candidates,
             MaterialTypeRepository types, MaterialImageRepository images, StandardCatalog catalog,
             CandidateProcessStarter processStarter, CandidateAccountService accounts, ReviewerGroups reviewerGroups,
             TransactionTemplate tx, MutableClock clock, Seasons seasons, SeasonScheduleRepository schedules,
             CaseStates cases, JdbcTemplate jdbc, UploadDeadlineTriggers triggers, RuntimeService runtimeService,
             ManagementService managementService, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.triggers = triggers;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.cases = cases;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.seasons = seasons;
        this.districts = districts;
        this.sites = sites;
        this.candidates = candidates;
        this.types = types;
        this.images = images;
        this.catalog = catalog;
        this.processStarter = processStarter;
        this.accounts = accounts;
        this.reviewerGroups = reviewerGroups;
        this.tx = tx;
        this.clock = clock;
    }

    /** Districts 12 and 13 with sites 1201, 1202, 1301, 1302, Tianjin's schedule, the standard catalog; clock reset. */
    public void resetDistricts() {
        clock.set(ShanghaiTime.at(TestClockConfig.START));
        tx.executeWithoutResult(s -> {
            for (String code : new String[]{"12", "13"}) {
                districts.findById(code)
                        .orElseGet(() -> districts.save(new District(code, code.equals("12") ? "天津考区" : "河北考区")));
                schedule(code, TIANJIN_2026);
            }
            for (String site : new String[]{"1201", "1202", "1301", "1302"}) {
                if (!sites.existsById(site)) {
                    sites.save(new ExamSite(site, site.substring(0, 2), "考点" + site));
                }
            }
        });
        catalog.seed(seasons.currentCode(), "12");
        catalog.seed(seasons.currentCode(), "13");
        reviewerGroups.ensureAdminGroup();
        reviewerGroups.ensureAll();
    }

    /**
     * Sets the district's schedule in the current season (created if missing). The district's upload-deadline triggers
     * follow, as after an administrator's change: a trigger an earlier test moved would otherwise keep its date.
     */
    public void schedule(String districtCode, DistrictSchedule schedule) {
        tx.executeWithoutResult(s -> schedules.findBySeasonCodeAndDistrictCode(seasons.currentCode(), districtCode)
                .ifPresentOrElse(found -> {
                            found.applySchedule(schedule);
                            triggers.moveDistrict(found);
                        },
                        () -> schedules.save(new SeasonSchedule(seasons.currentCode(), districtCode, schedule))));
    }

    /** The district's schedule in the current season. */
    public SeasonSchedule schedule(String districtCode) {
        return seasons.currentSchedule(districtCode);
    }

    public MutableClock clock() {
        return clock;
    }

    public static String uniqueRegistrationNo(String siteCode) {
        return siteCode + String.format("%010d", SEQUENCE.incrementAndGet() % 10_000_000_000L);
    }

    public static String validIdNumber() {
        String first17 = "120101" + "1995" + "0307" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return IdNumbers.withCheckCharacter(first17);
    }

    /** A new, activated candidate (password {@link #PASSWORD}) whose material review has started. */
    public Candidate candidate(String siteCode, String examCategory) {
        return tx.execute(s -> {
            String registrationNo = uniqueRegistrationNo(siteCode);
            String idNumber = validIdNumber();
            Candidate candidate = candidates.save(new Candidate(seasons.currentCode(), registrationNo, "测试考生", idNumber, "13800000000",
                    examCategory, siteCode.substring(0, 2), siteCode, clock.instant()));
            processStarter.start(candidate);
            accounts.activate(registrationNo, idNumber, PASSWORD);
            return candidate;
        });
    }

    public Candidate candidate(String siteCode) {
        return candidate(siteCode, ExamCategories.CLINICAL);
    }

    public Candidate reload(Candidate candidate) {
        return candidates.findById(candidate.getId()).orElseThrow();
    }

    /** Where the candidate's review case stands now (the review module's state, read as every module reads it). */
    public CaseState state(Candidate candidate) {
        return cases.of(candidate.getId());
    }

    /**
     * Arranges a case's verdict as the district's decision would leave it (review_case written directly, as only a
     * test may): decided now, and published now when asked.
     */
    public void verdict(Candidate candidate, Verdict verdict, String reason, boolean published) {
        LocalDateTime now = utc(clock.instant());
        jdbc.update("update review_case set verdict = ?, verdict_reason = ?, verdict_decided_at = ?, phase = ?,"
                        + " verdict_published_at = ?, version = version + 1 where candidate_id = ?",
                verdict.name(), reason, now, verdict == Verdict.APPROVED ? "APPROVED" : "REJECTED",
                published ? now : null, candidate.getId());
    }

    /** Arranges a case locked at the given time (as the deadline timer or a submission would). */
    public void locked(Candidate candidate, Instant at) {
        jdbc.update("update review_case set locked_at = ?, version = version + 1 where candidate_id = ?",
                utc(at), candidate.getId());
    }

    /**
     * A review case for a candidate whose process a test starts itself in the middle (startBeforeActivity): the
     * case must exist before the process's first phase listener runs. The process instance is set afterwards.
     */
    public void openCase(Candidate candidate, Instant submittedAt) {
        jdbc.update("insert into review_case (candidate_id, phase, submitted_at, locked_at, version) values (?, ?, ?, ?, 0)",
                candidate.getId(), "UPLOADING", utc(submittedAt), utc(submittedAt));
    }

    /** The datetime columns hold UTC (hibernate.jdbc.time_zone), whatever the JVM's zone. */
    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Sets the case's process instance, written directly as only a test may. The process's first steps changed the
     * managed case (its phase) in the same transaction: flushed first, or its update at the commit would write the
     * instance back to null.
     */
    public void caseStarted(Candidate candidate, String processInstanceId) {
        entityManager.flush();
        jdbc.update("update review_case set process_instance_id = ? where candidate_id = ?", processInstanceId,
                candidate.getId());
    }

    public MaterialType type(String districtCode, String code) {
        return types.findBySeasonCodeAndDistrictCodeAndCode(seasons.currentCode(), districtCode, code).orElseThrow();
    }

    /**
     * Records image rows for every material required of this candidate, without files: for process tests
     * that need "complete" materials but do not test uploading.
     */
    public void completeRequiredMaterials(Candidate candidate) {
        tx.executeWithoutResult(s -> {
            for (MaterialType type : types.catalogOf(candidate)) {
                if (type.isRequiredFor(candidate.getExamCategory())) {
                    for (int slot = 1; slot <= Math.max(1, type.getMinCount()); slot++) {
                        imageRow(candidate, type, slot);
                    }
                }
            }
        });
    }

    public MaterialImage imageRow(Candidate candidate, MaterialType type, int slot) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        return images.save(new MaterialImage(candidate.getId(), type.getId(), slot, "test/" + HexFormat.of().formatHex(random),
                "image/jpeg", 1000, 1000, 800, 600, HexFormat.of().formatHex(random), clock.instant()));
    }

    // ---- the upload deadline (processes/upload-deadline.bpmn)

    /**
     * The timer job of the upload-deadline trigger that closes this candidate's upload: their own trigger if they
     * have one (a personal extension), else their district's; null when none waits.
     */
    public Job uploadDeadlineTrigger(Candidate candidate) {
        for (String businessKey : List.of(
                UploadDeadlineProcess.candidateKey(candidate.getSeasonCode(), candidate.getDistrictCode(), candidate.getId()),
                UploadDeadlineProcess.districtKey(candidate.getSeasonCode(), candidate.getDistrictCode()))) {
            ProcessInstance trigger = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(UploadDeadlineProcess.KEY).processInstanceBusinessKey(businessKey).singleResult();
            if (trigger != null) {
                return managementService.createJobQuery().processInstanceId(trigger.getId()).timers().singleResult();
            }
        }
        return null;
    }

    /** Fires the candidate's upload-deadline trigger and runs the batches it started, as the job executor would. */
    public void fireUploadDeadline(Candidate candidate) {
        Job trigger = uploadDeadlineTrigger(candidate);
        if (trigger == null) {
            throw new IllegalStateException("No upload-deadline trigger waits for candidate " + candidate.getId());
        }
        managementService.executeJob(trigger.getId());
        runUploadDeadlineBatches();
    }

    /**
     * Tells this one case that its upload deadline passed, as the batch job that holds it would: for a test that needs
     * some cases of a district auto-locked and others still waiting (the job executor's lag).
     */
    public void passUploadDeadline(Candidate candidate) {
        runtimeService.createMessageCorrelation(UploadDeadlineProcess.MSG_UPLOAD_DEADLINE_PASSED)
                .processInstanceId(state(candidate).processInstanceId())
                .correlate();
    }

    /** Runs the upload deadline's batch message correlations to their end: seed jobs, batch jobs, monitor jobs. */
    public void runUploadDeadlineBatches() {
        for (int round = 0; round < 10_000; round++) {
            List<Batch> batches = managementService.createBatchQuery().type(Batch.TYPE_CORRELATE_MESSAGE).list();
            if (batches.isEmpty()) {
                return;
            }
            for (Batch batch : batches) {
                List<Job> jobs = new ArrayList<>(jobsOf(batch.getSeedJobDefinitionId()));
                jobs.addAll(jobsOf(batch.getBatchJobDefinitionId()));
                if (jobs.isEmpty()) {
                    jobs.addAll(jobsOf(batch.getMonitorJobDefinitionId()));
                }
                jobs.forEach(job -> managementService.executeJob(job.getId()));
            }
        }
        throw new IllegalStateException("The upload deadline's batches did not end");
    }

    private List<Job> jobsOf(String jobDefinitionId) {
        return managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list();
    }
}
