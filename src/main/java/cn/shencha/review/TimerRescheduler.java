package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.SeasonSchedule;
import java.util.Date;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives one candidate's waiting deadline timers the due dates their schedule and personal extension say now. A due
 * date moved into the past makes the job executor fire the timer at its next acquisition.
 */
@Component
class TimerRescheduler {

    private final DeadlineTimers deadlineTimers;
    private final ReviewStates states;

    TimerRescheduler(DeadlineTimers deadlineTimers, ReviewStates states) {
        this.deadlineTimers = deadlineTimers;
        this.states = states;
    }

    /** @return how many timer jobs of this one candidate got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleCandidate(Candidate candidate, SeasonSchedule schedule) {
        String processInstanceId = states.of(candidate.getId()).processInstanceId();
        if (processInstanceId == null) {
            return 0;
        }
        return deadlineTimers.move(Set.of(processInstanceId),
                (timer, instance) -> Date.from(Deadlines.dueDate(timer, candidate, schedule)));
    }
}
