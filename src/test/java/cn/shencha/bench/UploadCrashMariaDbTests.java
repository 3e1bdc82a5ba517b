package cn.shencha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.bench.BenchCandidates.Person;
import cn.shencha.bench.BenchClient.Response;
import cn.shencha.support.MariaDbUrls;
import cn.shencha.support.S3ProxyExtension;
import cn.shencha.support.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One node killed (kill -9) with many uploads in flight, then started again on the same database and the same image
 * store, as an operator restarts a crashed node. The app runs in its own JVM ({@link AppUnderTest}, as the benchmark
 * starts it) on MariaDB, once with the file store and once with the S3 store (S3Proxy). Afterwards every upload that
 * got its 201 is there: its row, its file or object byte for byte as the candidate downloads it again, the row's
 * SHA-256 and size; no row points at a missing file; and the files a crash leaves without a row (a write cut off
 * between the file and the commit, plus one planted so that the sweep is always seen working) are removed by the
 * image sweeper after the restart (its grace and first delay shortened here to seconds), while every file with a row,
 * and an upload made after the restart, stays.
 */
@Tag("mariadb")
class UploadCrashMariaDbTests {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();
    private static final String BUCKET = "upload-crash";
    private static final String DISTRICT = "34";
    /** Candidates uploading at once, each as fast as the app answers: the 2 decoders always have a queue. */
    private static final int UPLOADERS = 12;
    /** Uploads acknowledged before the kill. */
    private static final int ACKS_BEFORE_KILL = 60;
    private static final Pattern IMAGE_KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f\\-]{36}\\.(jpg|png)");

    private final String database = MariaDbUrls.scratchDatabase();
    /** The app's own URL parameter: without it Connector/J's metadata finds the engine's tables in the other test database. */
    private final String jdbcUrl = withCurrentDatabaseOnly(MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), database));
    private final Path workDir = Path.of("target", "upload-crash").toAbsolutePath();
    private final Path images = workDir.resolve("images");
    private AppUnderTest app;

    enum Store { FILES, S3 }

    @BeforeEach
    void emptyDatabaseAndStore() throws Exception {
        try (Connection c = DriverManager.getConnection(MariaDbUrls.testUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        }
        if (Files.exists(workDir)) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(images);
        S3.createBucket(BUCKET);
        try (S3Client s3 = S3.client()) {
            for (String key : objectKeys(s3)) {
                s3.deleteObject(b -> b.bucket(BUCKET).key(key));
            }
        }
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        if (app != null) {
            app.close();
        }
        try (Connection c = DriverManager.getConnection(MariaDbUrls.testUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void fileStore() throws Exception {
        killMidUploadAndRestart(Store.FILES);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void s3Store() throws Exception {
        killMidUploadAndRestart(Store.S3);
    }

    record Ack(int client, long imageId, int picture, int sizeBytes) {
    }

    private void killMidUploadAndRestart(Store store) throws Exception {
        app = startApp(store, "1", List.of());
        BenchClient admin = new BenchClient(app.baseUrl()).signIn(Benchmark.ADMIN, Benchmark.ADMIN_PASSWORD);
        List<Person> people = BenchCandidates.of(DISTRICT, 0, UPLOADERS);
        Response imported = admin.postFile("/api/v1/admin/candidates/import", "candidates.csv", "text/csv",
                BenchCandidates.csv(DISTRICT, people).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.ok()).as("import: %s", imported.body()).isTrue();
        List<BenchClient> clients = new ArrayList<>();
        for (Person p : people) {
            BenchClient client = new BenchClient(app.baseUrl());
            Response r = client.postJson("/api/v1/activation", Map.of("registrationNo", p.registrationNo(),
                    "idNumber", p.idNumber(), "password", BenchCandidates.PASSWORD));
            assertThat(r.status()).as("activation: %s", r.body()).isEqualTo(201);
            clients.add(client);
        }
        List<byte[]> pictures = BenchImages.smallJpegs(28); // 0-26 before the kill, 26 planted, 27 after
        List<String> slots = slots();

        // Every candidate uploads into its slots as fast as the app answers; the kill comes in the middle of it.
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> failuresBeforeKill = Collections.synchronizedList(new ArrayList<>());
        Thread uploads = new Thread(() -> Workers.run(UPLOADERS, w -> {
            for (int next = 0; next < slots.size() && !killed.get(); next++) {
                int picture = next + w % 2;
                try {
                    Response r = clients.get(w).postFile("/api/v1/me/materials/" + slots.get(next) + "/images", "p.jpg",
                            "image/jpeg", pictures.get(picture));
                    answers.merge(String.valueOf(r.status()), 1, Integer::sum);
                    if (r.status() == 201) {
                        acks.add(new Ack(w, r.json().get("image").get("id").asLong(), picture,
                                r.json().get("image").get("sizeBytes").asInt()));
                    } else if (!killed.get()) {
                        failuresBeforeKill.add(r.status() + " " + r.body());
                    }
                } catch (UncheckedIOException e) {
                    answers.merge("no answer", 1, Integer::sum);
                    if (!killed.get()) {
                        failuresBeforeKill.add(String.valueOf(e.getCause()));
                    }
                }
            }
        }), "crash-uploads");
        uploads.start();
        long timeout = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (acks.size() < ACKS_BEFORE_KILL) {
            assertThat(System.nanoTime()).as("%d uploads acknowledged within 3 minutes", ACKS_BEFORE_KILL).isLessThan(timeout);
            assertThat(uploads.isAlive()).as("uploaders still uploading").isTrue();
            AppUnderTest.sleep(20);
        }
        killed.set(true);
        app.kill();
        uploads.join(TimeUnit.MINUTES.toMillis(2));
        List<Ack> acknowledged = List.copyOf(acks);
        assertThat(failuresBeforeKill).as("answers other than 201 before the kill").isEmpty();

        // What the crash left, before anything runs again.
        Map<String, String[]> rowsByKey = rows();
        Set<String> storedAtCrash = storedKeys(store);
        Set<String> crashOrphans = new HashSet<>(storedAtCrash);
        crashOrphans.removeAll(rowsByKey.keySet());
        long interruptedWrites = store == Store.FILES ? interruptedWrites() : 0;
        assertThat(storedAtCrash).as("no row points at a missing file").containsAll(rowsByKey.keySet());
        String planted = plantOrphan(store, pictures.get(26));

        // The node starts again on the same database and store, its sweeper due within seconds.
        app = startApp(store, "2", List.of("--shencha.materials.orphan-grace=PT10S",
                "--shencha.materials.sweep-initial-delay=PT15S", "--shencha.materials.sweep-interval=PT10S"));
        BenchClient again = new BenchClient(app.baseUrl()).signIn(people.get(0).registrationNo(), BenchCandidates.PASSWORD);
        Response after = again.postFile("/api/v1/me/materials/OTHER/images", "after.jpg", "image/jpeg", pictures.get(27));
        assertThat(after.status()).as("an upload after the restart: %s", after.body()).isEqualTo(201);

        timeout = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Set<String> unreferenced;
        do {
            AppUnderTest.sleep(1000);
            unreferenced = new HashSet<>(storedKeys(store));
            unreferenced.removeAll(rows().keySet());
            assertThat(System.nanoTime()).as("files without a row swept within 2 minutes of the restart: %s", unreferenced)
                    .isLessThan(timeout);
        } while (!unreferenced.isEmpty() || (store == Store.FILES && interruptedWrites() > 0));
        assertThat(app.logLinesContaining("Removed ")).as("the sweeper's log line").isPositive();

        // Every acknowledged upload: its row, its stored bytes, and its candidate downloads the same bytes again.
        Map<String, String[]> rowsAfter = rows();
        Set<String> storedAfter = storedKeys(store);
        assertThat(storedAfter).as("no row points at a missing file after the sweep").containsAll(rowsAfter.keySet());
        assertThat(storedAfter).as("the planted orphan").doesNotContain(planted);
        Map<Long, String[]> rowsById = new HashMap<>();
        rowsAfter.forEach((key, row) -> rowsById.put(Long.parseLong(row[0]), new String[] {key, row[1], row[2], row[3]}));
        Map<Integer, BenchClient> signedIn = new HashMap<>();
        int identicalToUpload = 0;
        for (Ack ack : acknowledged) {
            String[] row = rowsById.get(ack.imageId());
            assertThat(row).as("row of acknowledged image %d", ack.imageId()).isNotNull();
            assertThat(row[1]).as("state of image %d", ack.imageId()).isEqualTo("ACTIVE");
            byte[] stored = read(store, row[0]);
            assertThat(sha256(stored)).as("stored bytes of image %d against its row's SHA-256", ack.imageId()).isEqualTo(row[2]);
            assertThat(stored.length).as("size of image %d", ack.imageId()).isEqualTo(ack.sizeBytes())
                    .isEqualTo(Integer.parseInt(row[3]));
            BenchClient candidate = signedIn.computeIfAbsent(ack.client(), w ->
                    new BenchClient(app.baseUrl()).signIn(people.get(w).registrationNo(), BenchCandidates.PASSWORD));
            BenchClient.Bytes download = candidate.getBytes("/api/v1/me/images/" + ack.imageId());
            assertThat(download.status()).as("image %d for its candidate", ack.imageId()).isEqualTo(200);
            assertThat(download.body()).as("image %d as the candidate downloads it", ack.imageId()).isEqualTo(stored);
            if (java.util.Arrays.equals(stored, pictures.get(ack.picture()))) {
                identicalToUpload++;
            }
        }
        // A 150 KB JPEG that needs no shrinking is stored as it was sent (ImagePipeline strips nothing from these).
        assertThat(identicalToUpload).as("acknowledged uploads stored byte for byte as sent").isEqualTo(acknowledged.size());
        int committedUnanswered = (int) rowsByKey.values().stream().map(r -> Long.parseLong(r[0]))
                .filter(id -> acknowledged.stream().noneMatch(a -> a.imageId() == id)).count();
        System.out.printf("[crash] %s store: %d uploads acknowledged before the kill; answers %s; rows at the crash %d"
                        + " (%d committed without their 201 reaching the client); files without a row left by the crash %d,"
                        + " interrupted writes %d, all swept after the restart%n",
                store, acknowledged.size(), new TreeMap<>(answers), rowsByKey.size(), committedUnanswered,
                crashOrphans.size(), interruptedWrites);
    }

    // ---------------------------------------------------------------- the app

    private AppUnderTest startApp(Store store, String run, List<String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "mysql,bench");
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", "root");
        env.put("DB_PASSWORD", "");
        env.put("ADMIN_USERNAME", Benchmark.ADMIN);
        env.put("ADMIN_PASSWORD", Benchmark.ADMIN_PASSWORD);
        env.put("SHENCHA_STORAGE_DIR", images.toString());
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.cn.shencha=INFO",
                "--server.address=127.0.0.1"));
        if (store == Store.S3) {
            S3.springProperties(BUCKET).forEach((name, value) -> args.add("--" + name + "=" + value));
        }
        args.addAll(extra);
        return AppUnderTest.start(store.name().toLowerCase() + "-" + run, TestPorts.free(), workDir,
                List.of("-Xmx600m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC"), env, args);
    }

    /** 26 slots: every type of the standard catalog as many times as it takes pictures. */
    private static List<String> slots() {
        List<String> slots = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ID_CARD", 2);
        counts.put("DIPLOMA", 3);
        counts.put("DEGREE", 2);
        counts.put("PROBATION", 3);
        counts.put("REGISTRATION_FORM", 4);
        counts.put("PRACTISING_CERTIFICATE", 4);
        counts.put("FOREIGN_DEGREE_VERIFICATION", 2);
        counts.put("OTHER", 6);
        counts.forEach((type, n) -> slots.addAll(Collections.nCopies(n, type)));
        return slots;
    }

    // ---------------------------------------------------------------- the database and the store

    /** @return every image row by storage key: id, state, sha256, size */
    private Map<String, String[]> rows() throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, storage_key, state, sha256, size_bytes from material_image")) {
            while (rs.next()) {
                rows.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        return rows;
    }

    private Set<String> storedKeys(Store store) throws IOException {
        if (store == Store.S3) {
            try (S3Client s3 = S3.client()) {
                return objectKeys(s3);
            }
        }
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(images)) {
            files.filter(Files::isRegularFile).map(f -> images.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> IMAGE_KEY.matcher(k).matches()).forEach(keys::add);
        }
        return keys;
    }

    private static Set<String> objectKeys(S3Client s3) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).forEach(keys::add);
        return keys;
    }

    /** Parts of file writes that a crash cut off ({@code .tmp/*.part}); the sweeper removes them too. */
    private long interruptedWrites() throws IOException {
        Path tmp = images.resolve(".tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> parts = Files.list(tmp)) {
            return parts.count();
        }
    }

    private byte[] read(Store store, String key) throws IOException {
        if (store == Store.S3) {
            try (S3Client s3 = S3.client()) {
                return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
            }
        }
        return Files.readAllBytes(images.resolve(key));
    }

    /** A file without a row, of the image keys' shape, as a crash between the write and the commit leaves one. */
    private String plantOrphan(Store store, byte[] content) throws IOException {
        String id = UUID.randomUUID().toString();
        String key = id.substring(0, 2) + "/" + id + ".jpg";
        if (store == Store.S3) {
            try (S3Client s3 = S3.client()) {
                s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
            }
        } else {
            Path file = images.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
        return key;
    }

    private static String withCurrentDatabaseOnly(String url) {
        return url.contains("nullDatabaseMeansCurrent") ? url : url + (url.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
