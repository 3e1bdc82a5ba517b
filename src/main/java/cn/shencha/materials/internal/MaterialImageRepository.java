package cn.shencha.materials.internal;

import cn.shencha.materials.ImageState;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.SharedImage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MaterialImageRepository extends JpaRepository<MaterialImage, Long> {

    List<MaterialImage> findByCandidateIdAndStateOrderByMaterialTypeIdAscActiveSlotAsc(Long candidateId, ImageState state);

    List<MaterialImage> findByCandidateIdOrderByUploadedAt(Long candidateId);

    List<MaterialImage> findByCandidateIdAndMaterialTypeIdAndState(Long candidateId, Long materialTypeId, ImageState state);

    long countByCandidateIdAndMaterialTypeIdAndState(Long candidateId, Long materialTypeId, ImageState state);

    /** One candidate's image: another candidate's id finds nothing. */
    Optional<MaterialImage> findByIdAndCandidateId(Long id, Long candidateId);

    /** Which of these storage keys belong to a row (the orphan sweeper keeps those files). */
    @Query("select i.storageKey from MaterialImage i where i.storageKey in :keys")
    Set<String> findExistingStorageKeys(@Param("keys") Collection<String> keys);

    /** This candidate's images whose stored bytes equal another candidate's image. */
    @Query("""
            select new cn.shencha.materials.SharedImage(mine.id, mine.materialTypeId, other.candidateId)
            from MaterialImage mine, MaterialImage other
            where mine.candidateId = :candidateId and other.sha256 = mine.sha256 and other.candidateId <> :candidateId
            order by mine.id, other.candidateId""")
    List<SharedImage> findSharedWithOtherCandidates(@Param("candidateId") Long candidateId);
}
