package cn.shencha.materials;

import cn.shencha.materials.internal.UploadResult;
import cn.shencha.materials.internal.UploadNotice;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.DeleteOutcome;
import cn.shencha.materials.internal.MaterialUnlockRepository;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.materials.image.ImagePipeline;
import cn.shencha.materials.image.ProcessedImage;
import cn.shencha.materials.image.QualityWarning;
import cn.shencha.materials.storage.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading and deleting a candidate's images: the one place their rules are enforced, for the Vaadin UI and
 * the API alike.
 * <p>
 * An upload is checked cheaply first (candidate, material type, lock, free slot), then processed without any
 * lock held (format, size, upright, metadata, shrinking), written durably to the {@link ImageStore}, and only
 * then recorded in a short transaction that holds the candidate's row lock
 * ({@link CandidateRepository#findByIdForUpdate}) and checks everything again against the clock: concurrent
 * uploads to the last free slot have exactly one winner (the unique slot key is the last line of defence).
 * A file whose row does not commit is removed at once; a crash in between leaves an orphan that
 * {@link ImageSweeper} removes.
 */
@Service
public class MaterialUploadService {

    private static final Logger log = LoggerFactory.getLogger(MaterialUploadService.class);
    /** For the log line: compiled once, not by String.replaceAll on every upload. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final MaterialTypeRepository types;
    private final MaterialImageRepository images;
    private final MaterialUnlockRepository unlocks;
    private final ImagePipeline pipeline;
    private final ImageStore store;
    private final MaterialViews views;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Seasons seasons;
    private final CaseStates cases;

    MaterialUploadService(CandidateRepository candidates, DistrictRepository districts, MaterialTypeRepository types,
                          MaterialImageRepository images, MaterialUnlockRepository unlocks, ImagePipeline pipeline,
                          ImageStore store, MaterialViews views, Messages messages, Clock clock,
                          PlatformTransactionManager transactionManager, Seasons seasons,
                          CaseStates cases) {
        this.seasons = seasons;
        this.cases = cases;
        this.candidates = candidates;
        this.districts = districts;
        this.types = types;
        this.images = images;
        this.unlocks = unlocks;
        this.pipeline = pipeline;
        this.store = store;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.readTx = new TransactionTemplate(transactionManager);
        // One read-only transaction for the checks: without it each repository call is its own transaction
        // (read-only on, query, commit, read-only off: four round trips where one would do).
        this.readTx.setReadOnly(true);
    }

    /**
     * Reads at most the upload limit (20 MB) from {@code content} and uploads it; see
     * {@link #upload(Long, String, String, byte[], Locale)}. The stream is not closed.
     */
    public UploadResult upload(Long candidateId, String typeCode, String originalFilename, InputStream content,
                               Locale locale) {
        return upload(candidateId, typeCode, originalFilename, readLimited(content), locale);
    }

    /**
     * Stores one image of the material {@code typeCode} for the candidate.
     *
     * @param originalFilename only for the log; never used as a path, the format is read from the content
     * @param locale           the language of the notes, warnings and refusals (Chinese when null)
     * @return the stored image with what was done to it and any quality warnings
     * @throws ShenchaException FILE_EMPTY, FILE_TOO_LARGE, UNSUPPORTED_FORMAT, IMAGE_CORRUPT, IMAGE_TRUNCATED,
     *                          IMAGE_DIMENSIONS_TOO_LARGE, IMAGE_TOO_COMPLEX, MATERIAL_TYPE_NOT_FOUND,
     *                          MAX_COUNT_REACHED, DUPLICATE_IMAGE, SAME_AS_REPLACED, UPLOAD_BUSY, STORAGE_FAILED (503:
     *                          the store failed, no row was written), or a
     *                          {@link LockReason} code (409) when the material is locked now
     */
    public UploadResult upload(Long candidateId, String typeCode, String originalFilename, byte[] content,
                               Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        long started = System.nanoTime();
        // Cheap refusals first, without locks: no decoding for a locked material or a full one.
        Precheck pre = readTx.execute(s -> precheck(candidateId, typeCode));
        ProcessedImage processed = pipeline.process(content, pre.maxImageBytes());
        long processedAt = System.nanoTime();
        String key = put(processed);
        try {
            Recorded recorded = tx.execute(s -> {
                removeFileUnlessCommitted(key);
                return record(candidateId, pre, key, processed);
            });
            MaterialImage saved = recorded.image();
            log.info("Candidate {} uploaded image {} ({}, {} → {} bytes) for {} in {} ms (image {} ms, store and record {} ms)",
                    candidateId, saved.getId(), safeName(originalFilename), processed.originalBytes(),
                    processed.bytes().length, typeCode, (System.nanoTime() - started) / 1_000_000,
                    (processedAt - started) / 1_000_000, (System.nanoTime() - processedAt) / 1_000_000);
            return result(recorded, processed, pre, lang);
        } catch (DataIntegrityViolationException e) {
            deleteQuietly(key);
            // Only possible when a writer bypassed the row lock: the slot's unique key still lets one win.
            throw ShenchaException.conflict("MAX_COUNT_REACHED", pre.maxCount());
        } catch (RuntimeException | Error e) {
            deleteQuietly(key);
            throw e;
        }
    }

    /**
     * Deletes an image of the candidate's while its material is unlocked. An image that was never submitted
     * is purged with its file; a submitted one (during a supplement) stays in the material's history as
     * REPLACED, with the reason of the reviewer who asked for it.
     *
     * @throws ShenchaException IMAGE_NOT_FOUND (also for another candidate's image), IMAGE_IN_HISTORY, or a
     *                          {@link LockReason} code (409) when the material is locked now
     */
    public DeleteOutcome delete(Long candidateId, Long imageId) {
        return tx.execute(s -> {
            Candidate candidate = candidates.findByIdForUpdate(candidateId)
                    .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
            MaterialImage image = images.findByIdAndCandidateId(imageId, candidateId)
                    .orElseThrow(() -> ShenchaException.notFound("IMAGE_NOT_FOUND"));
            if (!image.isActive()) {
                throw ShenchaException.conflict("IMAGE_IN_HISTORY");
            }
            SeasonSchedule schedule = seasons.schedule(candidate);
            Instant now = clock.instant();
            UnlockState unlockState = UnlockState.of(unlocks, candidateId);
            MaterialLockPolicy.lockReason(candidate, cases.of(candidateId), schedule, image.getMaterialTypeId(),
                            unlockState.openTypeIds(), unlockState.lastSupplementExpired(), now)
                    .ifPresent(reason -> {
                        throw ShenchaException.conflict(reason.name());
                    });
            if (image.isSubmitted()) {
                Optional<MaterialUnlock> unlock = unlockState.open().stream()
                        .filter(u -> u.getMaterialTypeId().equals(image.getMaterialTypeId()))
                        .findFirst();
                image.markReplaced(now, unlock.map(MaterialUnlock::getReason).orElse(null),
                        unlock.map(MaterialUnlock::getDecisionId).orElse(null));
                images.saveAndFlush(image);
                log.info("Candidate {} replaced submitted image {}: kept in history", candidateId, imageId);
                return DeleteOutcome.KEPT_IN_HISTORY;
            }
            images.delete(image);
            images.flush();
            String key = image.getStorageKey();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(key);
                }
            });
            log.info("Candidate {} deleted image {}", candidateId, imageId);
            return DeleteOutcome.PURGED;
        });
    }

    // ---- upload steps ----

    /** @param typeCode the type's code as stored (for the view) */
    record Precheck(Long typeId, String typeCode, String typeName, int maxCount, int maxImageBytes) {
    }

    /**
     * The new row, and the material type of another active picture of the candidate's with the same bytes
     * (null when there is none): found in the list read for the duplicate check, so no second read.
     */
    private record Recorded(MaterialImage image, Long sameAsTypeId) {
    }

    private Precheck precheck(Long candidateId, String typeCode) {
        Candidate candidate = candidates.findById(candidateId)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        MaterialType type = types.findBySeasonCodeAndDistrictCodeAndCode(candidate.getSeasonCode(), candidate.getDistrictCode(), typeCode)
                .orElseThrow(() -> new ShenchaException("MATERIAL_TYPE_NOT_FOUND", HttpStatus.NOT_FOUND, String.valueOf(typeCode)));
        checkUnlocked(candidate, seasons.schedule(candidate), type.getId());
        checkFreeSlot(candidateId, type);
        return new Precheck(type.getId(), type.getCode(), type.getName(), type.getMaxCount(), district.getMaxImageBytes());
    }

    /** @param pre the material type as the pre-check read it (its id and how many pictures it takes: not read again) */
    private Recorded record(Long candidateId, Precheck pre, String key, ProcessedImage processed) {
        Candidate candidate = candidates.findByIdForUpdate(candidateId)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        Long typeId = pre.typeId();
        checkUnlocked(candidate, seasons.schedule(candidate), typeId); // again, with the lock held and the clock read now
        Long sameAsTypeId = null;
        List<MaterialImage> all = images.findByCandidateIdOrderByUploadedAt(candidateId);
        for (MaterialImage other : all) {
            if (other.getSha256().equals(processed.sha256()) && other.getMaterialTypeId().equals(typeId)) {
                throw ShenchaException.conflict(other.isActive() ? "DUPLICATE_IMAGE" : "SAME_AS_REPLACED");
            }
            if (sameAsTypeId == null && other.isActive() && other.getSha256().equals(processed.sha256())) {
                sameAsTypeId = other.getMaterialTypeId(); // the first, as in upload order
            }
        }
        int slot = freeSlot(pre.maxCount(), all.stream().filter(i -> i.isActive() && i.getMaterialTypeId().equals(typeId))
                .map(MaterialImage::getActiveSlot).toList());
        MaterialImage image = new MaterialImage(candidateId, typeId, slot, key, processed.contentType(),
                processed.bytes().length, processed.originalBytes(), processed.width(), processed.height(),
                processed.sha256(), clock.instant());
        image.recordQualityWarnings(processed.warnings().stream().map(Enum::name).toList());
        return new Recorded(images.saveAndFlush(image), sameAsTypeId);
    }

    private void checkUnlocked(Candidate candidate, SeasonSchedule schedule, Long typeId) {
        UnlockState unlockState = UnlockState.of(unlocks, candidate.getId());
        MaterialLockPolicy.lockReason(candidate, cases.of(candidate.getId()), schedule, typeId, unlockState.openTypeIds(),
                        unlockState.lastSupplementExpired(), clock.instant())
                .ifPresent(reason -> {
                    throw ShenchaException.conflict(reason.name());
                });
    }

    /** The lowest free slot (1..maxCount) of this material, or MAX_COUNT_REACHED. */
    private int checkFreeSlot(Long candidateId, MaterialType type) {
        return freeSlot(type.getMaxCount(), images.findByCandidateIdAndMaterialTypeIdAndState(candidateId, type.getId(), ImageState.ACTIVE)
                .stream().map(MaterialImage::getActiveSlot).toList());
    }

    private static int freeSlot(int maxCount, List<Integer> activeSlots) {
        Set<Integer> taken = new TreeSet<>(activeSlots);
        for (int slot = 1; slot <= maxCount; slot++) {
            if (!taken.contains(slot)) {
                return slot;
            }
        }
        throw ShenchaException.conflict("MAX_COUNT_REACHED", maxCount);
    }

    private UploadResult result(Recorded recorded, ProcessedImage processed, Precheck pre, Locale lang) {
        List<UploadNotice> notes = new ArrayList<>();
        if (processed.shrunk()) {
            boolean resized = processed.width() != processed.originalWidth() || processed.height() != processed.originalHeight();
            notes.add(new UploadNotice("SHRUNK", UploadNotice.Level.INFO, resized
                    ? messages.get(lang, "materials.note.SHRUNK_RESIZED", Sizes.format(processed.originalBytes()),
                            Sizes.format(processed.bytes().length), processed.originalWidth(), processed.originalHeight(),
                            processed.width(), processed.height())
                    : messages.get(lang, "materials.note.SHRUNK", Sizes.format(processed.originalBytes()),
                            Sizes.format(processed.bytes().length))));
        }
        if (processed.rotated()) {
            notes.add(new UploadNotice("ROTATED", UploadNotice.Level.INFO, messages.get(lang, "materials.note.ROTATED")));
        }
        if (processed.converted()) {
            notes.add(new UploadNotice("CONVERTED", UploadNotice.Level.INFO, messages.get(lang, "materials.note.CONVERTED")));
        }
        List<UploadNotice> warnings = new ArrayList<>();
        for (QualityWarning warning : processed.warnings()) {
            warnings.add(views.warning(warning.name(), lang));
        }
        // The same picture under another material of this candidate: allowed, but probably a mistake.
        if (recorded.sameAsTypeId() != null) {
            readTx.execute(s -> types.findById(recorded.sameAsTypeId())).ifPresent(otherType -> warnings.add(
                    new UploadNotice("SAME_AS_OTHER_MATERIAL", UploadNotice.Level.WARNING,
                            messages.get(lang, "materials.warning.SAME_AS_OTHER_MATERIAL", otherType.displayName(lang)))));
        }
        MaterialImageView view = views.image(recorded.image(), pre.typeCode(), true, lang);
        return new UploadResult(view, List.copyOf(notes), List.copyOf(warnings));
    }

    // ---- files ----

    private String put(ProcessedImage processed) {
        try {
            return store.put(processed.bytes(), processed.extension());
        } catch (IOException e) {
            log.error("Cannot store an image", e);
            throw ShenchaException.storageFailed();
        }
    }

    /** The row and the file go together: if this transaction does not commit, the file goes. */
    private void removeFileUnlessCommitted(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteQuietly(key);
                }
            }
        });
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove image file {} now; the orphan sweeper will: {}", key, e.getMessage());
        }
    }

    private byte[] readLimited(InputStream content) {
        int max = pipeline.limits().maxUploadBytes();
        try {
            byte[] bytes = content.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new ShenchaException("FILE_TOO_LARGE", HttpStatus.PAYLOAD_TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safeName(String name) {
        if (name == null) {
            return "-";
        }
        String cleaned = CONTROL_CHARACTERS.matcher(name).replaceAll("?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}
