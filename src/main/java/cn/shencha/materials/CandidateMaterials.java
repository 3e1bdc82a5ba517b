package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialUnlockRepository;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.exam.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials module's API to the review process: a candidate's catalog and images, completeness, submission marks
 * and unlocks. Other modules use this (and MaterialCatalog), never the module's repositories.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CandidateMaterials {

    private final MaterialTypeRepository types;
    private final MaterialImageRepository images;
    private final MaterialUnlockRepository unlocks;

    CandidateMaterials(MaterialTypeRepository types, MaterialImageRepository images, MaterialUnlockRepository unlocks) {
        this.types = types;
        this.images = images;
        this.unlocks = unlocks;
    }

    /** The candidate's materials in one read (see {@link MaterialFile}: the one rule of "complete"). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public MaterialFile file(Candidate candidate) {
        return MaterialFile.of(candidate, types.catalogOf(candidate),
                images.findByCandidateIdOrderByUploadedAt(candidate.getId()),
                unlocks.findByCandidateIdAndClosedAtIsNull(candidate.getId()));
    }

    /** The catalog the candidate uploads against: their own season's, in their district. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<MaterialType> catalog(Candidate candidate) {
        return types.catalogOf(candidate);
    }

    /** One image, whoever's (the caller checked the reader's access). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Optional<MaterialImage> image(Long imageId) {
        return images.findById(imageId);
    }

    /** The material type code of each image that exists, by image id (two queries, for a page of records). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, String> typeCodesOfImages(java.util.Collection<Long> imageIds) {
        List<MaterialImage> found = images.findAllById(imageIds);
        Map<Long, String> codes = types.findAllById(found.stream().map(MaterialImage::getMaterialTypeId)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(MaterialType::getId, MaterialType::getCode));
        return found.stream().filter(i -> codes.containsKey(i.getMaterialTypeId()))
                .collect(Collectors.toMap(MaterialImage::getId, i -> codes.get(i.getMaterialTypeId())));
    }

    /** Names of the required materials that do not have enough images yet. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<String> missingRequired(Candidate candidate, Locale locale) {
        return file(candidate).missingRequired().stream().map(t -> t.type().displayName(locale)).toList();
    }

    /** Names of the unlocked materials that are not complete again (a supplement must bring them back). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<String> incompleteUnlocked(Candidate candidate, Locale locale) {
        return file(candidate).incompleteUnlocked().stream().map(t -> t.type().displayName(locale)).toList();
    }

    public void markAllSubmitted(Long candidateId) {
        images.findByCandidateIdAndStateOrderByMaterialTypeIdAscActiveSlotAsc(candidateId, ImageState.ACTIVE)
                .forEach(MaterialImage::markSubmitted);
    }

    /** Unlocks the given material types (id to the reviewer's reason) for a supplement. */
    public void unlock(Long candidateId, Long decisionId, Map<Long, String> reasonsByTypeId, Instant at) {
        closeUnlocks(candidateId, at);
        reasonsByTypeId.forEach((typeId, reason) ->
                unlocks.save(new MaterialUnlock(candidateId, typeId, decisionId, reason, at)));
    }

    /** Locks again whatever a reviewer had unlocked: on resubmission or when the supplement deadline passes. */
    public void closeUnlocks(Long candidateId, Instant at) {
        unlocks.findByCandidateIdAndClosedAtIsNull(candidateId).forEach(unlock -> unlock.close(at));
    }

    /** Whether the candidate's last supplement request expired unanswered (see {@link MaterialLockPolicy}). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean lastSupplementExpired(Long candidateId) {
        return unlocks.lastSupplementExpired(candidateId);
    }

    /** The supplement deadline passed without a resubmission: locks again what was unlocked, marked expired. */
    public void expireUnlocks(Long candidateId, Instant at) {
        unlocks.findByCandidateIdAndClosedAtIsNull(candidateId).forEach(unlock -> unlock.expire(at));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Set<Long> openUnlockTypeIds(Long candidateId) {
        return unlocks.findByCandidateIdAndClosedAtIsNull(candidateId).stream()
                .map(MaterialUnlock::getMaterialTypeId)
                .collect(Collectors.toSet());
    }

    /**
     * For reviewers only: the candidate's images whose stored bytes equal another candidate's image (a shared
     * or forged document). Never shown to the candidate.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SharedImage> sharedWithOtherCandidates(Long candidateId) {
        return images.findSharedWithOtherCandidates(candidateId);
    }
}
