package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.MaterialUnlockRepository;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.Phase;
import cn.shencha.materials.storage.ImageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a candidate's upload page shows, and the stored image bytes, for the UI and the API alike. */
@Service
public class MaterialOverviewService {


    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final CandidateMaterials materials;
    private final MaterialImageRepository images;
    private final MaterialUnlockRepository unlocks;
    private final ImageStore store;
    private final MaterialViews views;
    private final Messages messages;
    private final Clock clock;
    private final Seasons seasons;
    private final CaseStates cases;

    MaterialOverviewService(CandidateRepository candidates, DistrictRepository districts, CandidateMaterials materials,
                            MaterialImageRepository images, MaterialUnlockRepository unlocks, ImageStore store,
                            MaterialViews views, Messages messages, Clock clock, Seasons seasons,
                            CaseStates cases) {
        this.seasons = seasons;
        this.cases = cases;
        this.candidates = candidates;
        this.districts = districts;
        this.materials = materials;
        this.images = images;
        this.unlocks = unlocks;
        this.store = store;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Every material type of the candidate's district with its rules, lock state, images (current and
     * replaced) and the reviewer's feedback; whether the candidate can submit now and what is missing.
     */
    @Transactional(readOnly = true)
    public MaterialOverview overview(Long candidateId, Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        Candidate candidate = candidates.findById(candidateId)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        SeasonSchedule schedule = seasons.schedule(candidate);
        CaseState state = cases.of(candidateId);
        Instant now = clock.instant();
        boolean supplementExpired = unlocks.lastSupplementExpired(candidateId);
        MaterialFile file = materials.file(candidate);
        Set<Long> unlockedTypeIds = file.unlockedTypeIds();

        List<MaterialTypeOverview> overviews = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        boolean allLocked = true;
        for (MaterialFile.TypeMaterials t : file.types()) {
            MaterialType type = t.type();
            Optional<LockReason> lock = MaterialLockPolicy.lockReason(candidate, state, schedule, type.getId(),
                    unlockedTypeIds, supplementExpired, now);
            boolean unlocked = lock.isEmpty();
            allLocked &= !unlocked;
            List<MaterialImageView> imageViews = new ArrayList<>();
            t.active().forEach(i -> imageViews.add(views.image(i, type.getCode(), unlocked, lang)));
            t.replaced().forEach(i -> imageViews.add(views.image(i, type.getCode(), unlocked, lang)));
            int active = t.active().size();
            String typeFeedback = t.unlocked() ? t.unlock().getReason() : null;
            if (t.unlocked()) {
                feedback.add(type.displayName(lang) + (typeFeedback == null ? "" : (lang.getLanguage().equals("zh") ? "：" : ": ") + typeFeedback));
            }
            boolean neededNow = state.phase() == Phase.SUPPLEMENT ? t.unlocked() : t.required();
            if (neededNow && !t.complete()) {
                missing.add(type.displayName(lang));
            }
            overviews.add(new MaterialTypeOverview(type.getId(), type.getCode(), type.displayName(lang),
                    type.getDescription(), type.getExampleImage(), t.required(), type.getMinCount(), type.getMaxCount(),
                    active, t.complete(), !unlocked, lock.orElse(null), views.lockReasonText(lock.orElse(null), lang),
                    unlocked && active < type.getMaxCount(), List.copyOf(imageViews), typeFeedback));
        }
        Optional<LockReason> submitLock = MaterialLockPolicy.submitLockReason(candidate, state, schedule, supplementExpired, now);
        boolean canSubmit = submitLock.isEmpty() && missing.isEmpty();
        return new MaterialOverview(candidateId, List.copyOf(overviews), canSubmit, submitLock.orElse(null),
                views.lockReasonText(submitLock.orElse(null), lang), List.copyOf(missing), allLocked, List.copyOf(feedback));
    }

    /** The stored bytes of one of the candidate's images (current or replaced); another's: IMAGE_NOT_FOUND. */
    @Transactional(readOnly = true)
    public ImageContent image(Long candidateId, Long imageId) {
        MaterialImage image = images.findByIdAndCandidateId(imageId, candidateId)
                .orElseThrow(() -> ShenchaException.notFound("IMAGE_NOT_FOUND"));
        return content(image);
    }

    /**
     * The stored bytes of an image for a reviewer: only a candidate of the reviewer's site or district,
     * otherwise IMAGE_NOT_FOUND as if it did not exist.
     */
    @Transactional(readOnly = true)
    public ImageContent imageForStaff(StaffScope scope, Long imageId) {
        MaterialImage image = images.findById(imageId)
                .filter(i -> candidates.findById(i.getCandidateId())
                        .map(c -> scope.admin() || (scope.coversCandidate(c.getSiteCode(), c.getDistrictCode())
                                && cases.of(c.getId()).upForReview()))
                        .orElse(false))
                .orElseThrow(() -> ShenchaException.notFound("IMAGE_NOT_FOUND"));
        return content(image);
    }

    private ImageContent content(MaterialImage image) {
        if (image.getState() == ImageState.PURGED) {
            throw new ShenchaException("IMAGE_PURGED", org.springframework.http.HttpStatus.GONE);
        }
        String key = image.getStorageKey();
        return new ImageContent(image.getId(), image.getContentType(), image.getSizeBytes(), image.getSha256(),
                () -> store.open(key));
    }
}
