package cn.shencha.exam;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SeasonScheduleRepository extends JpaRepository<SeasonSchedule, Long> {

    Optional<SeasonSchedule> findBySeasonCodeAndDistrictCode(String seasonCode, String districtCode);

    /** Serialises schedule changes and "publish now" of one district in one season. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SeasonSchedule s where s.seasonCode = :season and s.districtCode = :district")
    Optional<SeasonSchedule> findForUpdate(@Param("season") String seasonCode, @Param("district") String districtCode);

    List<SeasonSchedule> findBySeasonCodeOrderByDistrictCode(String seasonCode);
}
