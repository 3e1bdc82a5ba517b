package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialUnlockRepository;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link MaterialLockPolicy} needs of a candidate's unlocks, read with one query
 * ({@link MaterialUnlockRepository#findByCandidateIdOrderByOpenedAtDescIdDesc}): the open ones and whether the newest one expired unanswered.
 *
 * @param open the open unlocks (a supplement's materials the candidate may replace now)
 */
record UnlockState(List<MaterialUnlock> open, boolean lastSupplementExpired) {

    static UnlockState of(MaterialUnlockRepository unlocks, Long candidateId) {
        return of(unlocks.findByCandidateIdOrderByOpenedAtDescIdDesc(candidateId));
    }

    /** @param newestFirst every unlock of the candidate, the newest first */
    static UnlockState of(List<MaterialUnlock> newestFirst) {
        return new UnlockState(newestFirst.stream().filter(u -> u.getClosedAt() == null).toList(),
                !newestFirst.isEmpty() && newestFirst.get(0).isExpired());
    }

    Set<Long> openTypeIds() {
        return open.stream().map(MaterialUnlock::getMaterialTypeId).collect(Collectors.toSet());
    }
}
