package cn.shencha.notify;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewerDigestRepository extends JpaRepository<ReviewerDigestRecord, Long> {

    boolean existsByUserIdAndDay(String userId, String day);

    Optional<ReviewerDigestRecord> findByUserIdAndDay(String userId, String day);
}
