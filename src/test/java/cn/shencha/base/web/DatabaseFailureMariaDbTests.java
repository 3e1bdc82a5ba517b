package cn.shencha.base.web;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.ui.KaribuViewTest;
import cn.shencha.exam.Candidate;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.materials.TestImages;
import cn.shencha.support.DatabaseProxy;
import cn.shencha.support.MariaDbUrls;
import cn.shencha.support.TestData;
import cn.shencha.support.TestPorts;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app (Tomcat, the production profile's driver settings) with MariaDB behind a proxy the test cuts:
 * a request whose database goes away, or waits too long for a row lock, answers 503 as problem+json with a
 * stable code and Retry-After, never a 2xx, and stores nothing; in the Vaadin UI (Karibu, no browser) the
 * candidate reads "系统繁忙，请稍后重试" and nothing changes.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "mysql", "mariadb"})
class DatabaseFailureMariaDbTests extends KaribuViewTest {

    private static final String URL = MariaDbUrls.testUrl();
    private static final DatabaseProxy PROXY;

    static {
        String[] target = MariaDbUrls.hostAndPort(URL).split(":");
        PROXY = new DatabaseProxy(target[0], target.length > 1 ? Integer.parseInt(target[1]) : 3306);
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        // A row lock is waited for 3 s here instead of InnoDB's 50 s; a broken pool waits 2 s for a connection.
        registry.add("spring.datasource.url", () -> MariaDbUrls.withHostAndPort(URL, "127.0.0.1:" + PROXY.port())
                + "&sessionVariables=innodb_lock_wait_timeout=3");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("server.port", TestPorts::free);
    }

    @LocalServerPort
    int port;
    @Autowired
    MaterialImageRepository images;
    @Autowired
    javax.sql.DataSource dataSource;
    @org.springframework.beans.factory.annotation.Value("${shencha.storage.dir}")
    java.nio.file.Path storageDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Candidate candidate;

    @BeforeEach
    void candidate() {
        candidate = testData.candidate("1201");
    }

