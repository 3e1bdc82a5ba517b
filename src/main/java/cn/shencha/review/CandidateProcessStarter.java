package cn.shencha.review;

import cn.shencha.exam.Candidate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts a candidate's material review: one instance per candidate, business key = registration number. */
@Service
public class CandidateProcessStarter {

    private final RuntimeService runtimeService;

    CandidateProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String start(Candidate candidate) {
        if (candidate.getProcessInstanceId() != null) {
            return candidate.getProcessInstanceId();
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MaterialReviewProcess.KEY,
                candidate.getRegistrationNo(), Map.of(
                        MaterialReviewProcess.VAR_CANDIDATE_ID, candidate.getId(),
                        MaterialReviewProcess.VAR_SITE_CODE, candidate.getSiteCode(),
                        MaterialReviewProcess.VAR_DISTRICT_CODE, candidate.getDistrictCode(),
                        MaterialReviewProcess.VAR_SEASON_CODE, candidate.getSeasonCode()));
        candidate.setProcessInstanceId(instance.getId());
        return instance.getId();
    }
}
