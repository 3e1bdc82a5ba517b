package cn.shencha.review;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import cn.shencha.exam.DistrictSchedule;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a district's deadlines, or one candidate's upload deadline, and moves the timers of the
 * instances that already wait on them in the same transaction: a change applies to everyone at once.
 */
@Service
public class DeadlineService {

    public record ScheduleChange(DistrictSchedule before, DistrictSchedule after, int timersMoved) {
    }

    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final CandidateRepository candidates;
    private final TimerRescheduler rescheduler;
    private final ReviewTaskDueDates reviewTaskDueDates;

    DeadlineService(Seasons seasons, SeasonScheduleRepository schedules, CandidateRepository candidates, TimerRescheduler rescheduler,
                    ReviewTaskDueDates reviewTaskDueDates) {
        this.seasons = seasons;
        this.schedules = schedules;
        this.candidates = candidates;
        this.rescheduler = rescheduler;
        this.reviewTaskDueDates = reviewTaskDueDates;
    }

    /** The district's schedule in the current season. */
    @Transactional
    public ScheduleChange changeSchedule(String districtCode, DistrictSchedule schedule) {
        List<String> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new ShenchaException("SCHEDULE_INVALID", HttpStatus.BAD_REQUEST, problems);
        }
        String season = seasons.currentCode();
        SeasonSchedule current = schedules.findForUpdate(season, districtCode)
                .orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode));
        DistrictSchedule before = current.schedule();
        current.applySchedule(schedule);
        int moved = rescheduler.rescheduleDistrict(current);
        reviewTaskDueDates.rescheduleDistrict(current);
        return new ScheduleChange(before, schedule, moved);
    }

    /** A personal extension of a current-season candidate: only this candidate's upload deadline moves (later only). */
    @Transactional
    public int extendUploadDeadline(String registrationNo, Instant newDeadline) {
        Candidate candidate = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), registrationNo)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        return extendUploadDeadline(candidate, newDeadline);
    }

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
