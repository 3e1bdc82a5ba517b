package cn.shencha.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.admin.AdminTestData;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.IdNumbers;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The admin API over HTTP with real sign-in (HTTP Basic through the app's authentication provider):
 * administrators use it, reviewers and candidates get 403 on every endpoint, anonymous callers 401.
 */
@ShenchaSpringTest
class AdminApiTests {

    static final String ADMIN = "adminapitester";
    static final String REVIEWER = "reviewerapitester";
    static final String STAFF_PASSWORD = "Staff2026pw";
    static final String BASE = "/api/v1/admin";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    IdentityService identityService;

    MockMvc mvc;
    AdminTestData data;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        data = AdminTestData.from(applicationContext);
        data.freshDistrict();
        staff(ADMIN, StaffScope.ADMIN_GROUP);
        staff(REVIEWER, MaterialReviewProcess.siteGroup(AdminTestData.SITE));
        candidate = data.candidate();
    }

    private void staff(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("");
            user.setPassword(STAFF_PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    List<MockHttpServletRequestBuilder> everyEndpoint() {
        String reg = candidate.getRegistrationNo();
        return List.of(
                get(BASE + "/districts"),
                get(BASE + "/districts/31/schedule"),
                put(BASE + "/districts/31/schedule").contentType(MediaType.APPLICATION_JSON).content(schedule("2026-02-15T24:00+08:00", false)),
                get(BASE + "/districts/31/schedule/changes"),
                post(BASE + "/districts/31/publication"),
                get(BASE + "/districts/31/verdicts.csv"),
                get(BASE + "/districts/31/dashboard"),
                multipart(BASE + "/candidates/import").file(new MockMultipartFile("file", "c.csv", "text/csv", new byte[]{1})),
                get(BASE + "/candidates").param("q", reg),
                get(BASE + "/candidates/" + reg),
                put(BASE + "/candidates/" + reg + "/upload-deadline").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uploadDeadline\":\"2026-02-15T24:00+08:00\",\"reason\":\"x\"}"));
    }

    @Test
    void reviewersGet403OnEveryAdminEndpoint() throws Exception {
        for (MockHttpServletRequestBuilder request : everyEndpoint()) {
            mvc.perform(request.with(httpBasic(REVIEWER, STAFF_PASSWORD)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        }
        assertUnchanged();
    }

    @Test
    void candidatesGet403OnEveryAdminEndpoint() throws Exception {
        for (MockHttpServletRequestBuilder request : everyEndpoint()) {
            mvc.perform(request.with(httpBasic(candidate.getRegistrationNo(), TestData.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        assertUnchanged();
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        for (RequestBuilder request : everyEndpoint()) {
            mvc.perform(request).andExpect(status().isUnauthorized());
        }
    }

    private void assertUnchanged() {
        assertThat(data.schedule().getUploadDeadline()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());
        assertThat(data.schedule().getResultsPublishAt()).isEqualTo(TestData.TIANJIN_2026.resultsPublishAt());
    }

    @Test
    void anAdministratorReadsAndChangesTheScheduleInShanghaiTime() throws Exception {
        Candidate second = data.candidate();
        mvc.perform(get(BASE + "/districts/31/schedule").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uploadStart").value("2026-01-29T10:00:00+08:00"))
                .andExpect(jsonPath("$.uploadDeadline").value("2026-02-12T00:00:00+08:00"));

        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-02-15T24:00+08:00", false)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timersMoved").value(2))
                .andExpect(jsonPath("$.casesReopened").value(0))
                .andExpect(jsonPath("$.schedule.uploadDeadline").value("2026-02-16T00:00:00+08:00"));

        assertThat(applicationContext.getBean(TestData.class).uploadDeadlineTrigger(second).getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-02-15T16:00:00Z"));
        mvc.perform(get(BASE + "/districts/31/schedule/changes").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("SCHEDULE"))
                .andExpect(jsonPath("$[0].changedBy").value(ADMIN))
                .andExpect(jsonPath("$[0].before.uploadDeadline").value("2026-02-12T00:00:00+08:00"))
                .andExpect(jsonPath("$[0].after.uploadDeadline").value("2026-02-16T00:00:00+08:00"))
                .andExpect(jsonPath("$[0].timersMoved").value(2));
    }

    @Test
    void theOpenReviewTasksFollowAScheduleChangeThroughTheApi() throws Exception {
        TestData testData = applicationContext.getBean(TestData.class);
        testData.completeRequiredMaterials(candidate);
        applicationContext.getBean(SubmissionService.class).submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);

        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"uploadStart":"2026-01-29T10:00+08:00","uploadDeadline":"2026-02-11T24:00+08:00",
                                 "supplementDeadline":"2026-03-03T24:00+08:00","resultsPublishAt":"2026-03-20T10:00+08:00",
                                 "confirmReopen":false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewTasksMoved").value(1));

        Task siteReview = applicationContext.getBean(TaskService.class).createTaskQuery()
                .processInstanceId(data.state(candidate).processInstanceId())
                .taskDefinitionKey(MaterialReviewProcess.SITE_REVIEW).singleResult();
        assertThat(siteReview.getDueDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-03-03T16:00:00Z"));
    }

    @Test
    void refusalsAreProblemDetailsWithStableCodes() throws Exception {
        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-01-20T10:00+08:00", false)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SCHEDULE_INVALID"));
        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("12 Feb", false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DATE_TIME_INVALID"));
        mvc.perform(put(BASE + "/districts/99/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-02-15T24:00+08:00", false)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DISTRICT_NOT_FOUND"));
        // Close the window (into the past), then reopening it needs confirmReopen.
        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-01-31T12:00+08:00", false)))
                .andExpect(status().isOk());
        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-02-11T24:00+08:00", false)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REOPEN_NOT_CONFIRMED"));
        mvc.perform(put(BASE + "/districts/31/schedule").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(schedule("2026-02-11T24:00+08:00", true)))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorImportsSearchesExtendsPublishesAndExports() throws Exception {
        String registrationNo = TestData.uniqueRegistrationNo(AdminTestData.SITE);
        String idNumber = IdNumbers.withCheckCharacter("31010119880808123");
        byte[] gbk = ("registrationNo,name,idNumber,phone,examCategory,districtCode,siteCode\n"
                + registrationNo + ",欧阳娜娜," + idNumber + ",13900000000,临床执业助理医师,31,3102\n"
                + "123,坏行,110101199003070000,,临床执业医师,31,3101\n").getBytes(Charset.forName("GBK"));

        mvc.perform(multipart(BASE + "/candidates/import").file(new MockMultipartFile("file", "export.csv", "text/csv", gbk))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding").value("GBK"))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.refusedRows").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ID_NUMBER"));

        mvc.perform(get(BASE + "/candidates").param("q", "欧阳").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].registrationNo").value(registrationNo))
                .andExpect(jsonPath("$[0].maskedIdNumber").value(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)));
        mvc.perform(get(BASE + "/candidates").param("q", idNumber).with(admin()))
                .andExpect(jsonPath("$[0].name").value("欧阳娜娜"));
        mvc.perform(get(BASE + "/candidates/" + registrationNo).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("UPLOADING"))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.siteCode").value("3102"))
                .andExpect(jsonPath("$.history[0].activityId").value("candidateRegistered"));

        mvc.perform(put(BASE + "/candidates/" + registrationNo + "/upload-deadline").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uploadDeadline\":\"2026-02-15T24:00+08:00\",\"reason\":\"系统故障\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uploadDeadline").value("2026-02-16T00:00:00+08:00"))
                .andExpect(jsonPath("$.timersMoved").value(1));

        mvc.perform(post(BASE + "/districts/31/publication").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdictsPublished").value(0))
                .andExpect(jsonPath("$.resultsPublishAt").value("2026-02-01T09:00:00+08:00"));

        mvc.perform(get(BASE + "/districts/31/verdicts.csv").param("encoding", "GBK").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("verdicts-" + TestData.SEASON + "-31.csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        mvc.perform(get(BASE + "/districts/31/dashboard").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.district.total").value(2))
                .andExpect(jsonPath("$.district.counts.NOT_STARTED").value(2));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(ADMIN, STAFF_PASSWORD);
    }

    private static String schedule(String uploadDeadline, boolean confirmReopen) {
        return """
                {"uploadStart":"2026-01-29T10:00+08:00","uploadDeadline":"%s",
                 "supplementDeadline":"2026-02-28T24:00+08:00","resultsPublishAt":"2026-03-20T10:00+08:00",
                 "confirmReopen":%s}""".formatted(uploadDeadline, confirmReopen);
    }
}
