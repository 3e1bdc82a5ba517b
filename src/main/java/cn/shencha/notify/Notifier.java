package cn.shencha.notify;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private final NotificationRepository notifications;

    Notifier(CandidateRepository candidates, Outbox outbox, NotificationRepository notifications) {
        this.candidates = candidates;
        this.outbox = outbox;
        this.notifications = notifications;
    }

    /**
     * @param args the template arguments, in the order of {@link NoticeKind#params()}
     * @return the in-app message
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CandidateMessage notifyCandidate(Long candidateId, NoticeKind kind, Object... args) {
        Candidate candidate = candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
        return outbox.write(candidate, kind, params(args)).message();
    }

    /**
     * Tells the candidate once for the event {@code eventId}: an event handled again (its listener failed after
     * writing, or the node died before the publication was marked complete) finds the notification and adds none.
     *
     * @return whether this call wrote the notification
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyCandidateOnce(UUID eventId, Long candidateId, NoticeKind kind, Object... args) {
        return notifyCandidatesOnce(kind, List.of(new CandidateNotice(eventId, candidateId, Arrays.asList(args)))) == 1;
    }

    /** One candidate's notice of an event that tells several at once ({@link #notifyCandidatesOnce}). */
    public record CandidateNotice(UUID key, Long candidateId, List<?> args) {
    }

    /**
     * {@link #notifyCandidateOnce} for many candidates of one event (a batch of the deadline night): the notifications
     * already written, the candidates and their contacts are read with one query each instead of one per candidate.
     *
     * @return how many notifications this call wrote
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyCandidatesOnce(NoticeKind kind, List<CandidateNotice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        Set<String> written = new HashSet<>(notifications.findExistingKeys(
                notices.stream().map(n -> n.key().toString()).toList()));
        List<CandidateNotice> fresh = notices.stream().filter(n -> !written.contains(n.key().toString())).toList();
        Set<Long> ids = fresh.stream().map(CandidateNotice::candidateId).collect(Collectors.toSet());
        Map<Long, Candidate> byId = new HashMap<>();
        candidates.findAllById(ids).forEach(c -> byId.put(c.getId(), c));
        Map<Long, NotificationContact> contacts = outbox.contactsOf(ids);
        for (CandidateNotice notice : fresh) {
            Candidate candidate = byId.get(notice.candidateId());
            if (candidate == null) {
                throw new IllegalStateException("No candidate " + notice.candidateId());
            }
            outbox.write(notice.key().toString(), candidate, Optional.ofNullable(contacts.get(candidate.getId())), kind,
                    params(notice.args().toArray()));
        }
        return fresh.size();
    }

    private static List<String> params(Object... args) {
        return Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList();
    }
}
