package cn.shencha.admin.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.CandidateImportService;
import cn.shencha.admin.setup.SetupFixtures;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.ExamCategories;
import cn.shencha.materials.TestImages;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** District set-up over HTTP, as a script would do it: administrators only, errors as problem+json. */
@ShenchaSpringTest
class AdminSetupApiTests {

    static final String ADMIN = "setupapiadmin";
    static final String REVIEWER = "setupapireviewer";
    static final String PASSWORD = "Staff2026pw";
    static final String BASE = "/api/v1/admin";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestData testData;

    MockMvc mvc;
    String code;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AdminTestData.from(applicationContext);
        testData.resetDistricts();
        staff(ADMIN, StaffScope.ADMIN_GROUP);
        staff(REVIEWER, MaterialReviewProcess.siteGroup("1201"));
        code = SetupFixtures.freeDistrictCode(applicationContext);
    }

    private void staff(String id, String group) {
        SetupFixtures.staffUser(identityService, id, PASSWORD, group);
    }

    private String json(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(httpBasic(ADMIN, PASSWORD))).andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptSetsUpADistrictAndImportsItsCandidates() throws Exception {
        json(post(BASE + "/districts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"name\":\"接口考区\"}"), 201);
        json(post(BASE + "/districts/" + code + "/sites").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "01\",\"name\":\"第一考点\"}"), 201);
        json(post(BASE + "/districts/" + code + "/sites").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "02\",\"name\":\"第二考点\"}"), 201);
        mvc.perform(get(BASE + "/districts/" + code + "/sites").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$[*].code").value(Matchers.contains(code + "01", code + "02")));

        String saved = json(put(BASE + "/districts/" + code + "/catalog/DENTAL_TRAINING").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"口腔专业培训证明","description":"口腔类别考生上传","minCount":1,"maxCount":2,
                         "sortOrder":15,"requiredFor":["口腔执业医师"]}"""), 200);
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(saved, "$.outcome")).isEqualTo("CREATED");
        mvc.perform(get(BASE + "/districts/" + code + "/catalog").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$[?(@.code=='DENTAL_TRAINING')].requiredFor[0]").value(ExamCategories.DENTAL))
                .andExpect(jsonPath("$[?(@.code=='ID_CARD')].minCount").value(2));

        String withExample = mvc.perform(multipart(BASE + "/districts/" + code + "/catalog/DENTAL_TRAINING/example")
                        .file(new MockMultipartFile("file", "e.png", "image/png", TestImages.png(TestImages.document(300, 200, 9))))
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String example = JsonPath.read(withExample, "$.exampleImage");
        // Candidates (anyone) see the example; a stored key that is no catalog's example is never served.
        mvc.perform(get(example)).andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(get("/examples/uploaded/ab/not-an-example.jpg")).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/districts/" + code + "/catalog/changes").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$[0].action").value("EXAMPLE"))
                .andExpect(jsonPath("$[1].action").value("CREATED"))
                .andExpect(jsonPath("$[1].changedBy").value(ADMIN))
                .andExpect(jsonPath("$[1].changedAt").value(Matchers.endsWith("+08:00")));

        String csv = String.join(",", CandidateImportService.HEADER) + "\n" + String.join(",",
                TestData.uniqueRegistrationNo(code + "01"), "张口腔", SetupFixtures.idNumber(code), "13900000001",
                ExamCategories.DENTAL, code, code + "01") + "\n";
        mvc.perform(multipart(BASE + "/candidates/import").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.processesStarted").value(1));
    }

    @Test
    void refusalsAreProblemsWithAStableCode() throws Exception {
        mvc.perform(post(BASE + "/districts").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"12\",\"name\":\"天津\"}")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DISTRICT_EXISTS"))
                .andExpect(jsonPath("$.detail").value("考区 12 已存在。"));
        mvc.perform(post(BASE + "/districts/12/sites").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"1399\",\"name\":\"x\"}")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SITE_CODE_NOT_IN_DISTRICT"));
        mvc.perform(put(BASE + "/districts/12/catalog/ID_CARD").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"身份证明\",\"description\":\"x\",\"minCount\":3,\"maxCount\":2}")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MATERIAL_TYPE_INVALID"));
        mvc.perform(multipart(BASE + "/setup/import").file(new MockMultipartFile("file", "s.yaml", "application/yaml",
                        "districts: [ {code: 1".getBytes(StandardCharsets.UTF_8))).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SETUP_FILE_INVALID"));
    }

    @Test
    void theFileImportReportsEveryEntry() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "province.yaml", "application/yaml",
                SetupFixtures.setupYaml(code, "文件考区").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(BASE + "/setup/import").file(file).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(4)).andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.rows[1].where").value("districts[1].sites[1]"))
                .andExpect(jsonPath("$.rows[1].outcome").value("CREATED"));
        mvc.perform(multipart(BASE + "/setup/import").file(file).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.unchanged").value(5));
    }

    /** New builders on each call: {@code with(httpBasic(...))} stays on a builder. */
    List<MockHttpServletRequestBuilder> setupEndpoints() {
        return List.of(
                post(BASE + "/districts").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"name\":\"x\"}"),
                put(BASE + "/districts/12").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
                get(BASE + "/districts/12/sites"),
                post(BASE + "/districts/12/sites").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"1209\",\"name\":\"x\"}"),
                put(BASE + "/districts/12/sites/1201").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
                get(BASE + "/districts/12/catalog"),
                put(BASE + "/districts/12/catalog/ID_CARD").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
                get(BASE + "/districts/12/catalog/changes"),
                multipart(BASE + "/setup/import").file(new MockMultipartFile("file", "s.yaml", "application/yaml", new byte[]{1})));
    }

    @Test
    void onlyAdministratorsMaySetUp() throws Exception {
        for (MockHttpServletRequestBuilder request : setupEndpoints()) {
            mvc.perform(request.with(httpBasic(REVIEWER, PASSWORD))).andExpect(status().isForbidden());
        }
        for (MockHttpServletRequestBuilder request : setupEndpoints()) {
            mvc.perform(request).andExpect(status().isUnauthorized());
        }
        mvc.perform(get(BASE + "/districts").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(jsonPath("$[?(@.districtCode=='" + code + "')]").isEmpty());
    }
}
