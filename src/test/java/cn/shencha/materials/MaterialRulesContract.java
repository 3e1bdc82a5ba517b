package cn.shencha.materials;

import cn.shencha.materials.internal.UploadResult;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.DeleteOutcome;
import cn.shencha.materials.internal.MaterialImageRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.Phase;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialVerdict;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of materials, through the real services and the real process, on the database of the
 * subclass (H2: {@link MaterialRulesTests}, MariaDB: {@link MaterialRulesMariaDbTests}).
 */
abstract class MaterialRulesContract {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestData data;
    @Autowired
    MaterialUploadService uploads;
    @Autowired
    MaterialOverviewService overview;
    @Autowired
    CandidateStatusService status;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    MaterialImageRepository images;
    @Autowired
    ImageStore store;
    @Autowired
    ImageSweeper sweeper;
    @Autowired
    TransactionTemplate tx;
    @Value("${shencha.storage.dir}")
    Path storageDir;

    @BeforeEach
    void reset() {
        data.resetDistricts();
    }

    // ---- max count and the last slot ----

    @Test
    void idProofTakesExactlyTwoImages() {
        Candidate candidate = data.candidate("1201");
        upload(candidate, "ID_CARD", 1);
        upload(candidate, "ID_CARD", 2);

        assertRefused(() -> upload(candidate, "ID_CARD", 3), "MAX_COUNT_REACHED");
        MaterialTypeOverview idCard = type(candidate, "ID_CARD");
        assertThat(idCard.activeCount()).isEqualTo(2);
        assertThat(idCard.canUpload()).isFalse();
        assertThat(idCard.images()).extracting(MaterialImageView::slot).containsExactly(1, 2);
    }

