package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the deadline timers that are already waiting the due dates the schedule says now. A due date
 * moved into the past makes the job executor fire the timer at its next acquisition.
 */
@Component
class TimerRescheduler {

    private final ManagementService managementService;
    private final CandidateRepository candidates;

    TimerRescheduler(ManagementService managementService, CandidateRepository candidates) {
        this.managementService = managementService;
        this.candidates = candidates;
    }

    /** @return how many timer jobs got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleDistrict(District district) {
        Map<String, Candidate> byProcessInstance = candidates
                .findByDistrictCodeAndProcessInstanceIdIsNotNull(district.getCode()).stream()
                .collect(Collectors.toMap(Candidate::getProcessInstanceId, Function.identity()));
        int moved = 0;
        for (String timer : MaterialReviewProcess.DEADLINE_TIMERS) {
            for (Job job : managementService.createJobQuery().timers().activityId(timer).list()) {
                Candidate candidate = byProcessInstance.get(job.getProcessInstanceId());
                if (candidate != null && moveIfChanged(job, Deadlines.dueDate(timer, candidate, district))) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /** @return how many timer jobs of this one candidate got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleCandidate(Candidate candidate, District district) {
        int moved = 0;
        for (String timer : MaterialReviewProcess.DEADLINE_TIMERS) {
            List<Job> jobs = managementService.createJobQuery().timers().activityId(timer)
                    .processInstanceId(candidate.getProcessInstanceId()).list();
            for (Job job : jobs) {
                if (moveIfChanged(job, Deadlines.dueDate(timer, candidate, district))) {
                    moved++;
                }
            }
        }
        return moved;
    }

    private boolean moveIfChanged(Job job, Instant due) {
        if (job.getDuedate() != null && job.getDuedate().toInstant().equals(due)) {
            return false;
        }
        managementService.setJobDuedate(job.getId(), Date.from(due));
        return true;
    }
}
