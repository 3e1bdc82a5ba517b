package cn.shencha.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries, and the guarded updates that move them on. Every update after a claim names the claim
 * token, so a dispatcher whose lease ran out (and was taken over) can no longer change the row.
 */
interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

    List<NotificationDelivery> findByNotificationIdOrderById(Long notificationId);

    List<NotificationDelivery> findByNotificationIdIn(Collection<Long> notificationIds);

    /** Deliveries due now and not held by a live lease, oldest first: their ids and channels. */
    @Query("""
            select d.id as id, d.channel as channel from NotificationDelivery d
            where d.state in :states and d.nextAttemptAt <= :now
              and (d.claimedUntil is null or d.claimedUntil < :now)
            order by d.nextAttemptAt, d.id""")
    List<Due> findDue(@Param("states") Collection<DeliveryState> states, @Param("now") Instant now, Pageable page);

    interface Due {
        Long getId();

        Channel getChannel();
    }

    /**
     * Takes one delivery for one attempt: succeeds (returns 1) for exactly one caller, whichever node it
     * runs on, because the row still has to be due and unleased when the database applies the update.
     */
    @Transactional
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.claimedBy = :token, d.claimedUntil = :until, d.attempts = d.attempts + 1, d.lastAttemptAt = :now
            where d.id = :id and d.state in :states and d.nextAttemptAt <= :now
              and (d.claimedUntil is null or d.claimedUntil < :now)""")
    int claim(@Param("id") Long id, @Param("token") String token, @Param("now") Instant now,
              @Param("until") Instant until, @Param("states") Collection<DeliveryState> states);

    @Transactional
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.state = :state, d.sentAt = :now, d.deliveredAt = :deliveredAt, d.gatewayRef = :ref,
                d.lastError = null, d.nextAttemptAt = null, d.claimedBy = null, d.claimedUntil = null
            where d.id = :id and d.claimedBy = :token""")
    int markSent(@Param("id") Long id, @Param("token") String token, @Param("state") DeliveryState state,
                 @Param("now") Instant now, @Param("deliveredAt") Instant deliveredAt, @Param("ref") String gatewayRef);

    /** A failed attempt: FAILED with the time of the retry, or DEAD without one. */
    @Transactional
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.state = :state, d.lastError = :error, d.nextAttemptAt = :next, d.claimedBy = null, d.claimedUntil = null
            where d.id = :id and d.claimedBy = :token""")
    int markFailed(@Param("id") Long id, @Param("token") String token, @Param("state") DeliveryState state,
                   @Param("error") String error, @Param("next") Instant nextAttemptAt);

    /**
     * An administrator's resend: failed and dead deliveries start again with fresh attempts. One the gateway
     * had accepted (reported undeliverable later) gets a new generation, hence a new idempotency key.
     */
    @Transactional
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.state = :queued, d.attempts = 0, d.nextAttemptAt = :now,
                d.generation = case when d.sentAt is null then d.generation else d.generation + 1 end,
                d.sentAt = null, d.gatewayRef = null, d.claimedBy = null, d.claimedUntil = null
            where d.notificationId = :notificationId and d.state in :states
              and (d.claimedUntil is null or d.claimedUntil < :now)""")
    int requeue(@Param("notificationId") Long notificationId, @Param("states") Collection<DeliveryState> states,
                @Param("queued") DeliveryState queued, @Param("now") Instant now);

    /** A gateway's delivery report for a message it had accepted. */
    @Transactional
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.state = :state, d.deliveredAt = :deliveredAt, d.lastError = :error
            where d.channel = :channel and d.gatewayRef = :ref and d.state = :sent""")
    int report(@Param("channel") Channel channel, @Param("ref") String gatewayRef, @Param("sent") DeliveryState sent,
               @Param("state") DeliveryState state, @Param("deliveredAt") Instant deliveredAt,
               @Param("error") String error);

    /** The candidate read the in-app message: its delivery is confirmed. */
    @Modifying
    @Query("""
            update NotificationDelivery d
            set d.state = :delivered, d.deliveredAt = :at
            where d.channel = :inApp and d.state = :sent
              and d.notificationId in (select n.id from Notification n where n.messageId = :messageId)""")
    int confirmInApp(@Param("messageId") Long messageId, @Param("inApp") Channel inApp,
                     @Param("sent") DeliveryState sent, @Param("delivered") DeliveryState delivered,
                     @Param("at") Instant at);

    @Query("select d.state as state, count(d) as count from NotificationDelivery d group by d.state")
    List<StateCount> countByState();

    interface StateCount {
        DeliveryState getState();

        long getCount();
    }
}
