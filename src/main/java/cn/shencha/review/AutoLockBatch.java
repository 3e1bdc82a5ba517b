package cn.shencha.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gathers the cases auto-locked in one transaction into one {@link MaterialsAutoLocked} event, published just before
 * the transaction commits. A batch job of the deadline night locks 50 cases: one event publication row and one
 * notification transaction instead of 50 of each (docs/performance.md, "The deadline night in batches").
 */
@Component
class AutoLockBatch {

    private final ApplicationEventPublisher events;

    AutoLockBatch(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Adds a case locked in the current transaction. */
    void add(Long candidateId, String candidateName) {
        cases().add(new MaterialsAutoLocked.LockedCase(candidateId, candidateName));
    }

    @SuppressWarnings("unchecked")
    private List<MaterialsAutoLocked.LockedCase> cases() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An auto-lock needs the process's transaction");
        }
        List<MaterialsAutoLocked.LockedCase> cases =
                (List<MaterialsAutoLocked.LockedCase>) TransactionSynchronizationManager.getResource(this);
        if (cases != null) {
            return cases;
        }
        List<MaterialsAutoLocked.LockedCase> gathered = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, gathered);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                // Still inside the transaction: the publication is stored with the locks, or not at all.
                events.publishEvent(MaterialsAutoLocked.of(gathered));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AutoLockBatch.this);
            }
        });
        return gathered;
    }
}
