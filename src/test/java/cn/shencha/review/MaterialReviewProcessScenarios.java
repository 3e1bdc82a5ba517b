package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.LockReason;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.TestImages;
import cn.shencha.materials.internal.MaterialUnlockRepository;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of material-review.bpmn, driven through the real services (submission, review decisions,
 * deadlines, publication) and with timers fired by executing their jobs. Runs on H2 and on MariaDB.
 */
abstract class MaterialReviewProcessScenarios {

    static final StaffScope SITE_1201 = StaffScope.of("site1201reviewer", Set.of("site1201"));
    static final StaffScope DISTRICT_12 = StaffScope.of("district12reviewer", Set.of("district12"));

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TestData data;
    @Autowired SubmissionService submissions;
    @Autowired ReviewDecisionService reviews;
    @Autowired ScheduleAdminService deadlines;
    @Autowired PublicationService publication;
    @Autowired CandidateMaterials materials;
    @Autowired MaterialUnlockRepository unlocks;
    @Autowired ReviewDecisionRepository decisions;
    @Autowired CandidateMessageRepository messages;
    @Autowired TransactionTemplate tx;
    @Autowired MaterialUploadService uploads;
    @Autowired CandidateStatusService statuses;

    Candidate candidate;
    ProcessInstance instance;

    @BeforeEach
    void startCase() {
        BpmnAwareTests.init(processEngine);
        data.resetDistricts();
        candidate = data.candidate("1201");
        instance = runtimeService.createProcessInstanceQuery().processInstanceId(data.state(candidate).processInstanceId()).singleResult();
    }

    @Test
    void submitThenSitePassThenDistrictApproveThenPublicationByTimer() {
        assertThat(instance).isStarted().isWaitingAt(MaterialReviewProcess.AWAIT_SUBMISSION);
        assertThat(instance).hasBusinessKey(candidate.getRegistrationNo());
        data.completeRequiredMaterials(candidate);

        submit();
        assertThat(instance).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("site1201").hasFormKey("embedded:deployment:forms/review.html");
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.SITE_REVIEW);

        decide(SITE_1201, Decision.PASS, null);
        assertThat(instance).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("district12").hasFormKey("embedded:deployment:forms/review.html");

        decide(DISTRICT_12, Decision.APPROVE, null);
        assertThat(instance).isWaitingAt(MaterialReviewProcess.AWAIT_PUBLICATION);
        Candidate decided = data.reload(candidate);
        assertThat(data.state(decided).verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(data.state(decided).verdictPublishedAt()).isNull();
        Job publicationTimer = timer(MaterialReviewProcess.RESULTS_PUBLICATION_DUE);
        assertThat(publicationTimer.getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.resultsPublishAt());

        execute(publicationTimer);
        assertThat(instance).isEnded().hasPassed(MaterialReviewProcess.PUBLISH_VERDICT, MaterialReviewProcess.APPROVED);
        assertThat(data.state(data.reload(candidate)).verdictPublishedAt()).isNotNull();
        assertThat(kinds()).contains(NoticeKind.VERDICT_PUBLISHED);
    }

    @Test
    void uploadDeadlineAutoLocksWithoutSubmission() {
        Job deadline = data.uploadDeadlineTrigger(candidate);
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());

        data.fireUploadDeadline(candidate);
        assertThat(instance).hasPassed(MaterialReviewProcess.AUTO_LOCK_MATERIALS).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        Candidate locked = data.reload(candidate);
        assertThat(data.state(locked).lockedAt()).isNotNull();
        assertThat(data.state(locked).submittedAt()).isNull();
        assertThat(data.state(locked).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(kinds()).contains(NoticeKind.MATERIALS_AUTO_LOCKED);

        // The candidate never submitted: every refusal, the page and /me name the deadline, never SUBMITTED.
        assertLockedFor(LockReason.UPLOAD_DEADLINE_PASSED, "上传时间已截止，材料已锁定，无法修改。");
    }

    @Test
    void afterTheDeadlineSubmissionIsRefusedEvenBeforeTheTimerRan() {
        data.completeRequiredMaterials(candidate);
        data.clock().set(TestData.TIANJIN_2026.uploadDeadline());

        assertThatThrownBy(this::submit).isInstanceOf(ShenchaException.class)
                .extracting("code").isEqualTo("UPLOAD_DEADLINE_PASSED");
        assertThat(instance).isWaitingAt(MaterialReviewProcess.AWAIT_SUBMISSION);
    }

