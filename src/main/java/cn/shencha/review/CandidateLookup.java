package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Finds the candidate of a process execution or task: the candidate row that owns the process instance, so a
 * changed {@code candidateId} variable cannot make the process act on someone else's case. Only while the
 * instance is being started (its id not yet stored on the row, e.g. the first phase listener) is the variable
 * set by CandidateProcessStarter the answer.
 */
@Component
class CandidateLookup {

    private final CandidateRepository candidates;

    CandidateLookup(CandidateRepository candidates) {
        this.candidates = candidates;
    }

    Candidate of(VariableScope scope) {
        String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
                : scope instanceof DelegateExecution execution ? execution.getProcessInstanceId() : null;
        Long candidateId = processInstanceId == null ? null : candidates.findIdByProcessInstanceId(processInstanceId).orElse(null);
        if (candidateId == null) {
            candidateId = (Long) scope.getVariable(MaterialReviewProcess.VAR_CANDIDATE_ID);
        }
        Long id = candidateId;
        return candidates.findById(id).orElseThrow(() -> new IllegalStateException("No candidate " + id));
    }
}
