package cn.shencha.exam;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The read API of a case's review state ({@link CaseState}). Declared here, below every module that reads it
 * (materials' lock rule and candidate pages lie below review); implemented by the review module, the state's one
 * owner and writer (docs/architecture.md, "Turned round").
 */
public interface CaseStates {

    /** The candidate's case; {@link CaseState#notStarted} when its process was never started. */
    CaseState of(Long candidateId);

    /** The cases of many candidates at once (one query), by candidate id; every id has an entry. */
    Map<Long, CaseState> of(Collection<Long> candidateIds);

    /** The candidate whose case a process instance is. */
    Optional<Long> candidateOfProcess(String processInstanceId);
}
