package cn.shencha.review;

import cn.shencha.exam.Candidate;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A case reaching a point the candidate is told of (materials auto-locked, verdict published): the time is stamped on
 * the case's state and the event is published, in the process's transaction.
 */
@Component
class CaseMilestones {

    private final CandidateLookup candidates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseMilestones(CandidateLookup candidates, ApplicationEventPublisher events, Clock clock) {
        this.candidates = candidates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param stamp what the milestone sets on the case, at now
     * @param event the event of the candidate's id and name
     */
    void reach(VariableScope scope, BiConsumer<ReviewState, Instant> stamp, BiFunction<Long, String, ?> event) {
        CandidateLookup.Case reviewCase = candidates.caseOf(scope);
        Candidate candidate = reviewCase.candidate();
        stamp.accept(reviewCase.state(), clock.instant());
        events.publishEvent(event.apply(candidate.getId(), candidate.getName()));
    }
}
