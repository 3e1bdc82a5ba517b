package cn.shencha.review;

import cn.shencha.exam.Candidate;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The district published its results: the candidate may now see the verdict, and is told so. */
@Component("publishVerdictDelegate")
class PublishVerdictDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishVerdictDelegate(CandidateLookup candidates, ApplicationEventPublisher events, Clock clock) {
        this.candidates = candidates;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Candidate candidate = candidates.of(execution);
        candidate.markVerdictPublished(clock.instant());
        events.publishEvent(VerdictPublished.of(candidate.getId(), candidate.getName()));
    }
}
