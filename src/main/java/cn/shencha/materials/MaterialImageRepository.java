package cn.shencha.materials;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialImageRepository extends JpaRepository<MaterialImage, Long> {

    List<MaterialImage> findByCandidateIdAndStateOrderByMaterialTypeIdAscActiveSlotAsc(Long candidateId, ImageState state);

    List<MaterialImage> findByCandidateIdOrderByUploadedAt(Long candidateId);

    List<MaterialImage> findByCandidateIdAndMaterialTypeIdAndState(Long candidateId, Long materialTypeId, ImageState state);

    long countByCandidateIdAndMaterialTypeIdAndState(Long candidateId, Long materialTypeId, ImageState state);
}
