package cn.shencha.notify;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UploadReminderRepository extends JpaRepository<UploadReminder, Long> {

    boolean existsByCandidateIdAndLeadHoursAndSentAtGreaterThanEqual(Long candidateId, int leadHours, Instant since);

    List<UploadReminder> findByCandidateIdOrderById(Long candidateId);
}
