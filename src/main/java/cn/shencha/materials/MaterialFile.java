package cn.shencha.materials;

import cn.shencha.exam.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One candidate's materials in one read: every material type of their catalog in the candidate's page order
 * (required first), each with its current images (by slot), its replaced ones (newest first) and the open unlock of
 * a supplement request. The one place that says whether a material is complete; the candidate's page
 * (MaterialOverviewService), the review desk (review.ReviewCaseService), the admin search
 * (admin.CandidateSearchService) and the submission checks (CandidateMaterials) build on it. Read it through
 * {@link CandidateMaterials#file}.
 */
public record MaterialFile(Long candidateId, List<TypeMaterials> types) {

    /** One material type of the candidate. */
    public record TypeMaterials(MaterialType type, boolean required, List<MaterialImage> active,
                                List<MaterialImage> replaced, MaterialUnlock unlock) {

        /**
         * How many current images make the material complete: at least one where the candidate has to provide it
         * (required, or unlocked for a supplement: a catalog minimum of 0 must not let an empty one through),
         * otherwise the catalog's minimum.
         */
        public int needed() {
            return required || unlocked() ? Math.max(1, type.getMinCount()) : type.getMinCount();
        }

        public boolean complete() {
            return active.size() >= needed();
        }

        public boolean unlocked() {
            return unlock != null;
        }

        /** Whether the candidate ever uploaded to it (current or replaced). */
        public boolean provided() {
            return !active.isEmpty() || !replaced.isEmpty();
        }

        public boolean allSubmitted() {
            return !active.isEmpty() && active.stream().allMatch(MaterialImage::isSubmitted);
        }

        public Instant lastUploadAt() {
            return java.util.stream.Stream.concat(active.stream(), replaced.stream())
                    .map(MaterialImage::getUploadedAt).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    static MaterialFile of(Candidate candidate, List<MaterialType> catalog, List<MaterialImage> images,
                           List<MaterialUnlock> openUnlocks) {
        Map<Long, List<MaterialImage>> byType = images.stream()
                .filter(i -> i.getState() != ImageState.PURGED) // deleted by a retention purge: not part of the file
                .collect(Collectors.groupingBy(MaterialImage::getMaterialTypeId));
        Map<Long, MaterialUnlock> unlockByType = new HashMap<>();
        openUnlocks.forEach(u -> unlockByType.put(u.getMaterialTypeId(), u));
        List<TypeMaterials> types = new ArrayList<>();
        for (MaterialType type : MaterialType.inPageOrder(catalog, candidate.getExamCategory())) {
            List<MaterialImage> ofType = byType.getOrDefault(type.getId(), List.of());
            List<MaterialImage> active = ofType.stream().filter(MaterialImage::isActive)
                    .sorted(Comparator.comparing(MaterialImage::getActiveSlot, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            List<MaterialImage> replaced = ofType.stream().filter(i -> !i.isActive())
                    .sorted(Comparator.comparing(MaterialImage::getReplacedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            types.add(new TypeMaterials(type, type.isRequiredFor(candidate.getExamCategory()), active, replaced,
                    unlockByType.get(type.getId())));
        }
        return new MaterialFile(candidate.getId(), List.copyOf(types));
    }

    /** The required materials that are not complete (before a first submission). */
    public List<TypeMaterials> missingRequired() {
        return types.stream().filter(t -> t.required() && !t.complete()).toList();
    }

    /** The unlocked materials that are not complete again (a supplement must bring them back). */
    public List<TypeMaterials> incompleteUnlocked() {
        return types.stream().filter(t -> t.unlocked() && !t.complete()).toList();
    }

    public Set<Long> unlockedTypeIds() {
        return types.stream().filter(TypeMaterials::unlocked).map(t -> t.type().getId()).collect(Collectors.toSet());
    }

    public Map<Long, MaterialType> typesById() {
        return types.stream().collect(Collectors.toMap(t -> t.type().getId(), TypeMaterials::type));
    }
}