    @Test
    void concurrentUploadsIntoTheLastFreeSlotHaveExactlyOneWinner() throws Exception {
        Candidate candidate = data.candidate("1201");
        upload(candidate, "ID_CARD", 10);
        Set<Path> filesBefore = files();
        int racers = 6;
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            pictures.add(TestImages.jpeg(TestImages.document(900, 600, 100 + i, 0), 0.8f));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<UploadResult>> results = new ArrayList<>();
        try {
            for (byte[] picture : pictures) {
                results.add(pool.submit(() -> {
                    start.await();
                    return uploads.upload(candidate.getId(), "ID_CARD", "back.jpg", picture, ZH);
                }));
            }
            start.countDown();
            int won = 0;
            List<String> refusals = new ArrayList<>();
            UploadResult winner = null;
            for (Future<UploadResult> result : results) {
                try {
                    winner = result.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refusals.add(e.getCause() instanceof ShenchaException s ? s.getCode() : e.getCause().toString());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(refusals).hasSize(racers - 1).containsOnly("MAX_COUNT_REACHED");
            assertThat(images.countByCandidateIdAndMaterialTypeIdAndState(candidate.getId(),
                    data.type("12", "ID_CARD").getId(), ImageState.ACTIVE)).isEqualTo(2);
            // the losers' files are gone: exactly the winner's file is new
            Set<Path> newFiles = new HashSet<>(files());
            newFiles.removeAll(filesBefore);
            String winnerKey = images.findById(winner.image().id()).orElseThrow().getStorageKey();
            assertThat(newFiles).containsExactly(storageDir.toAbsolutePath().normalize().resolve(winnerKey));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- deadlines: the clock decides, not the timer job ----

    @Test
    void uploadAndDeleteAreRefusedFromTheDeadlineOnEvenBeforeTheTimerJobRan() {
        Candidate candidate = data.candidate("1201");
        UploadResult uploaded = upload(candidate, "DIPLOMA", 20);
        data.clock().set(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11))); // 2月11日24时

        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.UPLOADING); // the timer has not fired
        assertRefused(() -> upload(candidate, "DIPLOMA", 21), "UPLOAD_DEADLINE_PASSED");
        assertRefused(() -> uploads.delete(candidate.getId(), uploaded.image().id()), "UPLOAD_DEADLINE_PASSED");
        CandidateStatus me = status.status(candidate.getId(), ZH);
        assertThat(me.locked()).isTrue();
        assertThat(me.autoLocked()).isTrue();
        assertThat(me.lockReason()).isEqualTo(LockReason.UPLOAD_DEADLINE_PASSED);
        assertThat(overview.overview(candidate.getId(), ZH).allLocked()).isTrue();

        // one minute before, it was open; and a personal extension reopens it for this candidate only
        data.clock().set(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)).minus(Duration.ofMinutes(1)));
        upload(candidate, "DIPLOMA", 22);
        data.clock().set(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 11)).plus(Duration.ofHours(1)));
        tx.executeWithoutResult(s -> candidates.findById(candidate.getId()).orElseThrow()
                .setUploadDeadlineOverride(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 13))));
        upload(candidate, "DIPLOMA", 23);
    }

    @Test
    void uploadIsRefusedBeforeTheWindowOpens() {
        Candidate candidate = data.candidate("1202");
        data.clock().set(TestData.TIANJIN_2026.uploadStart().minusSeconds(1));
        assertRefused(() -> upload(candidate, "DIPLOMA", 30), "UPLOAD_NOT_OPEN");
    }

    // ---- submission and the supplement ----

    @Test
    void submittedMaterialsAreLockedAndASupplementUnlocksOnlyTheMarkedOnes() {
        Candidate candidate = data.candidate("1201");
        UploadResult front = upload(candidate, "ID_CARD", 40);
        upload(candidate, "ID_CARD", 41);
        UploadResult diploma = upload(candidate, "DIPLOMA", 42);
        upload(candidate, "PROBATION", 43);
        upload(candidate, "REGISTRATION_FORM", 44);
        assertThat(overview.overview(candidate.getId(), ZH).canSubmit()).isTrue();

        assertThat(submissions.submit(candidate.getId(), ZH)).isEqualTo(SubmissionService.Outcome.SUBMITTED);
        assertThat(submissions.submit(candidate.getId(), ZH)).isEqualTo(SubmissionService.Outcome.ALREADY_SUBMITTED);
        assertRefused(() -> upload(candidate, "OTHER", 45), "SUBMITTED");
        assertRefused(() -> uploads.delete(candidate.getId(), front.image().id()), "SUBMITTED");
        assertThat(status.status(candidate.getId(), ZH).stage()).isEqualTo(CandidateStage.SITE_REVIEW);

        siteReviewerAsksToReplace(candidate, "ID_CARD", "不清晰");
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.SUPPLEMENT);

        // only the marked material is unlocked
        assertRefused(() -> upload(candidate, "OTHER", 46), "NOT_UNLOCKED");
        assertRefused(() -> uploads.delete(candidate.getId(), diploma.image().id()), "NOT_UNLOCKED");
        MaterialOverview page = overview.overview(candidate.getId(), ZH);
        assertThat(page.types()).filteredOn(t -> !t.locked()).extracting(MaterialTypeOverview::typeCode).containsExactly("ID_CARD");
        assertThat(type(candidate, "ID_CARD").feedback()).isEqualTo("不清晰");
        assertThat(page.feedback()).containsExactly("身份证明：不清晰");

        // replacing a submitted image keeps it in the history with the reviewer's reason
        assertThat(uploads.delete(candidate.getId(), front.image().id())).isEqualTo(DeleteOutcome.KEPT_IN_HISTORY);
        MaterialImage replaced = images.findById(front.image().id()).orElseThrow();
        assertThat(replaced.getState()).isEqualTo(ImageState.REPLACED);
        assertThat(replaced.getReplacedReason()).isEqualTo("不清晰");
        assertThat(replaced.getReplacedByDecisionId()).isNotNull();
        assertThat(overview.image(candidate.getId(), front.image().id()).bytes()).isNotEmpty(); // never destroyed
        assertRefused(() -> uploads.delete(candidate.getId(), front.image().id()), "IMAGE_IN_HISTORY");
        assertThat(overview.overview(candidate.getId(), ZH).canSubmit()).isFalse();
        assertThat(overview.overview(candidate.getId(), ZH).missing()).containsExactly("身份证明");

        // the very same picture again is refused; a new one takes the freed slot
        assertRefused(() -> upload(candidate, "ID_CARD", 40), "SAME_AS_REPLACED");
        UploadResult newFront = upload(candidate, "ID_CARD", 47);
        assertThat(newFront.image().slot()).isEqualTo(1);
        MaterialTypeOverview idCard = type(candidate, "ID_CARD");
        assertThat(idCard.images()).extracting(MaterialImageView::state)
                .containsExactly(ImageState.ACTIVE, ImageState.ACTIVE, ImageState.REPLACED);
        assertThat(idCard.images().get(2).replacedReason()).isEqualTo("不清晰");
        assertThat(idCard.images().get(2).deletable()).isFalse();

        // an image uploaded during the supplement and not yet submitted is purged when deleted
        UploadResult mistake = newFront;
        assertThat(uploads.delete(candidate.getId(), mistake.image().id())).isEqualTo(DeleteOutcome.PURGED);
        assertThat(images.findById(mistake.image().id())).isEmpty();
        upload(candidate, "ID_CARD", 48);

        assertThat(submissions.submit(candidate.getId(), ZH)).isEqualTo(SubmissionService.Outcome.RESUBMITTED);
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(type(candidate, "ID_CARD").locked()).isTrue();
        assertThat(type(candidate, "ID_CARD").feedback()).isNull();
    }

    @Test
    void submissionIsRefusedWithTheMissingMaterials() {
        Candidate candidate = data.candidate("1201");
        upload(candidate, "ID_CARD", 50);
        MaterialOverview page = overview.overview(candidate.getId(), ZH);
        assertThat(page.canSubmit()).isFalse();
        assertThat(page.missing()).containsExactly("身份证明", "学历证书", "试用期考核证明", "报名信息表");
        assertThatThrownBy(() -> submissions.submit(candidate.getId(), ZH))
                .isInstanceOfSatisfying(ShenchaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("MATERIALS_INCOMPLETE");
                    assertThat(e.getDetails()).contains("身份证明", "学历证书");
                });
    }

    // ---- whose data ----

    @Test
    void anotherCandidatesImageIsNotFound() {
        Candidate owner = data.candidate("1201");
        Candidate other = data.candidate("1201");
        UploadResult image = upload(owner, "DIPLOMA", 60);

        assertRefused(() -> overview.image(other.getId(), image.image().id()), "IMAGE_NOT_FOUND");
        assertRefused(() -> uploads.delete(other.getId(), image.image().id()), "IMAGE_NOT_FOUND");
        assertRefused(() -> overview.image(other.getId(), Long.MAX_VALUE), "IMAGE_NOT_FOUND");
        assertThat(images.findById(image.image().id())).isPresent();

        StaffScope otherSite = StaffScope.of("site1202reviewer", Set.of("site1202"));
        StaffScope ownSite = StaffScope.of("site1201reviewer", Set.of("site1201"));
        // Reviewers see a case only once it is up for review (submitted or locked by the deadline).
        assertRefused(() -> overview.imageForStaff(ownSite, image.image().id()), "IMAGE_NOT_FOUND");
        data.locked(owner, Instant.now());
        assertRefused(() -> overview.imageForStaff(otherSite, image.image().id()), "IMAGE_NOT_FOUND");
        assertThat(overview.imageForStaff(ownSite, image.image().id()).bytes()).isNotEmpty();
    }

    @Test
    void theSameImageAtAnotherCandidateIsFlaggedForReviewersOnly() {
        Candidate first = data.candidate("1201");
        Candidate second = data.candidate("1301");
        UploadResult mine = upload(first, "DIPLOMA", 70);
        UploadResult copy = upload(second, "DIPLOMA", 70);

        assertThat(copy.warnings()).isEmpty(); // the candidate is not told
        List<SharedImage> shared = tx.execute(s -> sharedOf(second));
        assertThat(shared).containsExactly(new SharedImage(copy.image().id(), data.type("13", "DIPLOMA").getId(), first.getId()));
        List<SharedImage> sharedOfFirst = tx.execute(s -> sharedOf(first));
        assertThat(sharedOfFirst).extracting(SharedImage::imageId).containsExactly(mine.image().id());
    }

    @Autowired
    CandidateMaterials candidateMaterials;

    private List<SharedImage> sharedOf(Candidate candidate) {
        return candidateMaterials.sharedWithOtherCandidates(candidate.getId());
    }

    // ---- files and rows go together ----

    @Test
    void aFileWhoseRowIsRolledBackIsRemoved() throws IOException {
        Candidate candidate = data.candidate("1201");
        Set<Path> before = files();
        TransactionTemplate outer = new TransactionTemplate(tx.getTransactionManager());
        Long imageId = outer.execute(s -> {
            UploadResult result = uploads.upload(candidate.getId(), "DIPLOMA", "a.jpg", picture(80), ZH);
            assertThat(files()).hasSize(before.size() + 1); // durable before the row commits
            s.setRollbackOnly();
            return result.image().id();
        });
        assertThat(images.findById(imageId)).isEmpty();
        assertThat(files()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void deletingAnUnsubmittedImagePurgesRowAndFile() {
        Candidate candidate = data.candidate("1201");
        UploadResult result = upload(candidate, "DIPLOMA", 90);
        Path file = storageDir.toAbsolutePath().normalize()
                .resolve(images.findById(result.image().id()).orElseThrow().getStorageKey());
        assertThat(file).exists();

        assertThat(uploads.delete(candidate.getId(), result.image().id())).isEqualTo(DeleteOutcome.PURGED);

        assertThat(images.findById(result.image().id())).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void theSweeperRemovesOldOrphansOnly() throws IOException {
        Candidate candidate = data.candidate("1201");
        UploadResult kept = upload(candidate, "DIPLOMA", 95);
        String keptKey = images.findById(kept.image().id()).orElseThrow().getStorageKey();
        String oldOrphan = store.put(picture(96), "jpg");
        String youngOrphan = store.put(picture(97), "jpg");
        Instant now = Instant.now();
        Path root = storageDir.toAbsolutePath().normalize();
        Files.setLastModifiedTime(root.resolve(oldOrphan), FileTime.from(now.minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(root.resolve(keptKey), FileTime.from(now.minus(Duration.ofHours(3))));

        sweeper.sweep(now.minus(Duration.ofHours(1)));

        assertThat(root.resolve(oldOrphan)).doesNotExist();
        assertThat(root.resolve(youngOrphan)).exists();
        assertThat(root.resolve(keptKey)).exists();
        store.delete(youngOrphan);
    }

    // ---- helpers ----

    UploadResult upload(Candidate candidate, String typeCode, long seed) {
        return uploads.upload(candidate.getId(), typeCode, "photo.jpg", picture(seed), ZH);
    }

    static byte[] picture(long seed) {
        return TestImages.jpeg(TestImages.document(800, 600, seed, 0), 0.8f);
    }

    MaterialTypeOverview type(Candidate candidate, String code) {
        return overview.overview(candidate.getId(), ZH).types().stream()
                .filter(t -> t.typeCode().equals(code)).findFirst().orElseThrow();
    }

    void siteReviewerAsksToReplace(Candidate candidate, String typeCode, String reason) {
        Task task = taskService.createTaskQuery().processInstanceId(data.state(data.reload(candidate)).processInstanceId()).singleResult();
        decisions.decide(task.getId(), StaffScope.of("site" + candidate.getSiteCode() + "reviewer", Set.of("site" + candidate.getSiteCode())),
                new DecisionCommand(Decision.SUPPLEMENT, null,
                        List.of(new DecisionCommand.MaterialVerdictCommand(typeCode, MaterialVerdict.Verdict.REPLACE, reason))));
    }

    Set<Path> files() {
        Path root = storageDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return new HashSet<>(walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".tmp")).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo(code));
    }
}
