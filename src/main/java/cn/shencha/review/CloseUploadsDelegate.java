package cn.shencha.review;

import cn.shencha.exam.Seasons;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The upload deadline of an upload-deadline trigger came: each case of its district (or its one candidate) still
 * uploading gets the message UploadDeadlinePassed. Up to one batch is told here, in the timer's transaction; more go
 * to Camunda's batch message correlation, whose jobs tell {@code shencha.review.deadline-batch-size} cases each in
 * one transaction (the size ReviewEnginePlugin gives the engine), on whichever nodes acquire them. A case that
 * submitted or was told in the meantime no longer waits for the message and is skipped.
 */
@Component("closeUploadsDelegate")
class CloseUploadsDelegate implements JavaDelegate {

    private final ReviewStateRepository states;
    private final Seasons seasons;
    private final RuntimeService runtimeService;
    private final int batchSize;

    CloseUploadsDelegate(ReviewStateRepository states, Seasons seasons, RuntimeService runtimeService,
                         ReviewEnginePlugin engineSettings) {
        this.states = states;
        this.seasons = seasons;
        this.runtimeService = runtimeService;
        this.batchSize = engineSettings.deadlineBatchSize();
    }

    @Override
    public void execute(DelegateExecution trigger) {
        List<String> waiting = waitingCases(trigger);
        if (waiting.size() <= batchSize) {
            waiting.forEach(instance -> runtimeService
                    .createMessageCorrelation(UploadDeadlineProcess.MSG_UPLOAD_DEADLINE_PASSED)
                    .processInstanceId(instance)
                    .correlateAll());
        } else {
            runtimeService.createMessageCorrelationAsync(UploadDeadlineProcess.MSG_UPLOAD_DEADLINE_PASSED)
                    .processInstanceIds(waiting)
                    .correlateAllAsync();
        }
    }

    private List<String> waitingCases(DelegateExecution trigger) {
        Long candidateId = (Long) trigger.getVariable(MaterialReviewProcess.VAR_CANDIDATE_ID);
        if (candidateId != null) {
            return states.findUploading(candidateId);
        }
        String season = (String) trigger.getVariable(MaterialReviewProcess.VAR_SEASON_CODE);
        String district = (String) trigger.getVariable(MaterialReviewProcess.VAR_DISTRICT_CODE);
        return states.findUploadingOnDistrictDeadline(season, district,
                seasons.schedule(season, district).getUploadDeadline());
    }
}
