package cn.shencha.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    @Query("select n.idempotencyKey from Notification n where n.idempotencyKey in :keys")
    List<String> findExistingKeys(@Param("keys") Collection<String> keys);

    Optional<Notification> findByMessageId(Long messageId);

    Page<Notification> findAllByOrderByIdDesc(Pageable page);

    /** Notifications with at least one delivery in the given state, newest first. */
    @Query(value = """
            select n from Notification n
            where exists (select d.id from NotificationDelivery d where d.notificationId = n.id and d.state = :state)
            order by n.id desc""",
            countQuery = """
            select count(n) from Notification n
            where exists (select d.id from NotificationDelivery d where d.notificationId = n.id and d.state = :state)""")
    Page<Notification> findWithDeliveryState(@Param("state") DeliveryState state, Pageable page);

    Page<Notification> findByCandidateIdOrderByIdDesc(Long candidateId, Pageable page);
}
