package cn.shencha.materials;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaterialTypeRepository extends JpaRepository<MaterialType, Long> {

    List<MaterialType> findByDistrictCodeOrderBySortOrder(String districtCode);

    Optional<MaterialType> findByDistrictCodeAndCode(String districtCode, String code);

    boolean existsByExampleImage(String exampleImage);

    /** Storage keys of the uploaded 示例 images: their path without {@link MaterialType#UPLOADED_EXAMPLE_PATH} (19 characters). */
    @Query("select substring(t.exampleImage, 20) from MaterialType t where t.exampleImage like '/examples/uploaded/%'")
    List<String> findUploadedExampleKeys();
}
