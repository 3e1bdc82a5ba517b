package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.CandidateMaterials;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The supplement deadline passed without a resubmission: lock the unlocked materials again and mark the
 * request "no response", so the reviewer who asked sees it when the case comes back.
 */
@Component("expireSupplementDelegate")
class ExpireSupplementDelegate implements JavaDelegate {

    private final CandidateLookup candidates;
    private final ReviewDecisionRepository decisions;
    private final CandidateMaterials materials;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpireSupplementDelegate(CandidateLookup candidates, ReviewDecisionRepository decisions,
                             CandidateMaterials materials, ApplicationEventPublisher events, Clock clock) {
        this.candidates = candidates;
        this.decisions = decisions;
        this.materials = materials;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Candidate candidate = candidates.of(execution);
        materials.expireUnlocks(candidate.getId(), now);
        Long decisionId = (Long) execution.getVariable(MaterialReviewProcess.VAR_LAST_DECISION_ID);
        decisions.findById(decisionId).ifPresent(decision -> decision.markSupplementExpired(now));
        events.publishEvent(SupplementExpired.of(candidate.getId(), candidate.getName()));
    }
}
