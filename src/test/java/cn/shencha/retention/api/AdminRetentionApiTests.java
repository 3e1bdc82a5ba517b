package cn.shencha.retention.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.setup.SetupFixtures;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The retention API: administrators only, the period's bounds and the holds as problem+json with stable codes. */
@ShenchaSpringTest
class AdminRetentionApiTests {

    static final String ADMIN = "retentionapiadmin";
    static final String REVIEWER = "retentionapireviewer";
    static final String PASSWORD = "Staff2026pw";
    static final String BASE = "/api/v1/admin/retention";

    @Autowired WebApplicationContext context;
    @Autowired ApplicationContext applicationContext;
    @Autowired IdentityService identityService;
    @Autowired TestData testData;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AdminTestData.from(applicationContext);
        testData.resetDistricts();
        SetupFixtures.staffUser(identityService, ADMIN, PASSWORD, StaffScope.ADMIN_GROUP);
        SetupFixtures.staffUser(identityService, REVIEWER, PASSWORD, MaterialReviewProcess.siteGroup("1201"));
    }

    @Test
    void theRetentionPeriodIsSetWithinItsBoundsByAnAdministratorOnly() throws Exception {
        mvc.perform(get(BASE + "/settings").with(httpBasic(REVIEWER, PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(put(BASE + "/settings/13").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":29}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RETENTION_DAYS_OUT_OF_RANGE"));
        mvc.perform(put(BASE + "/settings/13").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":1096}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("RETENTION_DAYS_OUT_OF_RANGE"));
        mvc.perform(put(BASE + "/settings/99").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":100}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("DISTRICT_NOT_FOUND"));
        mvc.perform(put(BASE + "/settings/13").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":400}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retentionDays").value(400))
                .andExpect(jsonPath("$.isDefault").value(false))
                .andExpect(jsonPath("$.updatedBy").value(ADMIN))
                .andExpect(jsonPath("$.updatedAt").value(org.hamcrest.Matchers.endsWith("+08:00")));
        mvc.perform(get(BASE + "/preview").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.seasonCode == '" + TestData.SEASON + "' && @.districtCode == '13')].retentionDays")
                        .value(400))
                .andExpect(jsonPath("$[?(@.seasonCode == '" + TestData.SEASON + "' && @.districtCode == '13')].dueAt")
                        .value("2027-04-24T10:00:00+08:00"));
        mvc.perform(put(BASE + "/settings/13").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"days\":180}")).andExpect(status().isOk());
    }

    @Test
    void aHoldNeedsAReasonIsMadeOnceAndIsReleasedOnce() throws Exception {
        Candidate candidate = testData.candidate("1301");
        String hold = "{\"seasonCode\":\"" + TestData.SEASON + "\",\"registrationNo\":\"" + candidate.getRegistrationNo()
                + "\",\"reason\":\"%s\"}";
        mvc.perform(post(BASE + "/holds").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(hold.formatted(" ")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HOLD_REASON_REQUIRED"));
        String created = mvc.perform(post(BASE + "/holds").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(hold.formatted("考生申诉")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrationNo").value(candidate.getRegistrationNo()))
                .andExpect(jsonPath("$.heldBy").value(ADMIN))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(post(BASE + "/holds").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(hold.formatted("再次")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_HELD"));
        mvc.perform(post(BASE + "/holds").with(httpBasic(REVIEWER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(hold.formatted("审核员"))).andExpect(status().isForbidden());
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post(BASE + "/holds/" + id + "/release").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("RELEASE_REASON_REQUIRED"));
        mvc.perform(post(BASE + "/holds/" + id + "/release").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"复核完毕\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.releaseReason").value("复核完毕"));
        mvc.perform(post(BASE + "/holds/" + id + "/release").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"又一次\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("HOLD_ALREADY_RELEASED"));
        mvc.perform(post(BASE + "/purges/" + TestData.SEASON + "/13").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RETENTION_NOT_DUE"));
    }
}
