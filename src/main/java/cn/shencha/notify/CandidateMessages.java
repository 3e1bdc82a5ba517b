package cn.shencha.notify;

import cn.shencha.base.web.ShenchaException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate's in-app messages, for the API and the candidate pages alike: the list (newest first), the unread
 * count for the banner, and marking read, which confirms the in-app delivery. Callers pass the signed-in
 * candidate's id; another candidate's message is "not found".
 */
@Service
public class CandidateMessages {

    private final CandidateMessageRepository messages;
    private final NotificationDeliveryRepository deliveries;
    private final Clock clock;

    CandidateMessages(CandidateMessageRepository messages, NotificationDeliveryRepository deliveries, Clock clock) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CandidateMessage> of(Long candidateId) {
        return messages.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
    }

    @Transactional(readOnly = true)
    public long unreadCount(Long candidateId) {
        return messages.countByCandidateIdAndReadAtIsNull(candidateId);
    }

    /** Marks the message read (once: a second call keeps the first time); its in-app delivery is confirmed. */
    @Transactional
    public CandidateMessage markRead(Long candidateId, Long messageId) {
        CandidateMessage message = messages.findByIdAndCandidateId(messageId, candidateId)
                .orElseThrow(() -> ShenchaException.notFound("MESSAGE_NOT_FOUND"));
        if (message.getReadAt() == null) {
            read(message);
        }
        return message;
    }

    /** Marks every unread message of the candidate read. @return how many were unread */
    @Transactional
    public int markAllRead(Long candidateId) {
        List<CandidateMessage> unread = of(candidateId).stream().filter(m -> m.getReadAt() == null).toList();
        unread.forEach(this::read);
        return unread.size();
    }

    private void read(CandidateMessage message) {
        message.markRead(clock.instant());
        deliveries.confirmInApp(message.getId(), Channel.IN_APP, DeliveryState.SENT, DeliveryState.DELIVERED,
                message.getReadAt());
    }
}
