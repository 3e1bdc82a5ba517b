package cn.shencha.notify;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateMessageRepository extends JpaRepository<CandidateMessage, Long> {

    List<CandidateMessage> findByCandidateIdOrderByCreatedAtDescIdDesc(Long candidateId);
}
