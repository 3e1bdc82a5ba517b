package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * A review completed through the reviewer API, with the body the task forms send, drives every branch
 * of the process; refusals come back as problem+json with a stable code.
 */
@ShenchaSpringTest
class ReviewDecisionFlowTests {

    @Autowired WebApplicationContext context;
    @Autowired TestData testData;
    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired SubmissionService submissions;
    @Autowired CandidateMaterials materials;
    @Autowired CandidateMessageRepository messages;
    @Autowired ReviewDecisionRepository decisions;
    @Autowired ReviewFilters filters;
    @Autowired TransactionTemplate tx;
    @Autowired MaterialOverviewService overviews;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        // A Camunda authentication left on this thread by an earlier test would make the engine check it here.
        identityService.clearAuthentication();
        AbstractAssertions.init(processEngine);
        testData.resetDistricts();
        ReviewTestStaff.ensure(identityService);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void sitePassThenDistrictApproveRecordsTheVerdict() throws Exception {
        Candidate candidate = submitted("1201");
        Task siteTask = task(candidate);
        assertThat(siteTask.getTaskDefinitionKey()).isEqualTo(MaterialReviewProcess.SITE_REVIEW);

        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"PASS","materials":[{"typeCode":"ID_CARD","verdict":"OK"},{"typeCode":"DIPLOMA","verdict":"OK"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("SITE"))
                .andExpect(jsonPath("$.decision").value("PASS"))
                // ISO-8601 in +08:00 as documented, never UTC "Z".
                .andExpect(jsonPath("$.decidedAt").value(endsWith("+08:00")));
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);
        assertThat(testData.state(testData.reload(candidate)).phase()).isEqualTo(Phase.DISTRICT_REVIEW);

        Task districtTask = task(candidate);
        // Assigned and completed in one engine command: the assignee's authorization on the done task goes with it,
        // and the next task has its reviewers' group.
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(siteTask.getId()).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(districtTask.getId()).list()).extracting(Authorization::getGroupId).containsExactly("district12");
        decide(ReviewTestStaff.DISTRICT_12, districtTask, """
                {"decision":"APPROVE","materials":[]}""").andExpect(status().isOk());
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.AWAIT_PUBLICATION);
        Candidate decided = testData.reload(candidate);
        assertThat(testData.state(decided).verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(testData.state(decided).verdictPublishedAt()).isNull();
        // Tasklist's history shows who decided: the task was given to them when it completed unclaimed.
        assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(districtTask.getId())
                .singleResult().getAssignee()).isEqualTo(ReviewTestStaff.DISTRICT_12);
        leanHistoryOf(candidate);
    }

    /**
     * The history written (LeanHistoryEventHandler): the steps the admin's case history lists and the tasks, but no
     * gateway; the variable history of the case's identity, which the retention purge reads, and no decision variable.
     */
    private void leanHistoryOf(Candidate candidate) {
        var history = processEngine.getHistoryService();
        String instance = testData.state(candidate).processInstanceId();
        List<String> activityTypes = history.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
                .map(a -> a.getActivityType()).toList();
        assertThat(activityTypes).contains("startEvent", "receiveTask", "userTask").noneMatch(t -> t.endsWith("Gateway"));
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isEqualTo(2);
        List<String> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
                .map(v -> v.getName()).toList();
        assertThat(variables).containsExactlyInAnyOrderElementsOf(LeanHistoryEventHandler.KEPT_VARIABLES);
        // The running case still has its decision variables: only their history is not written.
        assertThat(runtimeService.getVariable(instance, MaterialReviewProcess.VAR_DISTRICT_DECISION)).isEqualTo("APPROVE");
    }

    @Test
    void siteRejectIsARecommendationTheDistrictSeesAndOnlyTheDistrictRejects() throws Exception {
        Candidate candidate = submitted("1201");
        decide(ReviewTestStaff.SITE_1201, task(candidate), """
                {"decision":"REJECT","reason":"试用期不满一年","materials":[{"typeCode":"PROBATION","verdict":"OK"}]}""")
                .andExpect(status().isOk());

        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);
        assertThat(testData.state(testData.reload(candidate)).verdict()).isNull();
        Task districtTask = task(candidate);
        assertThat(districtTask.getDescription()).contains("考点建议不通过：试用期不满一年");

        mvc.perform(get("/api/v1/review/tasks/" + districtTask.getId()).header("Accept-Language", "zh-CN")
                        .with(httpBasic(ReviewTestStaff.DISTRICT_12, ReviewTestStaff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.review.siteRecommendation.decision").value("REJECT"))
                .andExpect(jsonPath("$.review.siteRecommendation.reason").value("试用期不满一年"))
                .andExpect(jsonPath("$.review.task.level").value("DISTRICT"))
                .andExpect(jsonPath("$.review.task.decisions[0].value").value("APPROVE"))
                .andExpect(jsonPath("$.texts['title.DISTRICT']").value("考区审核"));

        decide(ReviewTestStaff.DISTRICT_12, districtTask, """
                {"decision":"REJECT","reason":"试用期考核时间不满一年"}""").andExpect(status().isOk());
        Candidate decided = testData.reload(candidate);
        assertThat(testData.state(decided).verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(testData.state(decided).verdictReason()).isEqualTo("试用期考核时间不满一年");
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.AWAIT_PUBLICATION);
    }

    @Test
    void siteSupplementUnlocksTheMaterialAndTheCaseComesBackMarkedForReReview() throws Exception {
        Candidate candidate = submitted("1201");
        Task first = task(candidate);
        // A first review carries no afterSupplement at all, and the filter "补充材料后待复审" leaves it out.
        assertThat(taskService.getVariablesLocal(first.getId())).doesNotContainKey(ReviewTaskListener.VAR_AFTER_SUPPLEMENT);
        assertThat(filterTaskIds(ReviewFilters.Spec.AFTER_SUPPLEMENT, ReviewTestStaff.SITE_1201, "site1201")).doesNotContain(first.getId());
        decide(ReviewTestStaff.SITE_1201, first, """
                {"decision":"SUPPLEMENT","reason":"请重新拍摄","materials":[
                  {"typeCode":"ID_CARD","verdict":"REPLACE","reason":"不清晰；反面反光"},
                  {"typeCode":"DIPLOMA","verdict":"OK"}]}""").andExpect(status().isOk());

        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.AWAIT_SUPPLEMENT);
        Long idCardType = testData.type("12", "ID_CARD").getId();
        assertThat(materials.openUnlockTypeIds(candidate.getId())).containsExactly(idCardType);
        assertThat(messages.findByCandidateIdOrderByCreatedAtDescIdDesc(candidate.getId()))
                .anySatisfy(m -> {
                    assertThat(m.getKind()).isEqualTo(NoticeKind.SUPPLEMENT_REQUESTED);
                    assertThat(m.getBody()).contains("不清晰；反面反光");
                });

        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        Task again = task(candidate);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(MaterialReviewProcess.SITE_REVIEW);
        assertThat(taskService.getVariableLocal(again.getId(), ReviewTaskListener.VAR_AFTER_SUPPLEMENT)).isEqualTo(true);
        assertThat(again.getDescription()).contains("考生已补充材料").doesNotContain("无回应");
        // The reviewer's filter "补充材料后待复审" lists it, for the site's reviewers only.
        assertThat(filterTaskIds(ReviewFilters.Spec.AFTER_SUPPLEMENT, ReviewTestStaff.SITE_1201, "site1201")).contains(again.getId());
        assertThat(filterTaskIds(ReviewFilters.Spec.AFTER_SUPPLEMENT, ReviewTestStaff.SITE_1202, "site1202")).doesNotContain(again.getId());

        mvc.perform(get("/api/v1/review/candidates/" + candidate.getRegistrationNo())
                        .with(httpBasic(ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.task.afterSupplement").value(true))
                .andExpect(jsonPath("$.task.supplementUnanswered").value(false))
                .andExpect(jsonPath("$.decisions[0].decision").value("SUPPLEMENT"))
                .andExpect(jsonPath("$.decisions[0].supplementAnsweredAt").isNotEmpty())
                .andExpect(jsonPath("$.materials[?(@.typeCode=='ID_CARD')].lastVerdict.verdict").value("REPLACE"));
    }

    @Test
    void aSupplementThatExpiredUnansweredComesBackSayingTheCandidateDidNotRespond() throws Exception {
        Candidate candidate = submitted("1201");
        decide(ReviewTestStaff.SITE_1201, task(candidate), """
                {"decision":"SUPPLEMENT","materials":[{"typeCode":"ID_CARD","verdict":"REPLACE","reason":"不清晰"}]}""")
                .andExpect(status().isOk());
        Job deadline = processEngine.getManagementService().createJobQuery()
                .processInstanceId(testData.state(candidate).processInstanceId())
                .activityId(MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED).singleResult();
        processEngine.getManagementService().executeJob(deadline.getId());

        Task back = task(candidate);
        assertThat(back.getTaskDefinitionKey()).isEqualTo(MaterialReviewProcess.SITE_REVIEW);
        assertThat(back.getDescription()).contains("考生未在补充截止时间前补充材料（无回应），待复审")
                .doesNotContain("考生已补充材料");
        assertThat(filterTaskIds(ReviewFilters.Spec.AFTER_SUPPLEMENT, ReviewTestStaff.SITE_1201, "site1201")).contains(back.getId());
        mvc.perform(get("/api/v1/review/tasks/" + back.getId()).header("Accept-Language", "zh-CN")
                        .with(httpBasic(ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.review.task.afterSupplement").value(true))
                .andExpect(jsonPath("$.review.task.supplementUnanswered").value(true))
                .andExpect(jsonPath("$.review.decisions[0].supplementExpiredAt").isNotEmpty())
                .andExpect(jsonPath("$.texts.supplementUnanswered").value("考生未在补充截止时间前补充材料（无回应），本次为复审"));
    }

    @Test
    void theReviewFormListsTheMaterialsInTheCandidatePagesOrder() throws Exception {
        Candidate candidate = submitted("1201");
        List<String> candidatePage = overviews.overview(candidate.getId(), Locale.SIMPLIFIED_CHINESE).types().stream()
                .map(MaterialTypeOverview::typeCode).toList();
        String body = mvc.perform(get("/api/v1/review/candidates/" + candidate.getRegistrationNo())
                        .with(httpBasic(ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> reviewForm = com.jayway.jsonpath.JsonPath.read(body, "$.materials[*].typeCode");
        // Required first (PROBATION, REGISTRATION_FORM), then the optional ones (DEGREE comes before PROBATION in
        // the catalog's sort_order), exactly as the candidate's page shows them.
        assertThat(reviewForm).isEqualTo(candidatePage)
                .startsWith("ID_CARD", "DIPLOMA", "PROBATION", "REGISTRATION_FORM", "DEGREE");
    }

    @Test
    void districtSupplementReturnsToTheDistrict() throws Exception {
        Candidate candidate = submitted("1202");
        decide(ReviewTestStaff.SITE_1202, task(candidate), """
                {"decision":"PASS"}""").andExpect(status().isOk());
        decide(ReviewTestStaff.DISTRICT_12, task(candidate), """
                {"decision":"SUPPLEMENT","materials":[{"typeCode":"PROBATION","verdict":"REPLACE","reason":"非原件"}]}""")
                .andExpect(status().isOk());
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.AWAIT_SUPPLEMENT);

        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.DISTRICT_REVIEW);
        assertThat(taskService.getVariableLocal(task(candidate).getId(), ReviewTaskListener.VAR_AFTER_SUPPLEMENT)).isEqualTo(true);
    }

    @Test
    void refusalsNameTheProblem() throws Exception {
        Candidate candidate = submitted("1201");
        Task siteTask = task(candidate);
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"SUPPLEMENT","materials":[{"typeCode":"ID_CARD","verdict":"OK"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SUPPLEMENT_NEEDS_MATERIAL"));
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"SUPPLEMENT","materials":[{"typeCode":"ID_CARD","verdict":"REPLACE"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REPLACE_REASON_REQUIRED"));
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"REJECT","reason":"  "}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REJECT_REASON_REQUIRED"));
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"APPROVE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DECISION_NOT_ALLOWED"));
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"MAYBE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"PASS","materials":[{"typeCode":"ID_CARD","verdict":"REPLACE","reason":"不清晰"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PASS_WITH_REPLACE"));
        assertThat(decisions.findByCandidateIdOrderByDecidedAtDesc(candidate.getId())).isEmpty();
        assertThat(instance(candidate)).isWaitingAt(MaterialReviewProcess.SITE_REVIEW);

        // Claimed by a colleague: only they (or an administrator) decide.
        taskService.claim(siteTask.getId(), "colleague");
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"PASS"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TASK_CLAIMED_BY_OTHER"));
        taskService.setAssignee(siteTask.getId(), ReviewTestStaff.SITE_1201);
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"PASS"}""").andExpect(status().isOk());

        // The task is done: a second decision (another tab, a double click) is refused clearly.
        decide(ReviewTestStaff.SITE_1201, siteTask, """
                {"decision":"PASS"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TASK_NOT_CURRENT"))
                .andExpect(jsonPath("$.detail").value("该审核任务已完成或已不在当前环节，请刷新后重试。"));
    }

    @Test
    void reviewTasksCarryTheMaskedIdNumberAndADueDate() {
        Candidate candidate = submitted("1201");
        Task siteTask = task(candidate);
        assertThat(siteTask.getName()).isEqualTo("考点审核：测试考生（" + candidate.getMaskedIdNumber() + "）");
        assertThat(siteTask.getName()).doesNotContain(candidate.getIdNumber());
        assertThat(siteTask.getDescription()).contains(candidate.getRegistrationNo()).doesNotContain(candidate.getIdNumber());
        assertThat(siteTask.getDueDate()).isEqualTo(Date.from(TestData.TIANJIN_2026.supplementDeadline()));

        // Due soon: within three days of the engine's "now" (or overdue).
        ClockUtil.setCurrentTime(Date.from(testData.clock().instant()));
        assertThat(filterTaskIds(ReviewFilters.Spec.DUE_SOON, ReviewTestStaff.SITE_1201, "site1201")).doesNotContain(siteTask.getId());
        ClockUtil.setCurrentTime(Date.from(TestData.TIANJIN_2026.supplementDeadline().minus(Duration.ofDays(2))));
        assertThat(filterTaskIds(ReviewFilters.Spec.DUE_SOON, ReviewTestStaff.SITE_1201, "site1201")).contains(siteTask.getId());
        assertThat(filterTaskIds(ReviewFilters.Spec.SITE_QUEUE, ReviewTestStaff.SITE_1201, "site1201")).contains(siteTask.getId());
        assertThat(filterTaskIds(ReviewFilters.Spec.SITE_QUEUE, ReviewTestStaff.SITE_1202, "site1202")).doesNotContain(siteTask.getId());
    }

    private List<String> filterTaskIds(ReviewFilters.Spec spec, String userId, String group) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            String filterId = filters.find(spec).orElseThrow().getId();
            List<Task> tasks = filterService.list(filterId);
            return tasks.stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Candidate submitted(String siteCode) {
        Candidate candidate = testData.candidate(siteCode);
        testData.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        return testData.reload(candidate);
    }

    private ProcessInstance instance(Candidate candidate) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(testData.state(candidate).processInstanceId()).singleResult();
    }

    private Task task(Candidate candidate) {
        return taskService.createTaskQuery().processInstanceId(testData.state(candidate).processInstanceId()).singleResult();
    }

    private ResultActions decide(String user, Task task, String body) throws Exception {
        return mvc.perform(post("/api/v1/review/tasks/" + task.getId() + "/decision")
                .with(httpBasic(user, ReviewTestStaff.PASSWORD))
                .header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
