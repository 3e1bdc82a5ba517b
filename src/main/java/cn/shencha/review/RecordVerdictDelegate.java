package cn.shencha.review;

import cn.shencha.exam.Verdict;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the district's decision as the candidate's verdict; it stays hidden until publication. */
@Component("recordVerdictDelegate")
class RecordVerdictDelegate implements JavaDelegate {

    private final CandidateLookup cases;
    private final Clock clock;

    RecordVerdictDelegate(CandidateLookup cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewDecision decision = cases.lastDecision(execution);
        boolean approved = decision.getDecision() == Decision.APPROVE;
        cases.stateOf(execution).decide(approved ? Verdict.APPROVED : Verdict.REJECTED,
                approved ? null : decision.getReason(), clock.instant());
    }
}
