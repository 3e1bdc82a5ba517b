package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.CandidateMaterials;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Unlocks exactly the materials the reviewer marked "replace", with the reviewer's reasons. */
@Component("unlockRequestedMaterialsDelegate")
class UnlockRequestedMaterialsDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final CandidateMaterials materials;
    private final SupplementNotice supplementNotice;
    private final Clock clock;

    UnlockRequestedMaterialsDelegate(CandidateLookup candidates, CandidateMaterials materials,
                                     SupplementNotice supplementNotice, Clock clock) {
        this.candidates = candidates;
        this.materials = materials;
        this.supplementNotice = supplementNotice;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Candidate candidate = candidates.of(execution);
        ReviewDecision decision = candidates.lastDecision(execution);
        Map<Long, String> reasons = new LinkedHashMap<>();
        decision.replacements().forEach(v -> reasons.put(v.getMaterialTypeId(), v.getReason()));
        materials.unlock(candidate.getId(), decision.getId(), reasons, clock.instant());
        supplementNotice.send(candidate, decision);
    }
}
