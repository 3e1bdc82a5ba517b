package cn.shencha.notify;

import cn.shencha.base.i18n.Messages;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a candidate something. Written in the caller's transaction, so a change that rolls back
 * tells nobody. Text comes from the bundles in Chinese, the candidates' language.
 */
@Service
public class Notifier {

    private final CandidateMessageRepository messages;
    private final Messages text;
    private final Clock clock;

    Notifier(CandidateMessageRepository messages, Messages text, Clock clock) {
        this.messages = messages;
        this.text = text;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CandidateMessage notifyCandidate(Long candidateId, NoticeKind kind, Object... args) {
        String key = "notice." + kind.name();
        CandidateMessage message = new CandidateMessage(candidateId, kind,
                text.get(Messages.DEFAULT_LOCALE, key + ".title", args),
                text.get(Messages.DEFAULT_LOCALE, key + ".body", args), clock.instant());
        return messages.save(message);
    }
}
