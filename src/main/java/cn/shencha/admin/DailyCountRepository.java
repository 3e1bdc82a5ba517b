package cn.shencha.admin;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DailyCountRepository extends JpaRepository<DailyCount, Long> {

    List<DailyCount> findByDistrictCodeAndSnapshotDateGreaterThanEqualOrderBySnapshotDate(String districtCode,
                                                                                         LocalDate from);

    List<DailyCount> findBySnapshotDateAndDistrictCode(LocalDate snapshotDate, String districtCode);
}