    @AfterEach
    void databaseBack() throws Exception {
        restoreDatabase();
        // The pool backs off after failed connects: the next test starts once it has a connection again.
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); ; Thread.sleep(200)) {
            try (Connection connection = dataSource.getConnection()) {
                return;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the app's pool did not reconnect", e);
                }
            }
        }
    }

    /**
     * The proxy passes traffic again, and the pool drops the connections the cut closed: Hikari checks a connection
     * on borrow only after 500 ms idle, so a broken one would fail the next statement. The pool opens new ones.
     */
    private void restoreDatabase() throws java.sql.SQLException {
        PROXY.restore();
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void anUploadWhoseDatabaseGoesAwayIsRefusedWith503AndNothingIsStored() throws Exception {
        PROXY.cutOnStatements("insert into material_image");

        HttpResponse<String> response = upload("ID_CARD", TestImages.jpeg(TestImages.document(1200, 800, 7), 0.9f));

        assertDatabaseUnavailable(response);
        restoreDatabase();
        assertThat(images.findByCandidateIdOrderByUploadedAt(candidate.getId())).isEmpty();
    }

    /**
     * The deployment's finding: the connection is lost when the upload's write transaction begins, and the driver's
     * root cause (an EOFException) made Spring answer an empty 200.
     */
    @Test
    void anUploadWhoseTransactionCannotBeginIsRefusedWith503NotAnEmpty200() throws Exception {
        PROXY.cutOnStatements("material_type", "autocommit=0");

        HttpResponse<String> response = upload("ID_CARD", TestImages.jpeg(TestImages.document(1200, 800, 9), 0.9f));

        assertDatabaseUnavailable(response);
        restoreDatabase();
        assertThat(images.findByCandidateIdOrderByUploadedAt(candidate.getId())).isEmpty();
    }

    @Test
    void aSubmissionWhoseDatabaseGoesAwayIsRefusedWith503() throws Exception {
        testData.completeRequiredMaterials(candidate);
        PROXY.cutOnStatements("ACT_RU_");

        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/v1/me/submission"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertDatabaseUnavailable(response);
        restoreDatabase();
        assertThat(testData.state(testData.reload(candidate)).submittedAt()).isNull();
    }

    @Test
    void signingInWhileTheDatabaseIsDownIs503NotAnError500() throws Exception {
        PROXY.cut();

        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/v1/me")).GET());

        assertDatabaseUnavailable(response);
    }

    @Test
    void aRowLockHeldTooLongIs503DatabaseBusy() throws Exception {
        try (Connection holder = DriverManager.getConnection(URL, "root", "")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from candidate where id = ? for update")) {
                lock.setLong(1, candidate.getId());
                try (ResultSet rows = lock.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }

            HttpResponse<String> response = upload("ID_CARD", TestImages.jpeg(TestImages.document(1200, 800, 8), 0.9f));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"DATABASE_BUSY\"");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            holder.rollback();
        }
    }

    @Test
    void anUnknownApiPathIsProblemJsonToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/v1/me/nothing-here")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void anExistingApiPathWithTheWrongMethodIs405WithTheMethodsItHas() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/v1/me/materials"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void anUploadInTheUiWhoseDatabaseGoesAwaySaysTheSystemIsBusyAndStoresNothing() throws Exception {
        signIn(candidate);
        navigate("materials");
        PROXY.cutOnStatements("material_type", "autocommit=0");

        _upload(_get(_get(Component.class, spec -> spec.withId("material-ID_CARD")), Upload.class), "front.jpg",
                "image/jpeg", TestImages.jpeg(TestImages.document(1200, 800, 10), 0.9f));

        assertThat(notifications()).anyMatch(text -> text.contains("系统繁忙，请稍后重试"));
        restoreDatabase();
        assertThat(images.findByCandidateIdOrderByUploadedAt(candidate.getId())).isEmpty();
    }

    @Test
    void aSubmissionInTheUiWhoseDatabaseGoesAwaySaysTheSystemIsBusyAndChangesNothing() throws Exception {
        testData.completeRequiredMaterials(candidate);
        signIn(candidate);
        navigate("materials");
        String stageBefore = _get(Component.class, spec -> spec.withId("materials-stage"))
                .getElement().getTextRecursively();
        PROXY.cutOnStatements("ACT_RU_");

        _click(_get(Button.class, spec -> spec.withId("submit-review")));
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(notifications()).contains("系统繁忙，请稍后重试。");
        assertThat(_get(Component.class, spec -> spec.withId("materials-stage"))
                .getElement().getTextRecursively()).isEqualTo(stageBefore);
        assertThat(_find(Button.class, spec -> spec.withId("submit-review"))).hasSize(1);
        restoreDatabase();
        assertThat(testData.state(testData.reload(candidate)).submittedAt()).isNull();
    }

    @Test
    void anyOtherFailureInTheUiSaysTheSystemIsBusyInsteadOfVaadinsInternalError() {
        signIn(candidate);
        navigate("materials");

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("a defect")));

        assertThat(notifications()).contains("系统繁忙，请稍后重试。");
    }

    /**
     * Issue 15's database restart: MySQL gone for 15 s while candidates upload. Meanwhile every answer is a 503
     * problem+json that says 系统繁忙，请稍后重试 (or a 201 for an upload that committed before the cut), never
     * another status; once the database is back the same app, not restarted and its pool left alone, stores uploads
     * again within seconds; every 201 has its row and its file, and no file of the outage is left without a row.
     */
    @Test
    void aDatabaseDownForFifteenSecondsUnderUploadLoadIs503MeanwhileAndTheAppRecoversByItself() throws Exception {
        List<Candidate> uploaders = java.util.stream.IntStream.range(0, 4).mapToObj(i -> testData.candidate("1201")).toList();
        java.time.Instant testStart = java.time.Instant.now().minusSeconds(1);
        java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>("up");
        java.util.Map<Integer, Integer> storedAfterRestore = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<String> slots = java.util.List.of("ID_CARD", "ID_CARD", "DIPLOMA", "DIPLOMA", "DIPLOMA",
                "PROBATION", "PROBATION", "PROBATION", "REGISTRATION_FORM", "REGISTRATION_FORM", "REGISTRATION_FORM",
                "REGISTRATION_FORM", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER");
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(uploaders.size());
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (int c = 0; c < uploaders.size(); c++) {
            int client = c;
            running.add(clients.submit(() -> {
                int next = 0;
                while (!"done".equals(phase.get()) && next < slots.size()) {
                    String during = phase.get();
                    HttpResponse<String> response = uploadAs(uploaders.get(client), slots.get(next),
                            TestImages.jpeg(TestImages.document(1000, 700, 100 * client + next + 1), 0.85f));
                    answers.merge(during + " " + response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 201) {
                        acknowledged.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
                                .get("image").get("id").asLong());
                        next++;
                        if ("restored".equals(during)) {
                            storedAfterRestore.merge(client, 1, Integer::sum);
                        }
                    } else if (response.statusCode() != 503 || !response.body().contains("系统繁忙，请稍后重试")
                            || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        wrong.add(during + ": " + response.statusCode() + " " + response.body());
                    }
                    Thread.sleep(300);
                }
                return null;
            }));
        }
        try {
            Thread.sleep(3000);
            phase.set("down");
            PROXY.cut();
            Thread.sleep(15_000);
            PROXY.restore(); // and nothing else: the pool finds its broken connections by itself
            phase.set("restored");
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (storedAfterRestore.size() < uploaders.size() && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            phase.set("done");
            for (java.util.concurrent.Future<?> client : running) {
                client.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            phase.set("done");
            clients.shutdownNow();
        }

        assertThat(wrong).as("answers other than 201 and the 503 problem").isEmpty();
        assertThat(answers).as("answers by phase").containsKey("down 503");
        assertThat(storedAfterRestore).as("uploads stored after the database came back, per candidate")
                .hasSize(uploaders.size());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Candidate uploader : uploaders) {
            images.findByCandidateIdOrderByUploadedAt(uploader.getId()).forEach(image -> {
                keys.add(image.getStorageKey());
                assertThat(storageDir.resolve(image.getStorageKey())).as("file of image %d", image.getId()).isRegularFile();
            });
        }
        java.util.Set<Long> rows = uploaders.stream()
                .flatMap(u -> images.findByCandidateIdOrderByUploadedAt(u.getId()).stream().map(i -> i.getId()))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(rows).as("rows of the uploads").containsAll(acknowledged);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(storageDir)) {
            List<String> orphans = files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> modifiedSince(f, testStart))
                    .map(f -> storageDir.relativize(f).toString().replace('\\', '/'))
                    .filter(key -> !keys.contains(key)).toList();
            assertThat(orphans).as("files of the outage without a row").isEmpty();
        }
    }

    private static boolean modifiedSince(java.nio.file.Path file, java.time.Instant since) {
        try {
            return java.nio.file.Files.getLastModifiedTime(file).toInstant().isAfter(since);
        } catch (java.io.IOException e) {
            return false; // removed meanwhile
        }
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> upload(String typeCode, byte[] jpeg) throws Exception {
        return uploadAs(candidate, typeCode, jpeg);
    }

    private HttpResponse<String> uploadAs(Candidate who, String typeCode, byte[] jpeg) throws Exception {
        String boundary = "----shencha" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(who, HttpRequest.newBuilder(api("/api/v1/me/materials/" + typeCode + "/images"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(candidate, request);
    }

    private HttpResponse<String> send(Candidate who, HttpRequest.Builder request) throws Exception {
        String credentials = who.getRegistrationNo() + ":" + TestData.PASSWORD;
        return http.send(request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
