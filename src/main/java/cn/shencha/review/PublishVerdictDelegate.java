package cn.shencha.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The district published its results: the candidate may now see the verdict, and is told so. */
@Component("publishVerdictDelegate")
class PublishVerdictDelegate implements JavaDelegate {

    private final CaseMilestones milestones;

    PublishVerdictDelegate(CaseMilestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        milestones.reach(execution, ReviewState::markVerdictPublished, VerdictPublished::of);
    }
}
