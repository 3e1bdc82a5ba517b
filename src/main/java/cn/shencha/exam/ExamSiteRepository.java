package cn.shencha.exam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExamSiteRepository extends JpaRepository<ExamSite, String> {

    List<ExamSite> findByDistrictCodeOrderByCode(String districtCode);
}
