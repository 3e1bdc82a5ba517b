package cn.shencha.notify.ui;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessageRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A candidate's in-app messages as the candidate pages show them: newest first, read or unread. */
@Service
public class CandidateInbox {

    private final CandidateMessageRepository messages;
    private final Clock clock;

    CandidateInbox(CandidateMessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CandidateMessage> messagesOf(Long candidateId) {
        return messages.findByCandidateIdOrderByCreatedAtDescIdDesc(candidateId);
    }

    @Transactional(readOnly = true)
    public long unreadCount(Long candidateId) {
        return messagesOf(candidateId).stream().filter(m -> m.getReadAt() == null).count();
    }

    /** Marks one of the candidate's own messages read; another candidate's id is as if it did not exist. */
    @Transactional
    public void markRead(Long candidateId, Long messageId) {
        CandidateMessage message = messages.findById(messageId)
                .filter(m -> m.getCandidateId().equals(candidateId))
                .orElseThrow(() -> ShenchaException.notFound("MESSAGE_NOT_FOUND"));
        message.markRead(clock.instant());
    }

    @Transactional
    public int markAllRead(Long candidateId) {
        List<CandidateMessage> unread = messagesOf(candidateId).stream().filter(m -> m.getReadAt() == null).toList();
        unread.forEach(m -> m.markRead(clock.instant()));
        return unread.size();
    }
}
