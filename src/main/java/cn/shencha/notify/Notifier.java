package cn.shencha.notify;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a candidate something. Written in the caller's transaction, so a change that rolls back tells
 * nobody: the in-app message at once, SMS, e-mail and WeChat through the outbox after the commit.
 * Text comes from the notify bundles in Chinese, the candidates' language.
 */
@Service
public class Notifier {

    private final CandidateRepository candidates;
    private final Outbox outbox;

    Notifier(CandidateRepository candidates, Outbox outbox) {
        this.candidates = candidates;
        this.outbox = outbox;
    }

    /**
     * @param args the template arguments, in the order of {@link NoticeKind#params()}
     * @return the in-app message
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CandidateMessage notifyCandidate(Long candidateId, NoticeKind kind, Object... args) {
        Candidate candidate = candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
        List<String> params = Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList();
        return outbox.write(candidate, kind, params).message();
    }
}
