package cn.shencha.admin.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.setup.SetupFixtures;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Seasons;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;

/**
 * Seasons over HTTP: the per-season paths {@code /api/v1/admin/seasons/{season}/districts/{code}/…} next to the
 * current-season ones, opening and closing a season, and a bad season as problem+json with a stable code.
 */
@ShenchaSpringTest
class AdminSeasonApiTests {

    static final String ADMIN = "seasonapiadmin";
    static final String REVIEWER = "seasonapireviewer";
    static final String PASSWORD = "Staff2026pw";
    static final String BASE = "/api/v1/admin";

    @Autowired WebApplicationContext context;
    @Autowired ApplicationContext applicationContext;
    @Autowired IdentityService identityService;
    @Autowired TestData testData;
    @Autowired Seasons seasons;

    MockMvc mvc;
    String opened;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AdminTestData.from(applicationContext);
        testData.resetDistricts();
        SetupFixtures.staffUser(identityService, ADMIN, PASSWORD, StaffScope.ADMIN_GROUP);
        SetupFixtures.staffUser(identityService, REVIEWER, PASSWORD, MaterialReviewProcess.siteGroup("1201"));
    }

    @AfterEach
    void closeWhatWasOpened() throws Exception {
        if (opened != null && !seasons.require(opened).isClosed()) {
            mvc.perform(post(BASE + "/seasons/" + opened + "/close").with(httpBasic(ADMIN, PASSWORD)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theCurrentSeasonIsTheDefaultAndANamedSeasonHasItsOwnSchedule() throws Exception {
        String current = seasons.currentCode();
        mvc.perform(get(BASE + "/districts/12/schedule").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seasonCode").value(current))
                .andExpect(jsonPath("$.uploadDeadline").value("2026-02-12T00:00:00+08:00"));
        mvc.perform(get(BASE + "/seasons/" + current + "/districts/12/schedule").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.seasonCode").value(current));

        String preview = mvc.perform(get(BASE + "/seasons/next/preview").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fromSeason").value(current))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String next = JsonPath.read(preview, "$.code");
        int years = Integer.parseInt(next) - Integer.parseInt(current);
        String shifted = (2026 + years) + "-02-12T00:00:00+08:00";

        mvc.perform(post(BASE + "/seasons").with(httpBasic(ADMIN, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + next + "年医师资格考试（接口）\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(next))
                .andExpect(jsonPath("$.current").value(true));
        opened = next;
        mvc.perform(get(BASE + "/seasons/current").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.code").value(next)).andExpect(jsonPath("$.name").value(next + "年医师资格考试（接口）"));
        mvc.perform(get(BASE + "/districts/12/schedule").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.seasonCode").value(next)).andExpect(jsonPath("$.uploadDeadline").value(shifted));
        mvc.perform(get(BASE + "/seasons/" + current + "/districts/12/schedule").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.uploadDeadline").value("2026-02-12T00:00:00+08:00"));
        mvc.perform(get(BASE + "/seasons/" + next + "/districts/12/catalog").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").exists());
        mvc.perform(get(BASE + "/seasons/" + current + "/districts/12/dashboard").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.seasonCode").value(current));
        mvc.perform(get(BASE + "/seasons/changes").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$[0].action").value("OPENED")).andExpect(jsonPath("$[0].fromSeason").value(current));

        mvc.perform(post(BASE + "/seasons/" + next + "/close").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closed").value(true));
        mvc.perform(get(BASE + "/seasons/current").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.code").value(current));
    }

    @Test
    void aBadOrUnknownSeasonIsAProblemWithAStableCode() throws Exception {
        mvc.perform(get(BASE + "/seasons/20x6/districts/12/schedule").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SEASON_CODE_INVALID"));
        mvc.perform(get(BASE + "/seasons/1999/districts/12/dashboard").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SEASON_NOT_FOUND"));
        mvc.perform(get(BASE + "/seasons/1999/districts/12/verdicts.csv").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("SEASON_NOT_FOUND"));
        mvc.perform(post(BASE + "/seasons/" + seasons.currentCode() + "/close").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LAST_OPEN_SEASON"));
    }

    @Test
    void theOpenApiDescriptionHasBothPathsAndTheSeasonOnlyWhereThePathNamesIt() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(httpBasic(ADMIN, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.List<String> seasonal = JsonPath.read(docs,
                "$.paths['/api/v1/admin/seasons/{season}/districts/{code}/schedule'].get.parameters[*].name");
        org.assertj.core.api.Assertions.assertThat(seasonal).containsExactlyInAnyOrder("season", "code");
        java.util.List<Boolean> required = JsonPath.read(docs,
                "$.paths['/api/v1/admin/seasons/{season}/districts/{code}/schedule'].get.parameters[*].required");
        org.assertj.core.api.Assertions.assertThat(required).containsOnly(true);
        java.util.List<String> current = JsonPath.read(docs,
                "$.paths['/api/v1/admin/districts/{code}/schedule'].get.parameters[*].name");
        org.assertj.core.api.Assertions.assertThat(current).containsExactly("code");
        org.assertj.core.api.Assertions.assertThat(docs).contains("/api/v1/admin/seasons/next/preview",
                "/api/v1/admin/seasons/{season}/candidates/import");
    }

    @Test
    void reviewersCannotOpenOrListSeasons() throws Exception {
        mvc.perform(get(BASE + "/seasons").with(httpBasic(REVIEWER, PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/seasons").with(httpBasic(REVIEWER, PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/seasons/" + seasons.currentCode() + "/districts/12/schedule")
                .with(httpBasic(REVIEWER, PASSWORD))).andExpect(status().isForbidden());
    }
}
