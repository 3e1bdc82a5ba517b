package cn.shencha.review;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The upload deadline passed without a submission: the case is stamped locked (the lock itself already held from
 * the deadline on, see MaterialLockPolicy), and the candidate is told with the other cases of the transaction.
 */
@Component("lockAllMaterialsDelegate")
class LockAllMaterialsDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final AutoLockBatch batch;
    private final Clock clock;

    LockAllMaterialsDelegate(CandidateLookup candidates, AutoLockBatch batch, Clock clock) {
        this.candidates = candidates;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CandidateLookup.Case reviewCase = candidates.caseOf(execution);
        reviewCase.state().markLocked(clock.instant());
        batch.add(reviewCase.candidate().getId(), reviewCase.candidate().getName());
    }
}
