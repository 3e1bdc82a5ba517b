package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every time the app's API gives is ISO-8601 with +08:00 (docs/materials.md, docs/admin.md): a candidate's
 * messages, the reviewer's decision and case, the admin case view and the image-view log are walked field by
 * field, and a time in UTC ("Z") or in another offset anywhere in them fails. The OpenAPI description is named,
 * versioned and describes how callers sign in.
 */
@ShenchaSpringTest
class ApiTimesTests {

    /** An ISO-8601 date-time (with or without an offset); the reviewer form's display times ("2026-02-11 16:00") are not. */
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    @Autowired WebApplicationContext context;
    @Autowired TestData testData;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired SubmissionService submissions;
    @Autowired ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        identityService.clearAuthentication();
        testData.resetDistricts();
        ReviewTestStaff.ensure(identityService);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void everyTimeTheApiGivesIsInShanghaiWithItsOffset() throws Exception {
        Candidate candidate = testData.candidate("1201");
        testData.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        candidate = testData.reload(candidate);
        Task task = taskService.createTaskQuery().processInstanceId(testData.state(candidate).processInstanceId()).singleResult();
        RequestPostProcessor reviewer = httpBasic(ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD);
        RequestPostProcessor admin = httpBasic(ReviewTestStaff.ADMIN, ReviewTestStaff.PASSWORD);

        List<String> times = new ArrayList<>();
        times.addAll(times(mvc.perform(post("/api/v1/review/tasks/" + task.getId() + "/decision").with(reviewer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"decision":"SUPPLEMENT","materials":[{"typeCode":"ID_CARD","verdict":"REPLACE","reason":"不清晰"}]}"""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
        times.addAll(times(body(get("/api/v1/me/messages")
                .with(httpBasic(candidate.getRegistrationNo(), TestData.PASSWORD)))));
        times.addAll(times(body(get("/api/v1/admin/candidates/" + candidate.getRegistrationNo()).with(admin))));
        times.addAll(times(body(get("/api/v1/admin/image-views").with(admin))));

        // decidedAt, the message's createdAt, the case's submittedAt/uploadDeadline/history/decision times.
        assertThat(times).hasSizeGreaterThanOrEqualTo(6);
        assertThat(times).allSatisfy(t -> assertThat(t).endsWith("+08:00"));
    }

    @Test
    void theOpenApiDescriptionIsNamedVersionedAndSaysHowToSignIn() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic(ReviewTestStaff.ADMIN, ReviewTestStaff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Shencha 审查 API"))
                .andExpect(jsonPath("$.info.version").value("1.0"))
                .andExpect(jsonPath("$.info.description").value(org.hamcrest.Matchers.containsString("+08:00")))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.sessionCookie.in").value("cookie"))
                .andExpect(jsonPath("$.components.securitySchemes.sessionCookie.name").value("JSESSIONID"))
                .andExpect(jsonPath("$.components.securitySchemes.csrfHeader.in").value("header"))
                .andExpect(jsonPath("$.components.securitySchemes.csrfHeader.name").value("X-SHENCHA-XSRF-TOKEN"))
                .andExpect(jsonPath("$.security[0].basicAuth").isArray())
                .andExpect(jsonPath("$.security[1].sessionCookie").isArray())
                .andExpect(jsonPath("$.security[1].csrfHeader").isArray());
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every ISO date-time string anywhere in the JSON. */
    private List<String> times(String body) throws Exception {
        List<String> found = new ArrayList<>();
        collect(json.readTree(body), found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isTextual() && ISO_DATE_TIME.matcher(node.asText()).matches()) {
            found.add(node.asText());
        }
        node.forEach(child -> collect(child, found));
    }
}
