package cn.shencha.materials.internal;

import cn.shencha.materials.MaterialType;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaterialTypeRepository extends JpaRepository<MaterialType, Long> {

    List<MaterialType> findBySeasonCodeAndDistrictCodeOrderBySortOrder(String seasonCode, String districtCode);

    Optional<MaterialType> findBySeasonCodeAndDistrictCodeAndCode(String seasonCode, String districtCode, String code);

    /** The catalog a candidate uploads against: their own season's, in their district. */
    default List<MaterialType> catalogOf(cn.shencha.exam.Candidate candidate) {
        return findBySeasonCodeAndDistrictCodeOrderBySortOrder(candidate.getSeasonCode(), candidate.getDistrictCode());
    }

    boolean existsByExampleImage(String exampleImage);

    /** Storage keys of the uploaded 示例 images: their path without {@link MaterialType#UPLOADED_EXAMPLE_PATH} (19 characters). */
    @Query("select substring(t.exampleImage, 20) from MaterialType t where t.exampleImage like '/examples/uploaded/%'")
    List<String> findUploadedExampleKeys();
}
