package cn.shencha.materials;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialTypeRepository extends JpaRepository<MaterialType, Long> {

    List<MaterialType> findByDistrictCodeOrderBySortOrder(String districtCode);

    Optional<MaterialType> findByDistrictCodeAndCode(String districtCode, String code);
}
