package cn.shencha.materials.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.materials.TestImages;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import cn.shencha.exam.Phase;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** The candidate API v1 over HTTP (MockMvc with the real security chain), errors as problem+json with a code. */
@ShenchaSpringTest
class CandidateApiTests {

    static final String PROBLEM = "application/problem+json";

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    TransactionTemplate tx;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        data.resetDistricts();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void activatesAnAccountOnce() throws Exception {
        String idNumber = TestData.validIdNumber();
        String registrationNo = TestData.uniqueRegistrationNo("1201");
        tx.executeWithoutResult(s -> candidates.save(new Candidate(TestData.SEASON, registrationNo, "新考生", idNumber, null, "临床执业医师",
                "12", "1201", data.clock().instant())));
        String body = "{\"registrationNo\":\"" + registrationNo + "\",\"idNumber\":\"" + idNumber + "\",\"password\":\"Secret2026\"}";

        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession)
                mvc.perform(post("/api/v1/activation").with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON).content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.registrationNo").value(registrationNo))
                        .andExpect(jsonPath("$.activatedAt").value(startsWith("2026-02-01T09:00:00+08:00")))
                        .andReturn().getRequest().getSession(false);
        // Activation signed the candidate in: the session works at once, for this candidate only.
        mvc.perform(get("/api/v1/me").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registrationNo").value(registrationNo));
        mvc.perform(post("/api/v1/activation").with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("ALREADY_ACTIVATED"));
        mvc.perform(post("/api/v1/activation").with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(idNumber, "110101199001011237")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ACTIVATION_MISMATCH"));
        mvc.perform(get("/api/v1/me").with(httpBasic(registrationNo, "Secret2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("新考生"));
    }

    @Test
    void meShowsStageDeadlinesAndLock() throws Exception {
        Candidate candidate = data.candidate("1201");
        mvc.perform(get("/api/v1/me").with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registrationNo").value(candidate.getRegistrationNo()))
                .andExpect(jsonPath("$.stage").value("UPLOADING"))
                .andExpect(jsonPath("$.stageText").value("上传材料中"))
                .andExpect(jsonPath("$.deadlines.uploadDeadline").value("2026-02-12T00:00:00+08:00"))
                .andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/me").with(httpBasic(candidate.getRegistrationNo(), "wrong-password1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void uploadsListsServesAndDeletesImages() throws Exception {
        Candidate candidate = data.candidate("1201");
        byte[] photo = TestImages.jpeg(TestImages.document(3000, 2250, 1), 0.9f);

        MvcResult created = mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "IMG_2001.JPG", "image/jpeg", photo)).with(as(candidate)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/me/images/")))
                .andExpect(jsonPath("$.image.state").value("ACTIVE"))
                .andExpect(jsonPath("$.image.typeCode").value("DIPLOMA"))
                .andExpect(jsonPath("$.notes[0].code").value("SHRUNK"))
                .andExpect(jsonPath("$.notes[0].text").value(startsWith("压缩自 ")))
                .andExpect(jsonPath("$.warnings").isArray())
                .andReturn();
        Integer id = JsonPath.read(created.getResponse().getContentAsString(), "$.image.id");

        mvc.perform(get("/api/v1/me/materials").with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.types[?(@.typeCode=='ID_CARD')].maxCount").value(hasItem(2)))
                .andExpect(jsonPath("$.types[?(@.typeCode=='DIPLOMA')].images[0].id").value(hasItem(id)))
                .andExpect(jsonPath("$.canSubmit").value(false))
                .andExpect(jsonPath("$.missing").value(hasItem("身份证明")));

        MvcResult image = mvc.perform(get("/api/v1/me/images/" + id).with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn();
        assertThat(image.getResponse().getContentAsByteArray().length).isLessThanOrEqualTo(200 * 1024);
        assertThat(TestImages.read(image.getResponse().getContentAsByteArray()).getWidth()).isGreaterThanOrEqualTo(1280);

        mvc.perform(delete("/api/v1/me/images/" + id).with(as(candidate)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me/images/" + id).with(as(candidate)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IMAGE_NOT_FOUND"));
    }

    @Test
    void refusesFilesWithProblemDetailsInTheRequestersLanguage() throws Exception {
        Candidate candidate = data.candidate("1201");
        byte[] gif = TestImages.write(TestImages.quadrants(100, 80), "gif");

        mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", gif)).with(as(candidate)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_FORMAT"))
                .andExpect(jsonPath("$.detail").value(containsString("GIF 动图")));
        mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", gif)).with(as(candidate))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail").value(containsString("a GIF animation")));
        mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images").with(as(candidate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FILE_EMPTY"));
        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 2, 0), 0.8f);
        mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2)))
                        .with(as(candidate)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IMAGE_TRUNCATED"));
        mvc.perform(multipart("/api/v1/me/materials/NO_SUCH/images")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", jpeg)).with(as(candidate)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("MATERIAL_TYPE_NOT_FOUND"));
    }

    @Test
    void anotherCandidatesImageIsNotFoundWhateverTheId() throws Exception {
        Candidate owner = data.candidate("1201");
        Candidate other = data.candidate("1201");
        MvcResult created = mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg",
                                TestImages.jpeg(TestImages.document(800, 600, 3, 0), 0.8f))).with(as(owner)))
                .andExpect(status().isCreated()).andReturn();
        Integer id = JsonPath.read(created.getResponse().getContentAsString(), "$.image.id");

        for (String path : new String[]{"/api/v1/me/images/" + id, "/api/v1/me/images/999999999"}) {
            mvc.perform(get(path).with(as(other)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("IMAGE_NOT_FOUND"));
        }
        mvc.perform(delete("/api/v1/me/images/" + id).with(as(other)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IMAGE_NOT_FOUND"));
        mvc.perform(get("/api/v1/me/images/" + id).with(as(owner))).andExpect(status().isOk());
    }

    @Test
    void submitsOnceAndThenRefusesChanges() throws Exception {
        Candidate candidate = data.candidate("1201");
        mvc.perform(post("/api/v1/me/submission").with(as(candidate)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MATERIALS_INCOMPLETE"))
                .andExpect(jsonPath("$.items").value(hasItem("学历证书")));

        MvcResult created = mvc.perform(multipart("/api/v1/me/materials/OTHER/images")
                        .file(new MockMultipartFile("file", "a.png", "image/png", TestImages.png(TestImages.quadrants(700, 700))))
                        .with(as(candidate)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.image.contentType").value("image/png"))
                .andReturn();
        Integer id = JsonPath.read(created.getResponse().getContentAsString(), "$.image.id");
        data.completeRequiredMaterials(candidate);

        mvc.perform(post("/api/v1/me/submission").with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("SUBMITTED"))
                .andExpect(jsonPath("$.stage").value("SITE_REVIEW"));
        mvc.perform(post("/api/v1/me/submission").with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_SUBMITTED"));
        mvc.perform(delete("/api/v1/me/images/" + id).with(as(candidate)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SUBMITTED"));
        mvc.perform(get("/api/v1/me").with(as(candidate)))
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.lockReason").value("SUBMITTED"));
        mvc.perform(get("/api/v1/me/verdict").with(as(candidate)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_PUBLISHED"));
        mvc.perform(get("/api/v1/me/messages").with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
    }

    @Test
    void afterTheDeadlineLockedTheCaseAnUploadIsRefusedForTheDeadlineNotAsSubmitted() throws Exception {
        Candidate candidate = data.candidate("1201");
        data.clock().set(TestData.TIANJIN_2026.uploadDeadline());
        data.fireUploadDeadline(candidate);
        assertThat(data.state(data.reload(candidate)).phase()).isEqualTo(Phase.SITE_REVIEW); // auto-locked, never submitted

        mvc.perform(multipart("/api/v1/me/materials/OTHER/images")
                        .file(new MockMultipartFile("file", "late.png", "image/png", TestImages.png(TestImages.quadrants(700, 700))))
                        .with(as(candidate)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("UPLOAD_DEADLINE_PASSED"))
                .andExpect(jsonPath("$.detail").value("上传时间已截止，材料已锁定，无法修改。"));
        mvc.perform(post("/api/v1/me/submission").with(as(candidate)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UPLOAD_DEADLINE_PASSED"));
        mvc.perform(get("/api/v1/me").with(as(candidate)))
                .andExpect(jsonPath("$.lockReason").value("UPLOAD_DEADLINE_PASSED"));
    }

    @Test
    void staffAreNotCandidatesAndTheApiIsDescribed() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("nobody", "nothing1")))
                .andExpect(status().isUnauthorized());
        // The description is for staff (docs/security.md).
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(user("integrator").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me/materials/{typeCode}/images'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/verdict'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/activation'].post").exists());
    }

    private static RequestPostProcessor as(Candidate candidate) {
        return httpBasic(candidate.getRegistrationNo(), TestData.PASSWORD);
    }
}
