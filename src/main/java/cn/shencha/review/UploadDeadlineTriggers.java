package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upload-deadline processes (processes/upload-deadline.bpmn) that a case waiting in "upload materials" relies on:
 * one per district and season, and one per candidate whose deadline is their own (a personal extension, or a case
 * that began so close to the deadline that the district's trigger may already be running). A case is armed when it
 * enters "upload materials" (its start, a reopening) and when its deadline changes; a district's schedule change moves
 * the timers of all its triggers.
 *
 * <p>The lock itself never waits for a trigger: materials.MaterialLockPolicy closes the window by the clock.
 */
@Component("uploadDeadlineTriggers")
public class UploadDeadlineTriggers {

    /**
     * A case that begins less than this before its district's deadline gets a trigger of its own: the district's may
     * already have chosen its cases before this case's transaction commits.
     */
    static final Duration ARMING_MARGIN = Duration.ofMinutes(1);

    private final ProcessEngineConfigurationImpl engine;
    private final RuntimeService runtimeService;
    private final DeadlineTimers timers;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final CandidateRepository candidates;
    private final ReviewStateRepository states;
    private final Clock clock;

    UploadDeadlineTriggers(ProcessEngine processEngine, DeadlineTimers timers, Seasons seasons,
                           SeasonScheduleRepository schedules, CandidateRepository candidates,
                           ReviewStateRepository states, Clock clock) {
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.runtimeService = processEngine.getRuntimeService();
        this.timers = timers;
        this.seasons = seasons;
        this.schedules = schedules;
        this.candidates = candidates;
        this.states = states;
        this.clock = clock;
    }

    /**
     * Makes sure a trigger waits for this candidate's upload deadline, in the caller's transaction.
     *
     * @return how many trigger timers this started or moved (0 when the district's trigger already waits)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int arm(Candidate candidate) {
        SeasonSchedule schedule = seasons.schedule(candidate);
        Instant deadline = CaseDeadlines.of(candidate, schedule).upload();
        boolean ownDeadline = deadline.isAfter(schedule.getUploadDeadline());
        boolean districtMayBeRunning = deadline.isBefore(clock.instant().plus(ARMING_MARGIN));
        if (ownDeadline || districtMayBeRunning) {
            return armCandidate(candidate, deadline);
        }
        return armDistrict(schedule) ? 1 : 0;
    }

    /**
     * The district's schedule changed: every trigger of the district in the season gets the due date the schedule and
     * its candidate's extension say now. A due date moved into the past fires at the next job acquisition.
     *
     * @return for how many waiting cases a trigger got a new due date: an administrator counts cases, not triggers
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveDistrict(SeasonSchedule schedule) {
        String districtKey = UploadDeadlineProcess.districtKey(schedule.getSeasonCode(), schedule.getDistrictCode());
        List<String> district = triggers(districtKey, false).stream().map(ProcessInstance::getId).toList();
        long moved = timers.moveTriggers(district, instance -> Date.from(schedule.getUploadDeadline())) == 0 ? 0
                : states.countUploadingOnDistrictDeadline(schedule.getSeasonCode(), schedule.getDistrictCode(),
                        schedule.getUploadDeadline());
        Map<String, Instant> personalDue = new HashMap<>();
        Map<String, Long> personalCandidate = new HashMap<>();
        for (ProcessInstance trigger : triggers(districtKey + ":%", true)) {
            Long candidateId = Long.valueOf(trigger.getBusinessKey().substring(districtKey.length() + 1));
            candidates.findById(candidateId)
                    .filter(candidate -> candidate.getDistrictCode().equals(schedule.getDistrictCode())
                            && candidate.getSeasonCode().equals(schedule.getSeasonCode()))
                    .ifPresent(candidate -> {
                        personalDue.put(trigger.getId(), CaseDeadlines.of(candidate, schedule).upload());
                        personalCandidate.put(trigger.getId(), candidateId);
                    });
        }
        for (Map.Entry<String, Instant> trigger : personalDue.entrySet()) {
            if (timers.moveTriggers(List.of(trigger.getKey()), instance -> Date.from(trigger.getValue())) > 0
                    && !states.findUploading(personalCandidate.get(trigger.getKey())).isEmpty()) {
                moved++;
            }
        }
        return Math.toIntExact(moved);
    }

    /** The due date of a trigger's timer, from the BPMN: {@code ${uploadDeadlineTriggers.dueDate(execution)}}. */
    public Date dueDate(VariableScope trigger) {
        String season = (String) trigger.getVariable(MaterialReviewProcess.VAR_SEASON_CODE);
        String district = (String) trigger.getVariable(MaterialReviewProcess.VAR_DISTRICT_CODE);
        Long candidateId = (Long) trigger.getVariable(MaterialReviewProcess.VAR_CANDIDATE_ID);
        SeasonSchedule schedule = seasons.schedule(season, district);
        if (candidateId == null) {
            return Date.from(schedule.getUploadDeadline());
        }
        Candidate candidate = candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
        return Date.from(CaseDeadlines.of(candidate, schedule).upload());
    }

    private int armCandidate(Candidate candidate, Instant deadline) {
        String key = UploadDeadlineProcess.candidateKey(candidate.getSeasonCode(), candidate.getDistrictCode(),
                candidate.getId());
        List<ProcessInstance> waiting = triggers(key, false);
        if (!waiting.isEmpty()) {
            return timers.moveTriggers(waiting.stream().map(ProcessInstance::getId).toList(),
                    instance -> Date.from(deadline));
        }
        runtimeService.startProcessInstanceByKey(UploadDeadlineProcess.KEY, key, Map.of(
                MaterialReviewProcess.VAR_SEASON_CODE, candidate.getSeasonCode(),
                MaterialReviewProcess.VAR_DISTRICT_CODE, candidate.getDistrictCode(),
                MaterialReviewProcess.VAR_CANDIDATE_ID, candidate.getId()));
        return 1;
    }

    /** @return whether this started the district's trigger */
    private boolean armDistrict(SeasonSchedule schedule) {
        String key = UploadDeadlineProcess.districtKey(schedule.getSeasonCode(), schedule.getDistrictCode());
        if (!triggers(key, false).isEmpty()) {
            return false;
        }
        // The first case of the district: the schedule's row lock makes a second importer wait and then see it.
        schedules.findForUpdate(schedule.getSeasonCode(), schedule.getDistrictCode());
        if (!triggers(key, false).isEmpty()) {
            return false;
        }
        runtimeService.startProcessInstanceByKey(UploadDeadlineProcess.KEY, key, Map.of(
                MaterialReviewProcess.VAR_SEASON_CODE, schedule.getSeasonCode(),
                MaterialReviewProcess.VAR_DISTRICT_CODE, schedule.getDistrictCode()));
        return true;
    }

    /** Triggers still waiting, by business key. The callers check who asks; the engine's check would only repeat it. */
    private List<ProcessInstance> triggers(String businessKey, boolean like) {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            ProcessInstanceQueryImpl query = new ProcessInstanceQueryImpl();
            query.processDefinitionKey(UploadDeadlineProcess.KEY);
            if (like) {
                query.processInstanceBusinessKeyLike(businessKey);
            } else {
                query.processInstanceBusinessKey(businessKey);
            }
            return query.executeList(context, new Page(0, Integer.MAX_VALUE));
        }));
    }
}
