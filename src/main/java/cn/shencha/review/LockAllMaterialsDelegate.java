package cn.shencha.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The upload deadline passed without a submission: the candidate's materials are locked as they are
 * (the lock itself already held from the deadline on, see MaterialLockPolicy) and the candidate is told.
 */
@Component("lockAllMaterialsDelegate")
class LockAllMaterialsDelegate implements JavaDelegate {

    private final CaseMilestones milestones;

    LockAllMaterialsDelegate(CaseMilestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        milestones.reach(execution, ReviewState::markLocked, MaterialsAutoLocked::of);
    }
}
