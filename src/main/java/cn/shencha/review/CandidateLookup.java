package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Finds the candidate of a process execution or task from its {@code candidateId} variable. */
@Component
class CandidateLookup {

    private final CandidateRepository candidates;

    CandidateLookup(CandidateRepository candidates) {
        this.candidates = candidates;
    }

    Candidate of(VariableScope scope) {
        Long candidateId = (Long) scope.getVariable(MaterialReviewProcess.VAR_CANDIDATE_ID);
        return candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
    }
}
