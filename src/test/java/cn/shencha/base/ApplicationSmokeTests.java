package cn.shencha.base;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running app over real HTTP: the UI, the Camunda webapps and REST are served, and each asks who is asking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class})
class ApplicationSmokeTests {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired TestData data;

    Candidate candidate;

    @BeforeEach
    void setUp() {
        data.resetDistricts();
        candidate = data.candidate("1201");
        staff("smokeadmin", StaffScope.ADMIN_GROUP);
        staff("smokesite1201", "site1201");
    }

    @Test
    void uiAndWebappsAskAnonymousVisitorsToSignIn() throws Exception {
        assertThat(http.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // java.net.http does not follow redirects by default: the webapps answer with the way to the login page.
        HttpResponse<String> tasklist = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(URI.create(tasklist.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/login");
    }

    @Test
    void theFaviconIsServedToAnyone() {
        var favicon = http.getForEntity("/favicon.ico", byte[].class);
        assertThat(favicon.getStatusCode()).isEqualTo(HttpStatus.OK);
        // An ICO file: reserved 0, type 1 (icon), then at least one image.
        assertThat(favicon.getBody()).startsWith(0, 0, 1, 0);
    }

    @Test
    void engineRestNeedsStaffCredentials() {
        String path = "/engine-rest/process-definition?key=material-review";
        ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        ResponseEntity<String> admin = http.withBasicAuth("smokeadmin", "Smoke2026").getForEntity(path, String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("\"key\":\"material-review\"");

        ResponseEntity<String> wrongPassword = http.withBasicAuth("smokeadmin", "nope").getForEntity(path, String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> asCandidate = http.withBasicAuth(candidate.getRegistrationNo(), TestData.PASSWORD)
                .getForEntity(path, String.class);
        assertThat(asCandidate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void camundaAuthorizationLimitsAReviewerToTheirOwnTasks() {
        data.completeRequiredMaterials(candidate);
        Candidate otherSite = data.candidate("1202");
        data.completeRequiredMaterials(otherSite);
        submit(candidate);
        submit(otherSite);

        String reviewerTasks = http.withBasicAuth("smokesite1201", "Smoke2026")
                .getForObject("/engine-rest/task?processInstanceBusinessKey=" + candidate.getRegistrationNo(), String.class);
        assertThat(reviewerTasks).contains("siteReview");
        String otherTasks = http.withBasicAuth("smokesite1201", "Smoke2026")
                .getForObject("/engine-rest/task?processInstanceBusinessKey=" + otherSite.getRegistrationNo(), String.class);
        assertThat(otherTasks).isEqualTo("[]");
    }

    @Test
    void openApiDescriptionIsServedToStaffOnly() {
        ResponseEntity<String> anonymous = http.getForEntity("/v3/api-docs", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(candidate.getRegistrationNo(), TestData.PASSWORD).getForEntity("/v3/api-docs", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> docs = http.withBasicAuth("smokesite1201", "Smoke2026").getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("/api/v1/review/tasks/{taskId}/decision");
    }

    /** Without TRUSTED_PROXIES, forwarded headers are the client's own words: ignored. */
    @Test
    void forwardedHeadersOfAnUntrustedPeerAreIgnored() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.7").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        // A script cannot escape the throttle by naming a new address with every guess.
        String registrationNo = candidate.getRegistrationNo();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri()
                            + "/api/v1/me")).header("X-Forwarded-For", "198.51.100." + (10 + i))
                    .header("Authorization", basic(registrationNo, "Guess2026x" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(guess.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri()
                        + "/api/v1/me")).header("X-Forwarded-For", "198.51.100.99")
                .header("Authorization", basic(registrationNo, TestData.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(locked.statusCode()).isEqualTo(429);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Autowired cn.shencha.review.SubmissionService submissions;

    private void submit(Candidate c) {
        submissions.submit(c.getId(), java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private void staff(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword("Smoke2026");
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }
}
