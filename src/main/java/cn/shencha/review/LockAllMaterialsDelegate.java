package cn.shencha.review;

import cn.shencha.exam.Candidate;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The upload deadline passed without a submission: the candidate's materials are locked as they are
 * (the lock itself already held from the deadline on, see MaterialLockPolicy) and the candidate is told.
 */
@Component("lockAllMaterialsDelegate")
class LockAllMaterialsDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LockAllMaterialsDelegate(CandidateLookup candidates, ApplicationEventPublisher events, Clock clock) {
        this.candidates = candidates;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Candidate candidate = candidates.of(execution);
        candidate.markLocked(clock.instant());
        events.publishEvent(MaterialsAutoLocked.of(candidate.getId(), candidate.getName()));
    }
}
