package cn.shencha.review;

import cn.shencha.base.tx.TransactionScoped;
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

    /**
     * Read once per transaction: a decision asks before it completes the task and the next task's listeners ask again,
     * and in a batch of the deadline night a step's listeners and delegates ask three or four times per case. Only a
     * found owner is kept (an instance's owner never changes; one being started has none yet).
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<Long> candidateOfProcess(String processInstanceId) {
        Map<String, Long> known = TransactionScoped.map(this);
        Long cached = known == null ? null : known.get(processInstanceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = states.findCandidateIdByProcessInstanceId(processInstanceId);
        if (known != null) {
            found.ifPresent(id -> known.put(processInstanceId, id));
        }
        return found;
    }

    /** The case to change, for this module's own writers: it exists from the start of its process on. */
    ReviewState forChange(Long candidateId) {
        return states.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No review case of candidate " + candidateId));
    }
}
