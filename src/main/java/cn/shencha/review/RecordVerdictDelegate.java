package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import cn.shencha.exam.Verdict;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the district's decision as the candidate's verdict; it stays hidden until publication. */
@Component("recordVerdictDelegate")
class RecordVerdictDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final ReviewDecisionRepository decisions;
    private final Clock clock;

    RecordVerdictDelegate(CandidateLookup candidates, ReviewDecisionRepository decisions, Clock clock) {
        this.candidates = candidates;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Candidate candidate = candidates.of(execution);
        Long decisionId = (Long) execution.getVariable(MaterialReviewProcess.VAR_LAST_DECISION_ID);
        ReviewDecision decision = decisions.findById(decisionId)
                .orElseThrow(() -> new IllegalStateException("No review decision " + decisionId));
        boolean approved = decision.getDecision() == Decision.APPROVE;
        candidate.recordVerdict(approved ? Verdict.APPROVED : Verdict.REJECTED,
                approved ? null : decision.getReason(), clock.instant());
        candidate.setPhase(approved ? Phase.APPROVED : Phase.REJECTED);
    }
}
