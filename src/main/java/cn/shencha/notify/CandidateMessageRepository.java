package cn.shencha.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateMessageRepository extends JpaRepository<CandidateMessage, Long> {

    List<CandidateMessage> findByCandidateIdOrderByCreatedAtDescIdDesc(Long candidateId);

    Optional<CandidateMessage> findByIdAndCandidateId(Long id, Long candidateId);

    long countByCandidateIdAndReadAtIsNull(Long candidateId);
}
