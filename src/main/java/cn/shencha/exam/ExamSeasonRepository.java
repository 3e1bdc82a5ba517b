package cn.shencha.exam;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExamSeasonRepository extends JpaRepository<ExamSeason, String> {

    /** The current season: the newest one that is not closed. */
    Optional<ExamSeason> findFirstByClosedAtIsNullOrderByCodeDesc();

    List<ExamSeason> findAllByOrderByCodeDesc();
}
