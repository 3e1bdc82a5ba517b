package cn.shencha.materials;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialUnlockRepository extends JpaRepository<MaterialUnlock, Long> {

    List<MaterialUnlock> findByCandidateIdAndClosedAtIsNull(Long candidateId);
}
