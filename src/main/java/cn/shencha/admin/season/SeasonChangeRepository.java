package cn.shencha.admin.season;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SeasonChangeRepository extends JpaRepository<SeasonChange, Long> {

    List<SeasonChange> findAllByOrderByChangedAtDescIdDesc();
}
