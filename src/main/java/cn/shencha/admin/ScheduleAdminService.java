package cn.shencha.admin;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.Phase;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import cn.shencha.review.DeadlineService;
import cn.shencha.review.DeadlineTimers;
import cn.shencha.review.PublicationService;
import cn.shencha.review.UploadReopener;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' deadlines: a district's schedule in a season (applied at once to every running case of the
 * district in that season; the current season unless a season is named),
 * a candidate's personal extension, "publish now", and the record of every such change.
 *
 * <p>Reopening: a change that moves a closed upload window (deadline passed) back into the future needs an
 * explicit confirmation. It then reopens the materials of the candidates who never submitted: those still
 * waiting in "upload materials" get their timer moved; those whose deadline timer already fired (auto-locked)
 * go back to "upload materials" if no reviewer has decided on them yet. Candidates who submitted, and cases a
 * reviewer already decided on, stay where they are.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class ScheduleAdminService {

    public static final int MAX_REASON = 500;

    /** What a proposed schedule would do, for the confirmation before saving. */
    public record ScheduleCheck(List<String> problems, boolean reopensClosedWindow, long casesToReopen,
                                boolean closesOpenWindow, long casesToLock, int cases) {
    }

    public record ScheduleChangeResult(DistrictSchedule before, DistrictSchedule after, int timersMoved,
                                       int reviewTasksMoved, int casesReopened) {
    }

    public record ExtensionResult(Instant before, Instant after, int timersMoved, boolean reopened) {
    }

    public record PublicationResult(int verdictsPublished, Instant resultsPublishAt) {
    }

    private final DistrictRepository districts;
    private final CandidateRepository candidates;
    private final ScheduleChangeRepository changes;
    private final AdminQueries queries;
    private final DistrictTimers timers;
    private final UploadReopener reopener;
    private final DeadlineService deadlineService;
    private final PublicationService publicationService;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final Clock clock;
    private final CaseStates cases;

    ScheduleAdminService(DistrictRepository districts, CandidateRepository candidates, ScheduleChangeRepository changes,
                         AdminQueries queries, DistrictTimers timers, UploadReopener reopener,
                         DeadlineService deadlineService, PublicationService publicationService, Seasons seasons,
                         SeasonScheduleRepository schedules, Clock clock, CaseStates cases) {
        this.cases = cases;
        this.seasons = seasons;
        this.schedules = schedules;
        this.districts = districts;
        this.candidates = candidates;
        this.changes = changes;
        this.queries = queries;
        this.timers = timers;
        this.reopener = reopener;
        this.deadlineService = deadlineService;
        this.publicationService = publicationService;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<District> districts() {
        return districts.findAll().stream().sorted((a, b) -> a.getCode().compareTo(b.getCode())).toList();
    }

    @Transactional(readOnly = true)
    public District district(String districtCode) {
        return districts.findById(districtCode)
                .orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode));
    }

    /** The district's schedule in a season ({@code null}: the current one). */
    @Transactional(readOnly = true)
    public SeasonSchedule schedule(String seasonCode, String districtCode) {
        district(districtCode);
        return seasons.schedule(seasons.require(seasonCode).getCode(), districtCode);
    }

    @Transactional(readOnly = true)
    public SeasonSchedule schedule(String districtCode) {
        return schedule(null, districtCode);
    }

    @Transactional(readOnly = true)
    public ScheduleCheck check(String districtCode, DistrictSchedule proposed) {
        return check(null, districtCode, proposed);
    }

    /** Checks a proposed schedule without changing anything. */
    @Transactional(readOnly = true)
    public ScheduleCheck check(String seasonCode, String districtCode, DistrictSchedule proposed) {
        SeasonSchedule current = schedule(seasonCode, districtCode);
        String season = current.getSeasonCode();
        List<String> problems = proposed.problems();
        if (!problems.isEmpty()) {
            return new ScheduleCheck(problems, false, 0, false, 0, 0);
        }
        Instant now = clock.instant();
        DistrictSchedule before = current.schedule();
        boolean reopens = reopens(before, proposed, now);
        boolean closes = before.uploadDeadline().isAfter(now) && !proposed.uploadDeadline().isAfter(now);
        long uploading = queries.countUploading(season, districtCode);
        long toReopen = reopens ? uploading + reopener.countReopenable(season, districtCode) : 0;
        return new ScheduleCheck(problems, reopens, toReopen, closes, closes ? uploading : 0,
                timers.caseCount(season, districtCode));
    }

    @Transactional
    public ScheduleChangeResult changeSchedule(String districtCode, DistrictSchedule schedule, boolean confirmReopen,
                                               Progress progress) {
        return changeSchedule(null, districtCode, schedule, confirmReopen, progress);
    }

    /**
     * Saves the district's schedule in the season and moves every waiting deadline timer (upload, supplement,
     * publication) and the due date of every open review task of that season's cases, in one transaction; the
     * cases of other seasons keep their own dates. The only way a district's schedule changes.
     *
     * @param seasonCode    the season, {@code null} for the current one
     * @param confirmReopen the administrator confirmed that a closed upload window opens again
     */
    @Transactional
    public ScheduleChangeResult changeSchedule(String seasonCode, String districtCode, DistrictSchedule schedule,
                                               boolean confirmReopen, Progress progress) {
        String actor = CurrentUser.require().username();
        String season = seasons.require(seasonCode).getCode();
        district(districtCode);
        SeasonSchedule current = schedules.findForUpdate(season, districtCode)
                .orElseThrow(() -> ShenchaException.notFound("SCHEDULE_NOT_FOUND", districtCode, season));
        List<String> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new ShenchaException("SCHEDULE_INVALID", HttpStatus.BAD_REQUEST, problems);
        }
        Instant now = clock.instant();
        DistrictSchedule before = current.schedule();
        if (!before.resultsPublishAt().isAfter(now) && !before.resultsPublishAt().equals(schedule.resultsPublishAt())) {
            throw ShenchaException.conflict("RESULTS_ALREADY_PUBLISHED");
        }
        boolean reopens = reopens(before, schedule, now);
        if (reopens && !confirmReopen) {
            long affected = queries.countUploading(season, districtCode)
                    + reopener.countReopenable(season, districtCode);
            throw ShenchaException.conflict("REOPEN_NOT_CONFIRMED", affected);
        }
        current.applySchedule(schedule);
        DeadlineTimers.Moved moved = timers.moveAll(current, progress);
        int reopened = reopens ? reopener.reopenDistrict(current, now) : 0;
        if (!before.equals(schedule) || moved.timers() > 0 || moved.reviewTasks() > 0 || reopened > 0) {
            changes.save(ScheduleChange.schedule(season, districtCode, actor, now, before, schedule, moved.timers(),
                    reopened));
        }
        return new ScheduleChangeResult(before, schedule, moved.timers(), moved.reviewTasks(), reopened);
    }

    /**
     * A later upload deadline for one candidate of the current season (illness, a system fault), with the reason;
     * only that candidate's timer moves. An auto-locked candidate nobody has reviewed yet goes back to upload.
     */
    @Transactional
    public ExtensionResult extendUploadDeadline(String registrationNo, Instant newDeadline, String reason,
                                                boolean confirmReopen) {
        String actor = CurrentUser.require().username();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ShenchaException.badRequest("EXTENSION_REASON_REQUIRED");
        }
        if (why.length() > MAX_REASON) {
            throw ShenchaException.badRequest("EXTENSION_REASON_TOO_LONG", MAX_REASON);
        }
        if (newDeadline == null) {
            throw ShenchaException.badRequest("EXTENSION_DEADLINE_REQUIRED");
        }
        Candidate candidate = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(),
                        registrationNo == null ? "" : registrationNo.strip())
                .flatMap(c -> queries.lockCandidate(c.getId()))
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        SeasonSchedule schedule = seasons.schedule(candidate);
        Instant now = clock.instant();
        if (!newDeadline.isAfter(now)) {
            throw ShenchaException.badRequest("EXTENSION_IN_PAST");
        }
        if (!newDeadline.isAfter(schedule.getUploadDeadline())) {
            throw ShenchaException.badRequest("EXTENSION_NOT_LATER");
        }
        if (!newDeadline.isBefore(schedule.getSupplementDeadline())) {
            throw ShenchaException.badRequest("EXTENSION_AFTER_SUPPLEMENT");
        }
        boolean autoLocked = reopener.isReopenable(candidate);
        if (cases.of(candidate.getId()).phase() != Phase.UPLOADING && !autoLocked) {
            throw ShenchaException.conflict("EXTENSION_NOT_APPLICABLE");
        }
        CaseDeadlines deadlines = CaseDeadlines.of(candidate, schedule);
        Instant before = deadlines.upload();
        if (deadlines.uploadPassed(now) && !confirmReopen) {
            throw ShenchaException.conflict("REOPEN_NOT_CONFIRMED", 1);
        }
        int moved = deadlineService.extendUploadDeadline(candidate, newDeadline);
        boolean reopened = autoLocked && reopener.reopen(candidate);
        changes.save(ScheduleChange.extension(candidate.getSeasonCode(), candidate.getDistrictCode(), candidate.getId(),
                candidate.getRegistrationNo(), actor, now, before, newDeadline, why, moved, reopened ? 1 : 0));
        return new ExtensionResult(before, newDeadline, moved, reopened);
    }

    @Transactional
    public PublicationResult publishNow(String districtCode) {
        return publishNow(null, districtCode);
    }

    /** Publishes every decided verdict of the district in the season now; later verdicts are published when decided. */
    @Transactional
    public PublicationResult publishNow(String seasonCode, String districtCode) {
        String actor = CurrentUser.require().username();
        String season = seasons.require(seasonCode).getCode();
        district(districtCode);
        SeasonSchedule schedule = schedules.findForUpdate(season, districtCode)
                .orElseThrow(() -> ShenchaException.notFound("SCHEDULE_NOT_FOUND", districtCode, season));
        DistrictSchedule before = schedule.schedule();
        int published = publicationService.publishNow(schedule);
        DistrictSchedule after = schedule.schedule();
        changes.save(ScheduleChange.publication(season, districtCode, actor, clock.instant(), before, after, published));
        return new PublicationResult(published, after.resultsPublishAt());
    }

    @Transactional(readOnly = true)
    public List<ScheduleChange> changes(String districtCode) {
        return changes(null, districtCode);
    }

    @Transactional(readOnly = true)
    public List<ScheduleChange> changes(String seasonCode, String districtCode) {
        district(districtCode);
        return changes.findBySeasonCodeAndDistrictCodeOrderByChangedAtDescIdDesc(seasons.require(seasonCode).getCode(),
                districtCode);
    }

    private static boolean reopens(DistrictSchedule before, DistrictSchedule after, Instant now) {
        return !before.uploadDeadline().isAfter(now) && after.uploadDeadline().isAfter(now);
    }
}
