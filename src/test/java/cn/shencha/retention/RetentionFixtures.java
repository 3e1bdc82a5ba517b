package cn.shencha.retention;

import cn.shencha.admin.AdminTestData;
import cn.shencha.exam.CaseStates;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.time.MutableClock;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.notify.NotificationContacts;
import cn.shencha.review.CandidateProcessStarter;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.ReviewerGroups;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A season of the retention tests' own: district 47 (site 4701) in a season coded below the current one (so it is
 * never current and no other test's data is in it), candidates with image files in the real store, their cases taken
 * to a published verdict, messages and a contact address. Each test makes seasons of its own, so the counts are
 * exact on a database shared with the other tests (and with earlier runs on MariaDB).
 */
class RetentionFixtures {

    static final String DISTRICT = "47";
    static final String SITE = "4701";

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MutableClock clock;
    private final ImageStore store;
    private final CandidateRepository candidates;
    private final MaterialImageRepository images;
    private final MaterialTypeRepository types;

    RetentionFixtures(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.tx = context.getBean(TransactionTemplate.class);
        this.clock = context.getBean(MutableClock.class);
        this.store = context.getBean(ImageStore.class);
        this.candidates = context.getBean(CandidateRepository.class);
        this.images = context.getBean(MaterialImageRepository.class);
        this.types = context.getBean(MaterialTypeRepository.class);
        tx.executeWithoutResult(s -> {
            DistrictRepository districts = context.getBean(DistrictRepository.class);
            districts.findById(DISTRICT).orElseGet(() -> districts.save(new District(DISTRICT, "保留考区")));
            ExamSiteRepository sites = context.getBean(ExamSiteRepository.class);
            if (!sites.existsById(SITE)) {
                sites.save(new ExamSite(SITE, DISTRICT, "考点" + SITE));
            }
        });
        context.getBean(ReviewerGroups.class).ensureAll();
    }

    /** A new season (and the next code free too), its upload window open around now, publication in 30 days. */
    String season() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int code = ThreadLocalRandom.current().nextInt(500, 999) * 2;
            String first = String.valueOf(code);
            String next = String.valueOf(code + 1);
            Integer taken = jdbc.queryForObject("select count(*) from exam_season where code in (?, ?)", Integer.class,
                    first, next);
            if (taken != null && taken == 0) {
                createSeason(first, Duration.ZERO);
                return first;
            }
        }
        throw new IllegalStateException("No free season code");
    }

    /** The season after {@code season}: the same district, its dates a year later. */
    String nextSeason(String season) {
        String next = String.valueOf(Integer.parseInt(season) + 1);
        createSeason(next, Duration.ofDays(365));
        return next;
    }

    private void createSeason(String code, Duration later) {
        Instant now = clock.instant();
        jdbc.update("insert into exam_season (code, name, opened_at, opened_by, version) values (?, ?, ?, 'retention-test', 0)",
                code, code + "年保留测试", Utc.of(now));
        DistrictSchedule schedule = new DistrictSchedule(now.minus(Duration.ofDays(1)).plus(later),
                now.plus(Duration.ofDays(10)).plus(later), now.plus(Duration.ofDays(20)).plus(later),
                now.plus(Duration.ofDays(30)).plus(later));
        tx.executeWithoutResult(s -> context.getBean(SeasonScheduleRepository.class)
                .save(new SeasonSchedule(code, DISTRICT, schedule)));
        context.getBean(StandardCatalog.class).seed(code, DISTRICT);
    }

    /** Closes the test's seasons, so that they never count as open ones for other tests. */
    void closeSeasons(List<String> codes) {
        for (String code : codes) {
            jdbc.update("update exam_season set closed_at = ?, closed_by = 'retention-test' where code = ? and closed_at is null",
                    Utc.of(clock.instant()), code);
        }
    }

    static String idNumber() {
        return IdNumbers.withCheckCharacter("4401011990" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
    }

    /** A candidate of the season with every required material uploaded (files in the store); the case started. */
    Candidate candidate(String season, String idNumber) {
        return tx.execute(s -> {
            Candidate candidate = candidates.save(new Candidate(season, TestData.uniqueRegistrationNo(SITE), "保留考生",
                    idNumber, "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                    ExamCategories.CLINICAL, DISTRICT, SITE, clock.instant()));
            context.getBean(CandidateProcessStarter.class).start(candidate);
            for (MaterialType type : types.catalogOf(candidate)) {
                if (type.isRequiredFor(candidate.getExamCategory())) {
                    for (int slot = 1; slot <= Math.max(1, type.getMinCount()); slot++) {
                        image(candidate, type, slot);
                    }
                }
            }
            return candidate;
        });
    }

    private MaterialImage image(Candidate candidate, MaterialType type, int slot) {
        byte[] bytes = new byte[2048];
        ThreadLocalRandom.current().nextBytes(bytes);
        try {
            String key = store.put(bytes, "jpg");
            return images.save(new MaterialImage(candidate.getId(), type.getId(), slot, key, "image/jpeg",
                    bytes.length, bytes.length, 40, 30, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes)), clock.instant()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits, passes at the site and approves at the district (the candidate waits for publication). */
    void approve(Candidate candidate) {
        context.getBean(SubmissionService.class).submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        decide(candidate, MaterialReviewProcess.SITE_REVIEW, Decision.PASS);
        decide(candidate, MaterialReviewProcess.DISTRICT_REVIEW, Decision.APPROVE);
    }

    void contact(Candidate candidate) {
        context.getBean(NotificationContacts.class).setEmail(candidate.getId(), "kaosheng" + candidate.getId() + "@example.cn");
    }

    private void decide(Candidate candidate, String taskKey, Decision decision) {
        Candidate fresh = candidates.findById(candidate.getId()).orElseThrow();
        Task task = context.getBean(TaskService.class).createTaskQuery().processInstanceId(context.getBean(CaseStates.class).of(fresh.getId()).processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        context.getBean(ReviewDecisionService.class).decide(task.getId(), AdminTestData.adminScope(),
                new DecisionCommand(decision, null, List.of()));
    }

    /** Publishes the season's verdicts in the district now (an administrator's "publish now"). */
    void publish(String season) {
        context.getBean(ScheduleAdminService.class).publishNow(season, DISTRICT);
    }

    List<String> keys(Candidate candidate) {
        return jdbc.queryForList("select storage_key from material_image where candidate_id = ? order by id", String.class,
                candidate.getId());
    }

    List<String> keys(List<Candidate> of) {
        List<String> all = new ArrayList<>();
        of.forEach(c -> all.addAll(keys(c)));
        return all;
    }
}
