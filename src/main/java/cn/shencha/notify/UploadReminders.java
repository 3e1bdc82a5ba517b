package cn.shencha.notify;

import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.Phase;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds candidates who have not submitted 48 hours and 6 hours (configurable) before their upload
 * deadline. Run periodically: each run computes, from the district's schedule and the candidate's personal
 * extension as they are now, which reminder is due, so deadline changes are followed without moving any
 * timer. A reminder with lead L is due when now is in [deadline − L, deadline) and no reminder with lead L
 * was sent since deadline − L; only the shortest due lead is sent (a candidate whose deadline moved to
 * five hours from now gets the 6-hour reminder, not both). Sent reminders are recorded, with a unique key
 * (candidate, lead, deadline) so that two app nodes running the job at once send one.
 */
@Service
public class UploadReminders {

    private static final Logger log = LoggerFactory.getLogger(UploadReminders.class);

    private final ReminderCandidates reminderCandidates;
    private final CandidateRepository candidates;
    private final UploadReminderRepository reminders;
    private final Outbox outbox;
    private final NotifyProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final CaseStates cases;

    UploadReminders(ReminderCandidates reminderCandidates, CandidateRepository candidates,
                    UploadReminderRepository reminders, Outbox outbox, NotifyProperties properties,
                    TransactionTemplate tx, Clock clock, Seasons seasons, SeasonScheduleRepository schedules,
                    CaseStates cases) {
        this.cases = cases;
        this.schedules = schedules;
        this.seasons = seasons;
        this.reminderCandidates = reminderCandidates;
        this.candidates = candidates;
        this.reminders = reminders;
        this.outbox = outbox;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** @return how many reminders this run wrote */
    public int sendDue() {
        List<Duration> leads = leads();
        if (leads.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(leads.get(leads.size() - 1));
        // The current season's candidates: last season's upload windows are long closed.
        String season = seasons.currentCode();
        Map<String, SeasonSchedule> byCode = schedules.findBySeasonCodeOrderByDistrictCode(season).stream()
                .collect(Collectors.toMap(SeasonSchedule::getDistrictCode, Function.identity()));
        List<String> near = byCode.values().stream()
                .filter(d -> d.getUploadDeadline().isAfter(now) && !d.getUploadDeadline().isAfter(horizon))
                .map(SeasonSchedule::getDistrictCode).toList();
        int written = 0;
        for (Candidate candidate : reminderCandidates.findUnsubmitted(season, Phase.UPLOADING,
                near.isEmpty() ? List.of("") : near, now, horizon)) {
            SeasonSchedule schedule = byCode.get(candidate.getDistrictCode());
            if (schedule != null && remind(candidate.getId(), leads, now)) {
                written++;
            }
        }
        return written;
    }

    private boolean remind(Long candidateId, List<Duration> leads, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                Candidate candidate = candidates.findById(candidateId).orElse(null);
                CaseState state = cases.of(candidateId);
                if (candidate == null || state.phase() != Phase.UPLOADING || state.submitted()) {
                    return false;
                }
                Instant deadline = seasons.deadlines(candidate).upload();
                Optional<Duration> lead = dueLead(leads, deadline, now);
                if (lead.isEmpty() || reminders.existsByCandidateIdAndLeadHoursAndSentAtGreaterThanEqual(
                        candidateId, hours(lead.get()), deadline.minus(lead.get()))) {
                    return false;
                }
                Outbox.Written written = outbox.write(candidate, NoticeKind.UPLOAD_REMINDER,
                        List.of(candidate.getName(), ShanghaiTime.format(deadline)));
                reminders.saveAndFlush(new UploadReminder(candidateId, hours(lead.get()), deadline, now,
                        written.notification().getId()));
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            log.debug("Reminder for candidate {} written by another node", candidateId);
            return false;
        }
    }

    /** The shortest lead whose window [deadline − lead, deadline) contains now. */
    static Optional<Duration> dueLead(List<Duration> leadsAscending, Instant deadline, Instant now) {
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return leadsAscending.stream().filter(lead -> !now.isBefore(deadline.minus(lead))).findFirst();
    }

    private List<Duration> leads() {
        return properties.getReminders().getLeads().stream()
                .filter(d -> d != null && !d.isNegative() && !d.isZero())
                .sorted(Comparator.naturalOrder()).distinct().toList();
    }

    private static int hours(Duration lead) {
        return (int) lead.toHours();
    }
}
