package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.SeasonSchedule;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the deadline timers that are already waiting the due dates the schedule says now. A due date
 * moved into the past makes the job executor fire the timer at its next acquisition.
 */
@Component
class TimerRescheduler {

    private static final int BATCH = 500;

    private final DeadlineTimers deadlineTimers;
    private final CandidateRepository candidates;

    TimerRescheduler(DeadlineTimers deadlineTimers, CandidateRepository candidates) {
        this.deadlineTimers = deadlineTimers;
        this.candidates = candidates;
    }

    /** @return how many timer jobs got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleDistrict(SeasonSchedule schedule) {
        Map<String, Candidate> byProcessInstance = candidates
                .findBySeasonCodeAndDistrictCodeAndProcessInstanceIdIsNotNull(schedule.getSeasonCode(),
                        schedule.getDistrictCode()).stream()
                .collect(Collectors.toMap(Candidate::getProcessInstanceId, Function.identity()));
        List<String> instances = List.copyOf(byProcessInstance.keySet());
        int moved = 0;
        for (int from = 0; from < instances.size(); from += BATCH) {
            moved += deadlineTimers.move(instances.subList(from, Math.min(instances.size(), from + BATCH)),
                    (timer, instance) -> Date.from(Deadlines.dueDate(timer, byProcessInstance.get(instance), schedule)));
        }
        return moved;
    }

    /** @return how many timer jobs of this one candidate got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleCandidate(Candidate candidate, SeasonSchedule schedule) {
        if (candidate.getProcessInstanceId() == null) {
            return 0;
        }
        return deadlineTimers.move(Set.of(candidate.getProcessInstanceId()),
                (timer, instance) -> Date.from(Deadlines.dueDate(timer, candidate, schedule)));
    }
}
