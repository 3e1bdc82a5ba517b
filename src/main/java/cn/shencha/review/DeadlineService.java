package cn.shencha.review;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One candidate's upload deadline, and the timer that already waits on it, in the same transaction. A district's
 * schedule changes only through admin.ScheduleAdminService (timers, review tasks, reopening and the record together).
 */
@Service
public class DeadlineService {

    private final Seasons seasons;
    private final TimerRescheduler rescheduler;

    DeadlineService(Seasons seasons, TimerRescheduler rescheduler) {
        this.seasons = seasons;
        this.rescheduler = rescheduler;
    }

    /** A personal extension (later only); the caller checks who asks and records it (admin.ScheduleAdminService). */
    @Transactional
    public int extendUploadDeadline(Candidate candidate, Instant newDeadline) {
        SeasonSchedule schedule = seasons.schedule(candidate);
        if (!newDeadline.isAfter(schedule.getUploadDeadline())) {
            throw ShenchaException.badRequest("EXTENSION_NOT_LATER");
        }
        candidate.setUploadDeadlineOverride(newDeadline);
        return rescheduler.rescheduleCandidate(candidate, schedule);
    }
}
