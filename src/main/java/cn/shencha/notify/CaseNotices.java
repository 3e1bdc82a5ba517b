package cn.shencha.notify;

import cn.shencha.review.MaterialsAutoLocked;
import cn.shencha.review.SupplementExpired;
import cn.shencha.review.SupplementRequested;
import cn.shencha.review.VerdictPublished;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the review process tells candidates, as notify hears it: each event of the review module becomes one
 * notification per candidate it names (in-app message, then SMS, e-mail, WeChat through the outbox). A listener runs
 * after the publishing transaction committed, in a transaction of its own; Spring Modulith's event publication
 * registry keeps the event until the listener succeeded, and {@code EventPublicationRetry} hands it again to a
 * listener that failed or whose node died. {@link Notifier#notifyCandidateOnce} keys the notification by the event's
 * id (for one candidate of it), so a second run tells nobody twice. The listener ids are fixed, so that renaming a
 * method leaves stored publications matched.
 */
@Component
class CaseNotices {

    private final Notifier notifier;

    CaseNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener(id = "notify.materials-auto-locked")
    void on(MaterialsAutoLocked event) {
        // A batch of the deadline night: its candidates' notices in one transaction, read for all at once.
        notifier.notifyCandidatesOnce(NoticeKind.MATERIALS_AUTO_LOCKED, event.cases().stream()
                .map(locked -> new Notifier.CandidateNotice(event.idFor(locked.candidateId()), locked.candidateId(),
                        List.of(locked.candidateName() == null ? "" : locked.candidateName())))
                .toList());
    }

    @ApplicationModuleListener(id = "notify.supplement-requested")
    void on(SupplementRequested event) {
        notifier.notifyCandidateOnce(event.id(), event.candidateId(), NoticeKind.SUPPLEMENT_REQUESTED,
                event.candidateName(), event.materials(), event.deadline());
    }

    @ApplicationModuleListener(id = "notify.supplement-expired")
    void on(SupplementExpired event) {
        notifier.notifyCandidateOnce(event.id(), event.candidateId(), NoticeKind.SUPPLEMENT_EXPIRED, event.candidateName());
    }

    @ApplicationModuleListener(id = "notify.verdict-published")
    void on(VerdictPublished event) {
        notifier.notifyCandidateOnce(event.id(), event.candidateId(), NoticeKind.VERDICT_PUBLISHED, event.candidateName());
    }
}
