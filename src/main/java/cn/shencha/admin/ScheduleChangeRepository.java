package cn.shencha.admin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleChangeRepository extends JpaRepository<ScheduleChange, Long> {

    List<ScheduleChange> findBySeasonCodeAndDistrictCodeOrderByChangedAtDescIdDesc(String seasonCode, String districtCode);

    List<ScheduleChange> findByCandidateIdOrderByChangedAtDescIdDesc(Long candidateId);
}
