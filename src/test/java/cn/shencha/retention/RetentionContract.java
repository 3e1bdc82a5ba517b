package cn.shencha.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.admin.AdminTestData;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.IdNumberHash;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.internal.EarlierVerdict;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import cn.shencha.base.time.ShanghaiTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The purge of a published season after its retention period, with the clock moved past it: exactly the season's
 * image files and personal fields go (counted in the store, on disk and in the database), a held candidate, a case
 * still running and the next season stay; a purge stopped half-way ends, on the next run, in the same state as one
 * that was never stopped. Runs on H2 and on MariaDB.
 */
abstract class RetentionContract {

    @Autowired ApplicationContext context;
    @Autowired RetentionPurge purge;
    @Autowired RetentionRules rules;
    @Autowired RetentionService service;
    @Autowired CandidateRepository candidates;
    @Autowired CandidateStatusService statuses;
    @Autowired MaterialOverviewService overviews;
    @Autowired ImageStore store;
    @Autowired IdNumberHash idNumberHash;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestData testData;
    @Value("${shencha.storage.dir}") String storageDir;

    RetentionFixtures data;
    final List<String> seasons = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AdminTestData.from(context);
        AdminTestData.signInAsAdmin();
        testData.clock().set(ShanghaiTime.at(TestClockConfig.START));
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
        data = new RetentionFixtures(context);
    }

    @AfterEach
    void tearDown() {
        purge.afterFileDeleted = key -> { };
        purge.batchSize(100);
        data.closeSeasons(seasons);
        testData.clock().set(ShanghaiTime.at(TestClockConfig.START));
        ClockUtil.reset();
        AdminTestData.signOut();
    }

    /** One season's district: five approved candidates (one with an e-mail contact, one held), one that never submitted. */
    record Season(String code, List<Candidate> approved, Candidate held, Candidate running, List<String> idNumbers) {

        List<Candidate> purged() {
            return approved.stream().filter(c -> !c.getId().equals(held.getId())).toList();
        }
    }

    private Season publishedSeason() {
        String code = data.season();
        seasons.add(code);
        List<Candidate> approved = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = RetentionFixtures.idNumber();
            ids.add(id);
            Candidate c = data.candidate(code, id);
            data.approve(c);
            if (i == 0) {
                data.contact(c);
            }
            approved.add(c);
        }
        Candidate running = data.candidate(code, RetentionFixtures.idNumber());
        data.publish(code);
        return new Season(code, approved, approved.get(2), running, ids);
    }

    private void moveClockPastRetention(Season season, int days) {
        Instant publishedAt = rules.of(season.code(), RetentionFixtures.DISTRICT, testData.clock().instant())
                .orElseThrow().publishedAt();
        testData.clock().set(publishedAt.plus(Duration.ofDays(days)).plus(Duration.ofHours(1)));
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
    }

    @Test
    void aPublishedSeasonIsPurgedAfterItsRetentionExceptTheHeldCandidateTheRunningCaseAndTheNextSeason() throws Exception {
        Season season = publishedSeason();
        String next = data.nextSeason(season.code());
        seasons.add(next);
        // The same people registered again the next year, with their own files.
        List<Candidate> nextYear = season.idNumbers().stream().map(id -> data.candidate(next, id)).toList();
        RetentionService.Hold hold = service.hold(season.code(), season.held().getRegistrationNo(), "考生申诉，待复核");

        List<Candidate> purged = season.purged();
        List<String> purgedKeys = data.keys(purged);
        List<String> keptKeys = new ArrayList<>(data.keys(season.held()));
        keptKeys.addAll(data.keys(season.running()));
        keptKeys.addAll(data.keys(nextYear));
        assertThat(purgedKeys).hasSize(purged.size() * (purgedKeys.size() / purged.size())).isNotEmpty();
        assertThat(purgedKeys).allMatch(this::inStore);
        assertThat(keptKeys).allMatch(this::inStore);
        long filesOnDisk = filesOnDisk();
        Map<String, Long> before = counts(season);
        String heldHistory = testData.state(candidates.findById(season.held().getId()).orElseThrow()).processInstanceId();

        // Not yet due: the preview says when and how much; the purge does nothing.
        testData.clock().set(testData.clock().instant().plus(Duration.ofDays(100)));
        RetentionService.Preview preview = preview(season.code());
        assertThat(preview.due()).isFalse();
        assertThat(preview.retentionDays()).isEqualTo(RetentionRules.DEFAULT_DAYS);
        assertThat(preview.dueAt()).isEqualTo(preview.publishedAt().plus(Duration.ofDays(180)));
        assertThat(preview.candidates()).isEqualTo(purged.size());
        assertThat(preview.images()).isEqualTo(purgedKeys.size());
        assertThat(preview.held()).isEqualTo(1);
        assertThat(preview.running()).isEqualTo(1);
        assertThat(preview.purged()).isZero();
        assertThat(preview.processInstances()).isEqualTo(purged.size());
        assertThat(preview.messages()).isEqualTo(purged.size()); // the VERDICT_PUBLISHED message of each
        assertThat(preview.contacts()).isEqualTo(1);
        Optional<RetentionRules.Due> due = rules.of(season.code(), RetentionFixtures.DISTRICT, testData.clock().instant());
        assertThat(purge.purge(due.orElseThrow(), "test")).isEmpty();
        assertThatThrownBy(() -> service.purgeNow(season.code(), RetentionFixtures.DISTRICT))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("RETENTION_NOT_DUE"));
        assertThat(purgedKeys).allMatch(this::inStore);

        // 181 days after publication: purged.
        moveClockPastRetention(season, 180);
        assertThat(preview(season.code()).due()).isTrue();
        RetentionService.Purge record = service.purgeNow(season.code(), RetentionFixtures.DISTRICT);
        assertThat(record.state()).isEqualTo("DONE");
        assertThat(record.startedBy()).isEqualTo("admin-tester");
        assertThat(record.candidates()).isEqualTo(purged.size());
        assertThat(record.images()).isEqualTo(purgedKeys.size());
        assertThat(record.processInstances()).isEqualTo(purged.size());
        assertThat(record.contacts()).isEqualTo(1);
        assertThat(record.messages()).isEqualTo(purged.size());
        assertThat(record.held()).isEqualTo(1);
        assertThat(record.running()).isEqualTo(1);

        // Exactly the purged candidates' files are gone, in the store and on disk.
        assertThat(purgedKeys).noneMatch(this::inStore);
        assertThat(keptKeys).allMatch(this::inStore);
        assertThat(filesOnDisk()).isEqualTo(filesOnDisk - purgedKeys.size());
        // Their ID numbers (the hash kept), phones, message texts and addresses are blanked; the record stays.
        for (int i = 0; i < season.approved().size(); i++) {
            Candidate c = candidates.findById(season.approved().get(i).getId()).orElseThrow();
            if (c.getId().equals(season.held().getId())) {
                assertThat(c.getIdNumber()).isEqualTo(season.idNumbers().get(i));
                assertThat(c.getPurgedAt()).isNull();
                continue;
            }
            assertThat(c.getIdNumber()).isEmpty();
            assertThat(c.getPhone()).isNull();
            assertThat(c.getIdNumberHash()).isEqualTo(idNumberHash.of(season.idNumbers().get(i))).hasSize(64);
            assertThat(c.getPurgedAt()).isEqualTo(testData.clock().instant());
            assertThat(c.getRegistrationNo()).isEqualTo(season.approved().get(i).getRegistrationNo());
            assertThat(testData.state(c).verdict()).isEqualTo(Verdict.APPROVED);
            assertThat(testData.state(c).verdictPublishedAt()).isNotNull();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(testData.state(c).processInstanceId())
                    .count()).isZero();
            assertThat(jdbc.queryForList("select state from material_image where candidate_id = ?", String.class, c.getId()))
                    .isNotEmpty().containsOnly("PURGED");
            Long imageId = jdbc.queryForObject("select min(id) from material_image where candidate_id = ?", Long.class, c.getId());
            assertThatThrownBy(() -> overviews.image(c.getId(), imageId))
                    .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("IMAGE_PURGED"));
        }
        Map<String, Long> after = counts(season);
        // Counts that stay: candidates, image rows, review decisions, messages and notifications (emptied), deliveries.
        for (String kept : List.of("candidates", "images", "decisions", "messages", "notifications", "deliveries")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("blankMessages") - before.get("blankMessages")).isEqualTo(purged.size());
        assertThat(after.get("addresses")).isEqualTo(before.get("addresses") - before.get("purgedAddresses"));
        assertThat(before.get("purgedAddresses")).isPositive();
        assertThat(after.get("contacts")).isZero();
        assertThat(after.get("idNumbers")).isEqualTo(2); // the held candidate's and the running case's
        // The held candidate keeps their history; so does the running case; the next season is untouched.
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(heldHistory).count()).isOne();
        for (int i = 0; i < nextYear.size(); i++) {
            Candidate c = candidates.findById(nextYear.get(i).getId()).orElseThrow();
            assertThat(c.getIdNumber()).isEqualTo(season.idNumbers().get(i));
            assertThat(c.getPhone()).isNotNull();
            assertThat(c.getPurgedAt()).isNull();
        }
        // The same person is still recognised next year: last year's verdict is found through the hash.
        List<EarlierVerdict> earlier = statuses.earlierVerdicts(nextYear.get(0).getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(earlier).singleElement().satisfies(v -> {
            assertThat(v.seasonCode()).isEqualTo(season.code());
            assertThat(v.verdict()).isEqualTo(Verdict.APPROVED);
        });

        // Idempotent: nothing more to do, no new record.
        int records = service.purges().size();
        assertThat(purge.purge(rules.of(season.code(), RetentionFixtures.DISTRICT, testData.clock().instant())
                .orElseThrow(), "test")).isEmpty();
        assertThat(service.purges()).hasSize(records);
        assertThatThrownBy(() -> service.hold(season.code(), purged.get(0).getRegistrationNo(), "迟到的申诉"))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("ALREADY_PURGED"));

        // Released, the held candidate goes with the next run (a purge record of its own).
        service.release(hold.id(), "复核完毕");
        assertThat(preview(season.code()).candidates()).isOne();
        RetentionService.Purge second = runAsScheduler(season.code());
        assertThat(second.candidates()).isOne();
        assertThat(second.startedBy()).isEqualTo(RetentionPurge.SCHEDULER);
        assertThat(data.keys(season.held())).noneMatch(this::inStore);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(heldHistory).count()).isZero();
        assertThat(data.keys(season.running())).allMatch(this::inStore);
        assertThat(data.keys(nextYear)).allMatch(this::inStore);
    }

    @Test
    void aPurgeStoppedHalfWayEndsOnTheNextRunAsIfItHadNeverStopped() throws Exception {
        purge.batchSize(2);
        Season uninterrupted = publishedSeason();
        Season interrupted = publishedSeason();
        service.hold(uninterrupted.code(), uninterrupted.held().getRegistrationNo(), "争议");
        service.hold(interrupted.code(), interrupted.held().getRegistrationNo(), "争议");
        moveClockPastRetention(interrupted, 180);

        RetentionService.Purge whole = runAsScheduler(uninterrupted.code());
        assertThat(whole.state()).isEqualTo("DONE");

        // Stopped after the 5th file, in the second batch (as a kill -9 would: nothing after it runs).
        int perCandidate = data.keys(interrupted.approved().get(0)).size();
        int[] deleted = {0};
        int stopAfter = 2 * perCandidate + 1;
        purge.afterFileDeleted = key -> {
            if (++deleted[0] == stopAfter) {
                throw new Killed();
            }
        };
        RetentionRules.Due due = rules.of(interrupted.code(), RetentionFixtures.DISTRICT, testData.clock().instant()).orElseThrow();
        assertThatThrownBy(() -> purge.purge(due, RetentionPurge.SCHEDULER)).isInstanceOf(Killed.class);
        purge.afterFileDeleted = key -> { };

        // Half-way: the record is RUNNING, the first batch is done, the second batch's images are marked and some of
        // their files gone, and no image that is not marked PURGED lacks its file.
        RetentionService.Purge half = record(interrupted.code());
        assertThat(half.state()).isEqualTo("RUNNING");
        assertThat(half.candidates()).isEqualTo(2);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select i.storage_key, i.state from material_image i join candidate c on c.id = i.candidate_id
                where c.season_code = ?""", interrupted.code());
        assertThat(rows).filteredOn(r -> !"PURGED".equals(r.get("state")))
                .allMatch(r -> inStore((String) r.get("storage_key")));
        assertThat(rows).filteredOn(r -> "PURGED".equals(r.get("state"))
                && inStore((String) r.get("storage_key"))).isNotEmpty(); // marked, file not yet deleted
        assertThat(rows).filteredOn(r -> "PURGED".equals(r.get("state"))).hasSize(4 * perCandidate);

        // The next run carries on with the same record and ends where the uninterrupted one did.
        RetentionService.Purge resumed = runAsScheduler(interrupted.code());
        assertThat(resumed.id()).isEqualTo(half.id());
        assertThat(resumed.state()).isEqualTo("DONE");
        assertThat(List.of(resumed.candidates(), resumed.images(), resumed.messages(), resumed.notifications(),
                resumed.deliveries(), resumed.contacts(), resumed.processInstances(), resumed.held(), resumed.running()))
                .isEqualTo(List.of(whole.candidates(), whole.images(), whole.messages(), whole.notifications(),
                        whole.deliveries(), whole.contacts(), whole.processInstances(), whole.held(), whole.running()));
        assertThat(fingerprint(interrupted)).isEqualTo(fingerprint(uninterrupted));
        assertThat(fingerprint(interrupted)).anyMatch(l -> l.contains(":purged id=blank hash=match phone=none"))
                .anyMatch(l -> l.contains(":held id=same hash=none phone=kept"));
    }

    @Test
    void theEngineCleansItsOwnHistoryInTheNightlyWindow() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
                .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        // With a window the engine keeps its cleanup job scheduled (without one it never runs).
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty()
                .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }

    /** Thrown where the test stops a purge: not an IOException, nothing catches it. */
    static class Killed extends RuntimeException {
    }

    /** The state of a season's candidates, by their place in the season (not ids): fields, images, files, texts. */
    private List<String> fingerprint(Season season) {
        List<String> lines = new ArrayList<>();
        List<Candidate> all = new ArrayList<>(season.approved());
        all.add(season.running());
        for (int i = 0; i < all.size(); i++) {
            Candidate c = candidates.findById(all.get(i).getId()).orElseThrow();
            String original = i < season.idNumbers().size() ? season.idNumbers().get(i) : null;
            StringBuilder line = new StringBuilder(i + ":");
            line.append(c.getPurgedAt() != null ? "purged" : c.getId().equals(season.held().getId()) ? "held" : "kept");
            line.append(" id=").append(c.getIdNumber().isEmpty() ? "blank" : c.getIdNumber().equals(original) ? "same" : "other");
            line.append(" hash=").append(c.getIdNumberHash() == null ? "none"
                    : original != null && c.getIdNumberHash().equals(idNumberHash.of(original)) ? "match" : "wrong");
            line.append(" phone=").append(c.getPhone() == null ? "none" : "kept");
            line.append(" verdict=").append(testData.state(c).verdict());
            for (Map<String, Object> image : jdbc.queryForList(
                    "select storage_key, state from material_image where candidate_id = ? order by id", c.getId())) {
                line.append(" img=").append(image.get("state")).append(inStore((String) image.get("storage_key")) ? "+file" : "-file");
            }
            line.append(" messages=").append(jdbc.queryForList(
                    "select case when body = '' then 'blank' else 'text' end from candidate_message where candidate_id = ? order by id",
                    String.class, c.getId()));
            line.append(" notifications=").append(jdbc.queryForList(
                    "select case when body = '' then 'blank' else 'text' end from notification where candidate_id = ? order by id",
                    String.class, c.getId()));
            line.append(" recipients=").append(jdbc.queryForList("""
                    select case when d.recipient is null then 'none' else 'set' end from notification_delivery d
                    join notification n on n.id = d.notification_id where n.candidate_id = ? order by d.id""",
                    String.class, c.getId()));
            line.append(" contact=").append(jdbc.queryForObject(
                    "select count(*) from notification_contact where candidate_id = ?", Long.class, c.getId()));
            line.append(" history=").append(historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(testData.state(c).processInstanceId()).count());
            lines.add(line.toString());
        }
        return lines;
    }

    private Map<String, Long> counts(Season season) {
        String of = " from candidate c where c.season_code = '" + season.code() + "'";
        String purgedIds = season.purged().stream().map(c -> String.valueOf(c.getId())).reduce((a, b) -> a + "," + b).orElseThrow();
        return Map.ofEntries(
                Map.entry("candidates", count("select count(*)" + of)),
                Map.entry("idNumbers", count("select count(*)" + of + " and c.id_number <> ''")),
                Map.entry("images", count("select count(*) from material_image i where i.candidate_id in (select c.id" + of + ")")),
                Map.entry("decisions", count("select count(*) from review_decision d where d.candidate_id in (select c.id" + of + ")")),
                Map.entry("messages", count("select count(*) from candidate_message m where m.candidate_id in (select c.id" + of + ")")),
                Map.entry("blankMessages", count("select count(*) from candidate_message m where m.body = '' and m.candidate_id in (select c.id" + of + ")")),
                Map.entry("notifications", count("select count(*) from notification n where n.candidate_id in (select c.id" + of + ")")),
                Map.entry("deliveries", count("select count(*) from notification_delivery d join notification n on n.id = d.notification_id"
                        + " where n.candidate_id in (select c.id" + of + ")")),
                Map.entry("addresses", count("select count(*) from notification_delivery d join notification n on n.id = d.notification_id"
                        + " where d.recipient is not null and n.candidate_id in (select c.id" + of + ")")),
                Map.entry("purgedAddresses", count("select count(*) from notification_delivery d join notification n on n.id = d.notification_id"
                        + " where d.recipient is not null and n.candidate_id in (" + purgedIds + ")")),
                Map.entry("contacts", count("select count(*) from notification_contact k where k.candidate_id in (" + purgedIds + ")")));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private RetentionService.Preview preview(String season) {
        return service.preview().stream().filter(p -> p.seasonCode().equals(season)
                && p.districtCode().equals(RetentionFixtures.DISTRICT)).findFirst().orElseThrow();
    }

    /** What the hourly run does for this season's district (the scheduler is off under the test profile). */
    private RetentionService.Purge runAsScheduler(String season) {
        long id = purge.purge(rules.of(season, RetentionFixtures.DISTRICT, testData.clock().instant()).orElseThrow(),
                RetentionPurge.SCHEDULER).orElseThrow();
        return service.purges().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private RetentionService.Purge record(String season) {
        return service.purges().stream().filter(p -> p.seasonCode().equals(season)).findFirst().orElseThrow();
    }

    boolean inStore(String key) {
        try (ImageStore.StoredObject ignored = store.open(key)) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long filesOnDisk() throws IOException {
        Path root = Path.of(storageDir);
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().startsWith(".")).count();
        }
    }
}
