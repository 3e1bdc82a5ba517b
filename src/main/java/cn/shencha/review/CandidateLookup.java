package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Finds the case of a process execution or task: the review case that owns the process instance, so a changed
 * {@code candidateId} variable cannot make the process act on someone else's case. Only while the instance is being
 * started (its id not yet stored on the case, e.g. the first phase listener) is the variable set by
 * CandidateProcessStarter the answer.
 */
@Component
class CandidateLookup {

    /** A candidate and the review state of their case, as a delegate changes them. */
    record Case(Candidate candidate, ReviewState state) {
    }

    private final CandidateRepository candidates;
    private final ReviewStates reviewStates;
    private final ReviewDecisionRepository decisions;

    CandidateLookup(CandidateRepository candidates, ReviewStates reviewStates,
                    ReviewDecisionRepository decisions) {
        this.candidates = candidates;
        this.reviewStates = reviewStates;
        this.decisions = decisions;
    }

    Candidate of(VariableScope scope) {
        Long id = candidateId(scope);
        return candidates.findById(id).orElseThrow(() -> new IllegalStateException("No candidate " + id));
    }

    ReviewState stateOf(VariableScope scope) {
        return reviewStates.forChange(candidateId(scope));
    }

    Case caseOf(VariableScope scope) {
        Candidate candidate = of(scope);
        return new Case(candidate, reviewStates.forChange(candidate.getId()));
    }

    /**
     * The reviewer's decision the process is acting on (variable lastDecisionId, set by ReviewDecisionService). The
     * variable only points at it: a decision of another candidate's case is refused, so a changed variable cannot
     * give this case someone else's verdict or unlocks.
     */
    ReviewDecision lastDecision(VariableScope scope) {
        Long decisionId = (Long) scope.getVariable(MaterialReviewProcess.VAR_LAST_DECISION_ID);
        Long candidateId = candidateId(scope);
        return decisions.findById(decisionId).filter(d -> d.getCandidateId().equals(candidateId))
                .orElseThrow(() -> new IllegalStateException("No review decision " + decisionId + " of candidate "
                        + candidateId));
    }

    private Long candidateId(VariableScope scope) {
        String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
                : scope instanceof DelegateExecution execution ? execution.getProcessInstanceId() : null;
        Long candidateId = processInstanceId == null ? null : candidateOfInstance(processInstanceId);
        return candidateId != null ? candidateId : (Long) scope.getVariable(MaterialReviewProcess.VAR_CANDIDATE_ID);
    }

    /** The case that owns the process instance (read once per transaction: {@link ReviewStates#candidateOfProcess}). */
    private Long candidateOfInstance(String processInstanceId) {
        return reviewStates.candidateOfProcess(processInstanceId).orElse(null);
    }
}
