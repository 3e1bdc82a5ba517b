package cn.shencha.admin;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.District;
import cn.shencha.exam.Phase;
import cn.shencha.review.MaterialReviewProcess;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopens the upload of a candidate whose upload window was closed by the deadline timer (auto-locked, never
 * submitted) and whose site review has not produced any decision yet: the waiting site review task is
 * cancelled and the case goes back to "upload materials", whose deadline timer is created from the schedule
 * as it is now. A candidate who submitted, or whom a reviewer already decided on, is never moved back.
 */
@Component
class UploadReopener {

    private final AdminQueries queries;
    private final RuntimeService runtimeService;

    UploadReopener(AdminQueries queries, RuntimeService runtimeService) {
        this.queries = queries;
        this.runtimeService = runtimeService;
    }

    /** @return how many auto-locked cases of the district went back to upload */
    @Transactional(propagation = Propagation.MANDATORY)
    int reopenDistrict(SeasonSchedule schedule, Instant now) {
        int reopened = 0;
        for (Long candidateId : queries.autoLockedUnreviewed(schedule.getSeasonCode(), schedule.getDistrictCode())) {
            Candidate candidate = queries.lockCandidate(candidateId).orElseThrow();
            if (!CaseDeadlines.of(candidate, schedule).uploadPassed(now) && reopen(candidate)) {
                reopened++;
            }
        }
        return reopened;
    }

    /**
     * Whether the candidate may go back to upload; call with the candidate's row locked so that a reviewer's
     * decision cannot slip in between.
     */
    boolean isReopenable(Candidate candidate) {
        return candidate.getPhase() == Phase.SITE_REVIEW && candidate.getSubmittedAt() == null
                && candidate.getLockedAt() != null && candidate.getProcessInstanceId() != null
                && !queries.hasDecisions(candidate.getId());
    }

    /** @return whether the candidate went back to upload */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean reopen(Candidate candidate) {
        if (!isReopenable(candidate)) {
            return false;
        }
        runtimeService.createProcessInstanceModification(candidate.getProcessInstanceId())
                // Start first, then cancel: the instance never has no activity left, so it cannot end.
                .startBeforeActivity(MaterialReviewProcess.AWAIT_SUBMISSION)
                .cancelAllForActivity(MaterialReviewProcess.SITE_REVIEW)
                .execute();
        // The phase listener of "upload materials" set the phase; the auto-lock no longer holds.
        candidate.markLocked(null);
        return true;
    }
}
