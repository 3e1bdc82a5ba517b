package cn.shencha.review;

import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.SeasonSchedule;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Publish now": the district's publication time in a season becomes now, so verdicts decided later are published at
 * once too, and every case of that season waiting for publication is published in this transaction (the cases of
 * other seasons are not touched: the correlation names the season too).
 */
@Service
public class PublicationService {

    private final RuntimeService runtimeService;
    private final Clock clock;

    PublicationService(RuntimeService runtimeService, Clock clock) {
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * Publishes the district's decided verdicts of the schedule's season (the caller holds the schedule's row lock).
     *
     * @return how many verdicts were published by this call
     */
    @Transactional
    public int publishNow(SeasonSchedule schedule) {
        Instant now = clock.instant();
        DistrictSchedule current = schedule.schedule();
        if (current.resultsPublishAt().isAfter(now)) {
            schedule.applySchedule(new DistrictSchedule(current.uploadStart(), current.uploadDeadline(),
                    current.supplementDeadline(), now));
        }
        return runtimeService.createMessageCorrelation(MaterialReviewProcess.MSG_RESULTS_PUBLISH_NOW)
                .processInstanceVariableEquals(MaterialReviewProcess.VAR_DISTRICT_CODE, schedule.getDistrictCode())
                .processInstanceVariableEquals(MaterialReviewProcess.VAR_SEASON_CODE, schedule.getSeasonCode())
                .correlateAllWithResult()
                .size();
    }
}
