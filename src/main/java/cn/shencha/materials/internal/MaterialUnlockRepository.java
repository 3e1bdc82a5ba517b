package cn.shencha.materials.internal;

import cn.shencha.materials.MaterialUnlock;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialUnlockRepository extends JpaRepository<MaterialUnlock, Long> {

    List<MaterialUnlock> findByCandidateIdAndClosedAtIsNull(Long candidateId);

    /** The newest unlock of a candidate: the last supplement a reviewer asked for. */
    Optional<MaterialUnlock> findFirstByCandidateIdOrderByOpenedAtDescIdDesc(Long candidateId);

    /** Every unlock of a candidate, the newest first (a candidate has a handful at most). */
    List<MaterialUnlock> findByCandidateIdOrderByOpenedAtDescIdDesc(Long candidateId);

    /** Whether the candidate's last supplement request expired unanswered (see {@link MaterialLockPolicy}). */
    default boolean lastSupplementExpired(Long candidateId) {
        return findFirstByCandidateIdOrderByOpenedAtDescIdDesc(candidateId).map(MaterialUnlock::isExpired).orElse(false);
    }
}