    @Test
    void submissionOfIncompleteMaterialsIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(this::submit).isInstanceOf(ShenchaException.class)
                .satisfies(e -> {
                    ShenchaException refusal = (ShenchaException) e;
                    assertThat(refusal.getCode()).isEqualTo("MATERIALS_INCOMPLETE");
                    assertThat(refusal.getDetails()).contains("身份证明", "学历证书");
                });
        assertThat(instance).isWaitingAt(MaterialReviewProcess.AWAIT_SUBMISSION);
    }

    @Test
    void doubleSubmitSubmitsOnce() {
        data.completeRequiredMaterials(candidate);
        assertThat(submit()).isEqualTo(SubmissionService.Outcome.SUBMITTED);
        assertThat(submit()).isEqualTo(SubmissionService.Outcome.ALREADY_SUBMITTED);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    @Test
    void siteSupplementUnlocksOnlyTheMarkedMaterialAndReturnsToSite() {
        data.completeRequiredMaterials(candidate);
        submit();
        decide(SITE_1201, Decision.SUPPLEMENT, null,
                new DecisionCommand.MaterialVerdictCommand("ID_CARD", MaterialVerdict.Verdict.REPLACE, "不清晰"),
                new DecisionCommand.MaterialVerdictCommand("DIPLOMA", MaterialVerdict.Verdict.OK, null));
        assertThat(instance).hasPassed(MaterialReviewProcess.UNLOCK_REQUESTED_MATERIALS)
                .isWaitingAt(MaterialReviewProcess.AWAIT_SUPPLEMENT);
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.SUPPLEMENT);
        assertThat(materials.openUnlockTypeIds(candidate.getId()))
                .containsExactly(data.type("12", "ID_CARD").getId());
        assertThat(kinds()).contains(NoticeKind.SUPPLEMENT_REQUESTED);
        assertThat(messages.findByCandidateIdOrderByCreatedAtDescIdDesc(candidate.getId()).get(0).getBody())
                .contains("身份证明（不清晰）");

        assertThat(submit()).isEqualTo(SubmissionService.Outcome.RESUBMITTED);
        assertThat(instance).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(materials.openUnlockTypeIds(candidate.getId())).isEmpty();
        assertThat(decisions.findFirstByCandidateIdOrderByDecidedAtDescIdDesc(candidate.getId()).orElseThrow()
                .getSupplementAnsweredAt()).isNotNull();
        assertThat(uploadRefusal()).isEqualTo("SUBMITTED");
        assertThat(statuses.status(candidate.getId(), Locale.SIMPLIFIED_CHINESE).lockReason()).isEqualTo(LockReason.SUBMITTED);
    }

    @Test
    void districtSupplementReturnsToDistrict() {
        data.completeRequiredMaterials(candidate);
        submit();
        decide(SITE_1201, Decision.PASS, null);
        decide(DISTRICT_12, Decision.SUPPLEMENT, null,
                new DecisionCommand.MaterialVerdictCommand("DIPLOMA", MaterialVerdict.Verdict.REPLACE, "不完整"));
        assertThat(instance).isWaitingAt(MaterialReviewProcess.AWAIT_SUPPLEMENT);

        submit();
        assertThat(instance).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.DISTRICT_REVIEW);
    }

    @Test
    void supplementDeadlineExpiryReturnsToTheRequesterMarkedNoResponse() {
        data.completeRequiredMaterials(candidate);
        submit();
        decide(SITE_1201, Decision.SUPPLEMENT, null,
                new DecisionCommand.MaterialVerdictCommand("ID_CARD", MaterialVerdict.Verdict.REPLACE, "不清晰"));
        Job supplementTimer = timer(MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED);
        assertThat(supplementTimer.getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.supplementDeadline());

        execute(supplementTimer);
        assertThat(instance).hasPassed(MaterialReviewProcess.EXPIRE_SUPPLEMENT).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(materials.openUnlockTypeIds(candidate.getId())).isEmpty();
        assertThat(decisions.findFirstByCandidateIdOrderByDecidedAtDescIdDesc(candidate.getId()).orElseThrow()
                .getSupplementExpiredAt()).isNotNull();
        assertThat(kinds()).contains(NoticeKind.SUPPLEMENT_EXPIRED);

        // The candidate did not answer: the refusals say the supplement deadline passed, not "submitted".
        assertLockedFor(LockReason.SUPPLEMENT_DEADLINE_PASSED, "补充材料时间已截止，材料已锁定。");
    }

    @Test
    void siteRecommendsRejectionAndDistrictRejects() {
        data.completeRequiredMaterials(candidate);
        submit();
        decide(SITE_1201, Decision.REJECT, "学历不符合报考条件");
        assertThat(instance).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);

        decide(DISTRICT_12, Decision.REJECT, "学历不符合报考条件");
        Candidate rejected = data.reload(candidate);
        assertThat(data.state(rejected).verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(data.state(rejected).verdictReason()).isEqualTo("学历不符合报考条件");

        execute(timer(MaterialReviewProcess.RESULTS_PUBLICATION_DUE));
        assertThat(instance).isEnded().hasPassed(MaterialReviewProcess.REJECTED);
    }

    @Test
    void publishNowPublishesEveryWaitingCaseOfTheDistrict() {
        data.completeRequiredMaterials(candidate);
        submit();
        decide(SITE_1201, Decision.PASS, null);
        decide(DISTRICT_12, Decision.APPROVE, null);

        int published = publication.publishNow(data.schedule("12"));
        assertThat(published).isGreaterThanOrEqualTo(1);
        assertThat(instance).isEnded().hasPassed(MaterialReviewProcess.PUBLISH_NOW_RECEIVED, MaterialReviewProcess.APPROVED);
        assertThat(data.state(data.reload(candidate)).verdictPublishedAt()).isNotNull();
    }

    @Test
    void personalExtensionMovesOnlyThatCandidatesTimer() {
        Candidate other = data.candidate("1201");
        Instant extended = TestData.TIANJIN_2026.uploadDeadline().plus(Duration.ofDays(3));

        AdminTestData.signInAsAdmin();
        try {
            assertThat(deadlines.extendUploadDeadline(candidate.getRegistrationNo(), extended, "住院", false).timersMoved())
                    .isEqualTo(1);
        } finally {
            AdminTestData.signOut();
        }
        assertThat(uploadTimerOf(candidate).getDuedate().toInstant()).isEqualTo(extended);
        assertThat(uploadTimerOf(other).getDuedate().toInstant()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());

        // The extended candidate may still submit after the district's deadline.
        data.completeRequiredMaterials(candidate);
        data.clock().set(TestData.TIANJIN_2026.uploadDeadline().plus(Duration.ofHours(1)));
        assertThat(submit()).isEqualTo(SubmissionService.Outcome.SUBMITTED);
    }

    @Test
    void aReviewTaskCannotBeCompletedWithoutARecordedDecision() {
        data.completeRequiredMaterials(candidate);
        submit();
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables(MaterialReviewProcess.VAR_SITE_DECISION, "PASS")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(instance).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
    }

    @Test
    void invalidDecisionsAreRefused() {
        data.completeRequiredMaterials(candidate);
        submit();
        assertThatThrownBy(() -> decide(SITE_1201, Decision.SUPPLEMENT, null))
                .extracting("code").isEqualTo("SUPPLEMENT_NEEDS_MATERIAL");
        assertThatThrownBy(() -> decide(SITE_1201, Decision.REJECT, " "))
                .extracting("code").isEqualTo("REJECT_REASON_REQUIRED");
        assertThatThrownBy(() -> decide(SITE_1201, Decision.APPROVE, null))
                .extracting("code").isEqualTo("DECISION_NOT_ALLOWED");
        assertThatThrownBy(() -> decide(SITE_1201, Decision.SUPPLEMENT, null,
                new DecisionCommand.MaterialVerdictCommand("ID_CARD", MaterialVerdict.Verdict.REPLACE, "")))
                .extracting("code").isEqualTo("REPLACE_REASON_REQUIRED");
        // Another site's reviewer does not see the task at all.
        StaffScope otherSite = StaffScope.of("site1202reviewer", Set.of("site1202"));
        assertThatThrownBy(() -> decide(otherSite, Decision.PASS, null)).extracting("code").isEqualTo("TASK_NOT_FOUND");
        assertThat(instance).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);
        assertThat(decisions.findByCandidateIdOrderByDecidedAtDesc(candidate.getId())).isEmpty();
    }

    // --- helpers

    /** An upload and a submission are refused with this reason, and the candidate's status shows it. */
    void assertLockedFor(LockReason reason, String text) {
        assertThat(uploadRefusal()).isEqualTo(reason.name());
        assertThatThrownBy(this::submit).isInstanceOf(ShenchaException.class).extracting("code").isEqualTo(reason.name());
        var status = statuses.status(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(status.lockReason()).isEqualTo(reason);
        assertThat(status.lockReasonText()).isEqualTo(text);
    }

    String uploadRefusal() {
        try {
            uploads.upload(candidate.getId(), "DIPLOMA", "late.jpg",
                    TestImages.jpeg(TestImages.document(1200, 900, System.nanoTime()), 0.8f), Locale.SIMPLIFIED_CHINESE);
            return null;
        } catch (ShenchaException e) {
            return e.getCode();
        }
    }

    SubmissionService.Outcome submit() {
        return submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
    }

    void decide(StaffScope reviewer, Decision decision, String reason, DecisionCommand.MaterialVerdictCommand... materials) {
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        reviews.decide(taskId, reviewer, new DecisionCommand(decision, reason, List.of(materials)));
    }

    Job timer(String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    Job uploadTimerOf(Candidate c) {
        return data.uploadDeadlineTrigger(c);
    }

    List<NoticeKind> kinds() {
        return messages.findByCandidateIdOrderByCreatedAtDescIdDesc(candidate.getId()).stream()
                .map(m -> m.getKind()).toList();
    }
}
