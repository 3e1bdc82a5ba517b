package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.notify.NoticeKind;
import cn.shencha.notify.Notifier;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The district published its results: the candidate may now see the verdict, and is told so. */
@Component("publishVerdictDelegate")
class PublishVerdictDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final Notifier notifier;
    private final Clock clock;

    PublishVerdictDelegate(CandidateLookup candidates, Notifier notifier, Clock clock) {
        this.candidates = candidates;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Candidate candidate = candidates.of(execution);
        candidate.markVerdictPublished(clock.instant());
        notifier.notifyCandidate(candidate.getId(), NoticeKind.VERDICT_PUBLISHED, candidate.getName());
    }
}
