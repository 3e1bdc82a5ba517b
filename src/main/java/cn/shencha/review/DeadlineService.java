package cn.shencha.review;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
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

    private final DistrictRepository districts;
    private final CandidateRepository candidates;
    private final TimerRescheduler rescheduler;
    private final ReviewTaskDueDates reviewTaskDueDates;

    DeadlineService(DistrictRepository districts, CandidateRepository candidates, TimerRescheduler rescheduler,
                    ReviewTaskDueDates reviewTaskDueDates) {
        this.districts = districts;
        this.candidates = candidates;
        this.rescheduler = rescheduler;
        this.reviewTaskDueDates = reviewTaskDueDates;
    }

    @Transactional
    public ScheduleChange changeSchedule(String districtCode, DistrictSchedule schedule) {
        List<String> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new ShenchaException("SCHEDULE_INVALID", HttpStatus.BAD_REQUEST, problems);
        }
        District district = districts.findById(districtCode)
                .orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode));
        DistrictSchedule before = district.schedule();
        district.applySchedule(schedule);
        int moved = rescheduler.rescheduleDistrict(district);
        reviewTaskDueDates.rescheduleDistrict(district);
        return new ScheduleChange(before, schedule, moved);
    }

    /** A personal extension: only this candidate's upload deadline moves (later only). */
    @Transactional
    public int extendUploadDeadline(String registrationNo, Instant newDeadline) {
        Candidate candidate = candidates.findByRegistrationNo(registrationNo)
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        if (!newDeadline.isAfter(district.getUploadDeadline())) {
            throw ShenchaException.badRequest("EXTENSION_NOT_LATER");
        }
        candidate.setUploadDeadlineOverride(newDeadline);
        return rescheduler.rescheduleCandidate(candidate, district);
    }
}
