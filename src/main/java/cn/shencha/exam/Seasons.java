package cn.shencha.exam;

import cn.shencha.base.tx.TransactionScoped;
import cn.shencha.base.web.ShenchaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which exam season is current, and the schedule a candidate's case runs on. The current season is the newest
 * season that is not closed (one query); everything a path or a page does not name a season for is about it.
 * A case always reads the schedule of its candidate's own season (from the candidate row, never from a process
 * variable).
 */
@Service
public class Seasons {

    private static final Pattern CODE = Pattern.compile("\\d{4}");

    private final ExamSeasonRepository seasons;
    private final SeasonScheduleRepository schedules;

    Seasons(ExamSeasonRepository seasons, SeasonScheduleRepository schedules) {
        this.seasons = seasons;
        this.schedules = schedules;
    }

    @Transactional(readOnly = true)
    public ExamSeason current() {
        return seasons.findFirstByClosedAtIsNullOrderByCodeDesc()
                .orElseThrow(() -> ShenchaException.conflict("NO_OPEN_SEASON"));
    }

    @Transactional(readOnly = true)
    public String currentCode() {
        return current().getCode();
    }

    /** The season of this code, or the current one for {@code null}: 400 for a malformed code, 404 for an unknown one. */
    @Transactional(readOnly = true)
    public ExamSeason require(String code) {
        if (code == null) {
            return current();
        }
        if (!CODE.matcher(code).matches()) {
            throw ShenchaException.badRequest("SEASON_CODE_INVALID", code);
        }
        return seasons.findById(code).orElseThrow(() -> ShenchaException.notFound("SEASON_NOT_FOUND", code));
    }

    @Transactional(readOnly = true)
    public List<ExamSeason> all() {
        return seasons.findAllByOrderByCodeDesc();
    }

    /** The schedule the candidate's case runs on: their own season's, in their district. */
    @Transactional(readOnly = true)
    public SeasonSchedule schedule(Candidate candidate) {
        return schedule(candidate.getSeasonCode(), candidate.getDistrictCode());
    }

    /** The deadlines the candidate's case runs on (their schedule with their personal extension). */
    @Transactional(readOnly = true)
    public CaseDeadlines deadlines(Candidate candidate) {
        return CaseDeadlines.of(candidate, schedule(candidate));
    }

    /**
     * Read once per transaction (base.tx.TransactionScoped): the managed entity, so a change made to it in the
     * transaction is what a later call sees. A batch of the deadline night asks for each of its cases.
     */
    @Transactional(readOnly = true)
    public SeasonSchedule schedule(String seasonCode, String districtCode) {
        Map<String, SeasonSchedule> read = TransactionScoped.map(this);
        String key = seasonCode + "/" + districtCode;
        SeasonSchedule known = read == null ? null : read.get(key);
        if (known != null) {
            return known;
        }
        SeasonSchedule schedule = schedules.findBySeasonCodeAndDistrictCode(seasonCode, districtCode)
                .orElseThrow(() -> ShenchaException.notFound("SCHEDULE_NOT_FOUND", districtCode, seasonCode));
        if (read != null) {
            read.put(key, schedule);
        }
        return schedule;
    }

    @Transactional(readOnly = true)
    public Optional<SeasonSchedule> find(String seasonCode, String districtCode) {
        return schedules.findBySeasonCodeAndDistrictCode(seasonCode, districtCode);
    }

    @Transactional(readOnly = true)
    public SeasonSchedule currentSchedule(String districtCode) {
        return schedule(currentCode(), districtCode);
    }
}
