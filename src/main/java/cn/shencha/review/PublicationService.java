package cn.shencha.review;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Publish now": the district's publication time becomes now, so verdicts decided later are published at
 * once too, and every case waiting for publication is published in this transaction.
 */
@Service
public class PublicationService {

    private final DistrictRepository districts;
    private final RuntimeService runtimeService;
    private final Clock clock;

    PublicationService(DistrictRepository districts, RuntimeService runtimeService, Clock clock) {
        this.districts = districts;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** @return how many verdicts were published by this call */
    @Transactional
    public int publishNow(String districtCode) {
        District district = districts.findById(districtCode)
                .orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode));
        Instant now = clock.instant();
        DistrictSchedule schedule = district.schedule();
        if (schedule.resultsPublishAt().isAfter(now)) {
            district.applySchedule(new DistrictSchedule(schedule.uploadStart(), schedule.uploadDeadline(),
                    schedule.supplementDeadline(), now));
        }
        return runtimeService.createMessageCorrelation(MaterialReviewProcess.MSG_RESULTS_PUBLISH_NOW)
                .processInstanceVariableEquals(MaterialReviewProcess.VAR_DISTRICT_CODE, districtCode)
                .correlateAllWithResult()
                .size();
    }
}
