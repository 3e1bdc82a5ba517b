package cn.shencha.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

    List<ReviewDecision> findByCandidateIdOrderByDecidedAtDesc(Long candidateId);

    Optional<ReviewDecision> findFirstByCandidateIdOrderByDecidedAtDescIdDesc(Long candidateId);

    Optional<ReviewDecision> findByTaskId(String taskId);

    boolean existsByCandidateId(Long candidateId);
}
