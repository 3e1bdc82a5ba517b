package cn.shencha.review;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One candidate's upload deadline, and the trigger that waits on it, in the same transaction. A district's
 * schedule changes only through admin.ScheduleAdminService (timers, review tasks, reopening and the record together).
 */
@Service
public class DeadlineService {

    private final Seasons seasons;
    private final TimerRescheduler rescheduler;
    private final UploadDeadlineTriggers triggers;

    DeadlineService(Seasons seasons, TimerRescheduler rescheduler, UploadDeadlineTriggers triggers) {
        this.seasons = seasons;
        this.rescheduler = rescheduler;
        this.triggers = triggers;
    }

    /** A personal extension (later only); the caller checks who asks and records it (admin.ScheduleAdminService). */
    @Transactional
    public int extendUploadDeadline(Candidate candidate, Instant newDeadline) {
        SeasonSchedule schedule = seasons.schedule(candidate);
        if (!newDeadline.isAfter(schedule.getUploadDeadline())) {
            throw ShenchaException.badRequest("EXTENSION_NOT_LATER");
        }
        candidate.setUploadDeadlineOverride(newDeadline);
        // The candidate's own trigger; a case of a process version before the triggers still has its own timer.
        return triggers.arm(candidate) + rescheduler.rescheduleCandidate(candidate, schedule);
    }
}
