package cn.shencha.review;

import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The review module's answer to exam.CaseStates: the read side of its own cases. */
@Component
class ReviewStates implements CaseStates {

    private final ReviewStateRepository states;

    ReviewStates(ReviewStateRepository states) {
        this.states = states;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseState of(Long candidateId) {
        return states.findById(candidateId).map(ReviewState::view).orElseGet(() -> CaseState.notStarted(candidateId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, CaseState> of(Collection<Long> candidateIds) {
        Map<Long, CaseState> result = new HashMap<>();
        states.findAllById(candidateIds).forEach(s -> result.put(s.getCandidateId(), s.view()));
        candidateIds.forEach(id -> result.computeIfAbsent(id, CaseState::notStarted));
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> candidateOfProcess(String processInstanceId) {
        return states.findCandidateIdByProcessInstanceId(processInstanceId);
    }

    /** The case to change, for this module's own writers: it exists from the start of its process on. */
    ReviewState forChange(Long candidateId) {
        return states.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No review case of candidate " + candidateId));
    }
}
