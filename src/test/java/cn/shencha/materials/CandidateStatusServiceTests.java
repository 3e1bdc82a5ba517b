package cn.shencha.materials;

import cn.shencha.materials.internal.PublishedVerdict;
import static cn.shencha.materials.MaterialRulesContract.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.Verdict;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The candidate's view of their case through the real process: the verdict never leaks before publication. */
@ShenchaSpringTest
class CandidateStatusServiceTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestData data;
    @Autowired
    CandidateStatusService status;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;

    @BeforeEach
    void reset() {
        data.resetDistricts();
    }

    @Test
    void showsRegistrationDeadlinesAndLock() {
        Candidate candidate = data.candidate("1201");
        CandidateStatus me = status.status(candidate.getId(), ZH);
        assertThat(me.registrationNo()).isEqualTo(candidate.getRegistrationNo());
        assertThat(me.maskedIdNumber()).contains("****").doesNotContain(candidate.getIdNumber().substring(6, 14));
        assertThat(me.stage()).isEqualTo(CandidateStage.UPLOADING);
        assertThat(me.stageText()).isEqualTo("上传材料中");
        assertThat(me.uploadDeadline()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        assertThat(me.siteName()).isEqualTo("考点1201");
        assertThat(me.locked()).isFalse();
        assertThat(me.verdictPublished()).isFalse();
    }

    @Test
    void aFinishedReviewIsOnlyFinishedUntilTheDistrictPublishes() {
        Candidate candidate = data.candidate("1201");
        data.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), ZH);
        decide(candidate, StaffScope.of("site1201reviewer", Set.of("site1201")), Decision.PASS, null);
        decide(candidate, StaffScope.of("district12reviewer", Set.of("district12")), Decision.REJECT, "学历不符合报考条件");
        assertThat(data.state(data.reload(candidate)).verdict()).isEqualTo(Verdict.REJECTED);

        CandidateStatus finished = status.status(candidate.getId(), ZH);
        assertThat(finished.stage()).isEqualTo(CandidateStage.REVIEW_FINISHED);
        assertThat(finished.stageText()).isEqualTo("审核结束，等待公布结果");
        assertThat(finished.verdictPublished()).isFalse();
        assertThat(finished.lockReason()).isEqualTo(LockReason.REVIEW_FINISHED);
        assertRefused(() -> status.verdict(candidate.getId(), ZH), "NOT_PUBLISHED");

        // the publication time passes: visible at once, even before the publication timer job has run
        data.clock().set(TestData.TIANJIN_2026.resultsPublishAt().plus(Duration.ofMinutes(1)));
        PublishedVerdict verdict = status.verdict(candidate.getId(), ZH);
        assertThat(verdict.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(verdict.verdictText()).isEqualTo("审核不通过");
        assertThat(verdict.reason()).isEqualTo("学历不符合报考条件");
        assertThat(status.status(candidate.getId(), ZH).stage()).isEqualTo(CandidateStage.REJECTED);
    }

    @Test
    void aCaseStillUnderReviewHasNoVerdictEvenAfterThePublicationTime() {
        Candidate candidate = data.candidate("1201");
        data.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), ZH);
        data.clock().set(TestData.TIANJIN_2026.resultsPublishAt().plus(Duration.ofDays(1)));
        assertRefused(() -> status.verdict(candidate.getId(), ZH), "NOT_PUBLISHED");
        assertThat(status.status(candidate.getId(), ZH).stage()).isEqualTo(CandidateStage.SITE_REVIEW);
    }

    private void decide(Candidate candidate, StaffScope reviewer, Decision decision, String reason,
                        DecisionCommand.MaterialVerdictCommand... materials) {
        String taskId = taskService.createTaskQuery().processInstanceId(data.state(data.reload(candidate)).processInstanceId())
                .singleResult().getId();
        decisions.decide(taskId, reviewer, new DecisionCommand(decision, reason, List.of(materials)));
    }
}
