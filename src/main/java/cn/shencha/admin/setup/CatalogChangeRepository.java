package cn.shencha.admin.setup;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogChangeRepository extends JpaRepository<CatalogChange, Long> {

    List<CatalogChange> findBySeasonCodeAndDistrictCodeOrderByChangedAtDescIdDesc(String seasonCode, String districtCode);
}
