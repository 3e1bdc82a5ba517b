package cn.shencha.bench;

import static cn.shencha.bench.Report.kilobytes;
import static cn.shencha.bench.Report.megabytes;
import static cn.shencha.bench.Report.millis;
import static cn.shencha.bench.Report.rate;
import static cn.shencha.bench.Report.seconds;

import cn.shencha.bench.BenchCandidates.Person;
import cn.shencha.bench.BenchClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A district's deadline night on one node, measured from outside: the app runs in its own JVM on MariaDB
 * (or H2), the clients here talk HTTP to it like browsers, reviewers and administrators would, and the
 * database is only read to see when something has happened. Run with {@code ./mvnw -Pbench verify} (see
 * docs/performance.md); sizes are system properties (see {@link BenchSettings}).
 *
 * <p>Districts: 31 deadline night under Camunda's job-executor defaults (the "before"), 32 the big district
 * (deadline move, deadline night, reviewer decisions), 33 whole cases and UI sessions, 34 uploads.
 */
public final class Benchmark {

    static final String ADMIN = "benchadmin";
    static final String ADMIN_PASSWORD = "Night2026Bench";
    static final String MARIADB_URL = "jdbc:mysql://127.0.0.1:3306/";
    /** The database the run drops and creates ({@code -Dbench.databaseName}, so that worktrees do not share one). */
    static final String DATABASE = System.getProperty("bench.databaseName", "shencha_bench");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> REQUIRED = List.of("ID_CARD", "ID_CARD", "DIPLOMA", "PROBATION", "REGISTRATION_FORM");
    /** Every slot of the standard catalog: type and how many pictures it takes. */
    private static final Map<String, Integer> SLOTS = slots();

    /** Camunda's own defaults (Spring Boot starter and engine), stated so that the "before" run uses them. */
    static final List<String> CAMUNDA_DEFAULTS = List.of(
            "--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--camunda.bpm.job-execution.max-wait=60000",
            "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=false",
            "--camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs=false",
            "--camunda.bpm.generic-properties.properties.ensureJobDueDateNotNull=false",
            "--shencha.engine.extra-indexes=false");

    /** The app under load runs from the build's classes, with the benchmark's own (test) classes. */
    private static final String FROM_CLASSES = "from the build's classes; ";

    private final BenchSettings settings;
    private final Report report = new Report();
    private Observer observer;
    private List<byte[]> smallJpegs;

    Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = new Benchmark(settings).run();
        // The queues and cluster scenarios alone have their own sections, so that they do not replace the full run's table.
        report.writeInto(settings.report(), "all".equalsIgnoreCase(settings.scenarios())
                ? settings.database() : settings.database() + "-" + settings.scenarios().toLowerCase(Locale.ROOT));
        System.out.println(report.markdown());
        System.out.println("[bench] written to " + settings.report());
    }

    Report run() {
        long runStart = System.nanoTime();
        prepareWorkDir();
        String jdbcUrl = prepareDatabase();
        machineContext();
        smallJpegs = BenchImages.smallJpegs(26);
        List<Person> before = BenchCandidates.of("31", 0, settings.nightBefore());
        List<Person> night = BenchCandidates.of("32", 0, settings.night());
        List<Person> uploaders = BenchCandidates.of("34", 0, uploadCandidates() + settings.uploadClients()
                + settings.phonePhotos() + 1);
        // The same uploads once more, with the images in an S3 bucket: candidates of their own (every slot free).
        List<Person> s3Uploaders = BenchCandidates.of("34", uploaders.size(), uploadCandidates());

        if ("queues".equalsIgnoreCase(settings.scenarios())) {
            try {
                observer = new Observer(jdbcUrl, user(), "");
                reviewQueues(null);
            } finally {
                observer.close();
            }
            report.context("whole benchmark", seconds((System.nanoTime() - runStart) / 1e9));
            return report;
        }
        if ("night".equalsIgnoreCase(settings.scenarios())) {
            new CostScenarios(settings, report, jdbcUrl, smallJpegs).runNight();
            report.context("load average at the end", loadAverage());
            report.context("whole benchmark", seconds((System.nanoTime() - runStart) / 1e9));
            return report;
        }
        if ("cost".equalsIgnoreCase(settings.scenarios())) {
            new CostScenarios(settings, report, jdbcUrl, smallJpegs).run();
            report.context("load average at the end", loadAverage());
            report.context("whole benchmark", seconds((System.nanoTime() - runStart) / 1e9));
            return report;
        }
        if ("cluster".equalsIgnoreCase(settings.scenarios())) {
            try {
                observer = new Observer(jdbcUrl, user(), "");
                clusterScenarios(jdbcUrl, night, uploaders, s3Uploaders);
            } finally {
                observer.close();
            }
            report.context("load average at the end", loadAverage());
            report.context("whole benchmark", seconds((System.nanoTime() - runStart) / 1e9));
            return report;
        }
        // 0. The packaged jar as the Docker image runs it, on the empty database: creates the schema.
        extractedStartUp("first start: empty database, schema created (Flyway + Camunda)");
        try {
            // 1. The app as Camunda configures it by default: start-up, then a deadline night as the "before".
            if (settings.smoke()) {
                observer = new Observer(jdbcUrl, user(), "");
            } else try (AppUnderTest app = start("camunda-defaults", CAMUNDA_DEFAULTS)) {
                observer = new Observer(jdbcUrl, user(), "");
                startUp(app, FROM_CLASSES + (settings.jar() == null ? "first start: empty database, schema created (Flyway + Camunda)"
                        : "schema in place, no cases yet"));
                BenchClient admin = new BenchClient(app.baseUrl()).signIn(ADMIN, ADMIN_PASSWORD);
                importAll(admin, "31", before);
                importAll(admin, "34", uploaders);
                importAll(admin, "34", s3Uploaders);
                double importRate = importAll(admin, "32", night);
                report.add(new Report.Row("Import (admin CSV upload)", "candidates imported, each with its process started",
                        fmt(night.size()), rate(importRate), "—", null, "2,000 rows per file; one transaction per 200 rows"));
                Rate defaults = deadlineNight(app, admin, "31", before, false);
                report.context("job executor before", "Camunda defaults: " + String.join(" ", CAMUNDA_DEFAULTS));
                beforeNight = defaults;
            }
            // 2. The app as shipped (application.properties): everything else.
            try (AppUnderTest app = start("tuned", List.of())) {
                startUp(app, FROM_CLASSES + "restart: " + fmt(before.size() + night.size() + uploaders.size()
                        + s3Uploaders.size()) + " cases in the database");
                BenchClient admin = new BenchClient(app.baseUrl()).signIn(ADMIN, ADMIN_PASSWORD);
                if (settings.smoke()) { // no first run: its imports here
                    importAll(admin, "34", uploaders);
                    importAll(admin, "34", s3Uploaders);
                    double importRate = importAll(admin, "32", night);
                    report.add(new Report.Row("Import (admin CSV upload)", "candidates imported, each with its process started",
                            fmt(night.size()), rate(importRate), "—", null, "2,000 rows per file; one transaction per 200 rows"));
                }
                deadlineMove(admin, "32", night.size());
                Rate tuned = deadlineNight(app, admin, "32", night, true);
                if (beforeNight != null) {
                    report.tuning(new Report.Row("Job executor tuned + acquisition index (application.properties)",
                            "deadline night: auto-locked per second", fmt(night.size()) + " vs " + fmt(before.size()),
                            rate(tuned.perSecond()), rate(beforeNight.perSecond()), tuned.perSecond() > beforeNight.perSecond(),
                            "same app, same database; only the job-executor settings and the index differ"));
                }
                reviewerDecisions(app, "32");
                // Uploads once the app is warm (its JIT compiler done with the hot paths), as on any day of an
                // upload window but its first minutes; the CPU note says how much went to the JIT all the same.
                uploads(app, uploaders);
                phonePhotos(app, uploaders);
                wholeCases(app, admin);
                uiSessions(app);
                if (settings.smoke()) {
                    // One app start-up for the whole smoke test: the S3 step's uploads against this app (its store is
                    // the file store; the S3 store's own code is S3ImageStoreContractTests'), the review queues with the
                    // shipped design only (the two designs are compared in the real benchmark).
                    s3UploadRow(app, s3Uploaders, "smoke: the same app, on the file store");
                    reviewQueues(app);
                }
                report.context("app log (" + app.log().getFileName() + ")", app.logLinesContaining(" ERROR ") + " ERROR lines, "
                        + app.logLinesContaining("Deadlock found") + " lines naming a deadlock, " + app.logLinesContaining("OptimisticLockingException")
                        + " optimistic-locking conflicts");
            }
            if (!settings.smoke()) {
                // 2b. The same uploads with the images in an S3-compatible bucket instead of the directory.
                s3Uploads(s3Uploaders);
                // 3. One site's review queue at growing sizes (its own district, 35).
                reviewQueues(null);
            }
            // 4. The packaged jar again, on the database as the night and the reviews left it.
            extractedStartUp("restart: " + fmt(observer.cases()) + " cases in the database");
        } finally {
            if (observer != null) {
                observer.close();
            }
        }
        if (!settings.smoke()) {
            // 5. Issue 19's levers, each before and after in this run: the cost per item in three engine variants, then
            // the night one case per transaction against batches, each on a fresh database (they reuse districts 31-35).
            new CostScenarios(settings.forCost(), report, prepareDatabase(), smallJpegs).run();
            new CostScenarios(settings.forNightComparison(), report, prepareDatabase(), smallJpegs).runNight();
        }
        report.context("load average at the end", loadAverage());
        report.context("whole benchmark", seconds((System.nanoTime() - runStart) / 1e9));
        return report;
    }

    private Rate beforeNight;
    private String oneNodeCpu = "?";

    // ---------------------------------------------------------------- one node and two

    /**
     * {@code -Dbench.scenarios=cluster}: the deadline night on one node and on two nodes behind HAProxy in the same run
     * (the same size, the same database), and the uploads with the file store and with the S3 store. Its own section
     * of the report, so that it does not replace the full run's table.
     */
    private void clusterScenarios(String jdbcUrl, List<Person> night, List<Person> uploaders, List<Person> s3Uploaders) {
        List<Person> twoNodes = BenchCandidates.of("31", 0, settings.night());
        Rate oneNode;
        try (AppUnderTest app = start("tuned", List.of())) {
            startUp(app, FROM_CLASSES + "first start: empty database, schema created (Flyway + Camunda)");
            BenchClient admin = new BenchClient(app.baseUrl()).signIn(ADMIN, ADMIN_PASSWORD);
            importAll(admin, "34", uploaders);
            importAll(admin, "34", s3Uploaders);
            importAll(admin, "31", twoNodes);
            double importRate = importAll(admin, "32", night);
            report.add(new Report.Row("Import (admin CSV upload)", "candidates imported, each with its process started",
                    fmt(night.size()), rate(importRate), "—", null, "2,000 rows per file; one transaction per 200 rows"));
            oneNode = deadlineNight(app, admin, "32", night, true);
            uploads(app, uploaders);
            report.context("app log (" + app.log().getFileName() + ")", app.logLinesContaining(" ERROR ") + " ERROR lines, "
                    + app.logLinesContaining("OptimisticLockingException") + " optimistic-locking conflicts");
        }
        s3Uploads(s3Uploaders);
        twoNodeNight(jdbcUrl, "31", twoNodes, oneNode);
    }

    /**
     * The deadline night of {@link #deadlineNight} on two app JVMs (NODE_NAME app1, app2) on the one database, behind
     * HAProxy with the repository's configuration as {@link ClusterNightMariaDbTests} runs them: the administrator's
     * calls go through the balancer, the timers run on both nodes' job executors. On one 2-core machine the two nodes
     * share the cores with each other and with the database, so the figure says what a second node costs, not what it
     * gains on a machine of its own.
     */
    private void twoNodeNight(String jdbcUrl, String district, List<Person> people, Rate oneNode) {
        String label = "Deadline night, two nodes behind HAProxy (one database)";
        Path haproxyBinary = Stream.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (haproxyBinary == null || !settings.mariadb()) {
            report.add(new Report.Row(label, "auto-locked and in site review, per second", fmt(people.size()) + " waiting",
                    "not run", "—", null, haproxyBinary == null ? "haproxy is not installed" : "MariaDB only"));
            return;
        }
        int[] ports = ClusterNightMariaDbTests.ports(3);
        Path workDir = settings.workDir();
        Process haproxy = null;
        List<AppUnderTest> nodes = new ArrayList<>();
        try (ClusterNightMariaDbTests.JobSampler jobs = new ClusterNightMariaDbTests.JobSampler(jdbcUrl, 500)) {
            haproxy = ClusterNightMariaDbTests.HaProxy.start(haproxyBinary, Path.of("deploy", "haproxy.cfg"),
                    workDir.resolve("haproxy.log"), ports[0], ports[1], ports[2]);
            String balancer = "http://127.0.0.1:" + ports[0];
            List<java.util.concurrent.CompletableFuture<AppUnderTest>> starting = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String name = "app" + i;
                int port = ports[i];
                Map<String, String> env = appEnvironment(true);
                env.put("NODE_NAME", name);
                starting.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> AppUnderTest.start("node-" + name, port,
                        workDir, jvmOptions("node-" + name), env, appArguments(List.of("--server.address=127.0.0.1")))));
            }
            for (var node : starting) {
                nodes.add(node.join());
            }
            AppUnderTest.sleep(15_000); // haproxy.cfg: two health checks, then a 10 s slow start
            BenchClient admin = new BenchClient(balancer).signIn(ADMIN, ADMIN_PASSWORD);
            Response moved = setUploadDeadline(admin, district, Instant.now().plusSeconds(3600)); // warm, then the real one
            Instant deadline = Instant.now().plusMillis(Math.max(8000, 3 * moved.nanos() / 1_000_000)).truncatedTo(ChronoUnit.SECONDS);
            setUploadDeadline(admin, district, deadline);
            jobs.start();
            sleepUntil(deadline);
            long t0 = System.nanoTime();
            double[] cpu0 = {CpuClock.seconds(nodes.get(0).pid()), CpuClock.seconds(nodes.get(1).pid()), databaseCpu()};
            int n = people.size();
            int locked = 0;
            double half = -1;
            long timeout = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (locked < n && System.nanoTime() < timeout) {
                AppUnderTest.sleep(200);
                locked = observer.casesInPhase(district, "SITE_REVIEW");
                if (half < 0 && locked >= n / 2) {
                    half = (System.nanoTime() - t0) / 1e9;
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            int perCase = Math.max(1, locked);
            double app1 = (CpuClock.seconds(nodes.get(0).pid()) - cpu0[0]) * 1000 / perCase;
            double app2 = (CpuClock.seconds(nodes.get(1).pid()) - cpu0[1]) * 1000 / perCase;
            double db = (databaseCpu() - cpu0[2]) * 1000 / perCase;
            Rate two = new Rate(locked, secs);
            long conflicts = nodes.stream().mapToLong(a -> a.logLinesContaining("OptimisticLockingException")).sum();
            long errors = nodes.stream().mapToLong(a -> a.logLinesContaining(" ERROR ")).sum();
            report.add(new Report.Row(label, "auto-locked and in site review, per second", fmt(n) + " waiting",
                    rate(two.perSecond()) + " (" + seconds(secs) + " for " + fmt(locked) + ")",
                    "one node: " + rate(oneNode.perSecond()), null,
                    String.format(Locale.ROOT, "%.2f× the one-node night of this run; CPU per case: app1 %.1f ms + app2 %.1f ms"
                                    + " + database %.1f ms (one node: %s); jobs seen locked per node (sampled every 0.5 s) %s;"
                                    + " half done after %s; %d optimistic-locking conflicts, %d ERROR lines in the nodes' logs",
                            two.perSecond() / oneNode.perSecond(), app1, app2, db, oneNodeCpu, jobs.jobsLockedPerOwner(),
                            seconds(half), conflicts, errors)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            nodes.forEach(AppUnderTest::close);
            if (haproxy != null) {
                haproxy.destroy();
            }
        }
    }

    private static double databaseCpu() {
        long db = CpuClock.databaseServer().orElse(-1);
        return db > 0 ? CpuClock.seconds(db) : 0;
    }

    record Rate(int count, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    // ---------------------------------------------------------------- start-up

    private AppUnderTest start(String label, List<String> extraArgs) {
        return AppUnderTest.start(label, settings.workDir(), jvmOptions(label), appEnvironment(true), appArguments(extraArgs));
    }

    /** @param benchData with the bench profile's districts and reviewers (test classes; not in the packaged jar) */
    private Map<String, String> appEnvironment(boolean benchData) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ADMIN_USERNAME", ADMIN);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SHENCHA_STORAGE_DIR", settings.workDir().resolve("images").toString());
        if (settings.mariadb()) {
            env.put("SPRING_PROFILES_ACTIVE", benchData ? "mysql,bench" : "mysql");
            env.put("DB_HOST", "127.0.0.1");
            env.put("DB_NAME", DATABASE);
            env.put("DB_USER", "root");
            env.put("DB_PASSWORD", "");
        } else {
            env.put("SPRING_PROFILES_ACTIVE", benchData ? "bench" : "default");
        }
        return env;
    }

    private List<String> appArguments(List<String> extraArgs) {
        List<String> args = new ArrayList<>();
        if (!settings.mariadb()) {
            args.add("--spring.datasource.url=" + h2Url());
        }
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.cn.shencha=INFO");
        args.addAll(extraArgs);
        return args;
    }

    /** As the Dockerfile runs it, but a fixed heap instead of a share of the machine's memory. */
    private List<String> jvmOptions(String label) {
        // The smoke test measures nothing: the client compiler only and the serial collector start the app sooner.
        List<String> jvm = settings.smoke()
                ? List.of("-Xmx" + settings.appHeap(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                        "-Dfile.encoding=UTF-8")
                : List.of("-Xmx" + settings.appHeap(), "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8");
        report.context("app JVM options (" + label + ")", String.join(" ", jvm));
        return jvm;
    }

    /**
     * Start-up of the packaged jar, extracted as the Dockerfile does (Spring Boot's {@code jarmode=tools}):
     * what an operator's node does on a deploy or a restart. Skipped when the run has no jar (the smoke test).
     */
    private void extractedStartUp(String situation) {
        if (settings.jar() == null) {
            return;
        }
        Path dir = settings.workDir().resolve("app");
        Path applicationJar = dir.resolve(settings.jar().getFileName());
        if (!Files.exists(applicationJar)) {
            AppUnderTest.run(List.of(AppUnderTest.jdkTool("java"),
                    "-Djarmode=tools", "-jar", settings.jar().toString(), "extract", "--destination", dir.toString()));
        }
        boolean development;
        try (var lib = Files.list(dir.resolve("lib"))) {
            development = lib.anyMatch(jar -> jar.getFileName().toString().startsWith("vaadin-dev-server"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = appEnvironment(false);
        List<String> args = appArguments(List.of());
        try (AppUnderTest app = AppUnderTest.startExtracted("packaged", settings.workDir(), jvmOptions("packaged"),
                applicationJar, env, args)) {
            startUp(app, "packaged jar, extracted as in the Docker image" + (development
                    ? " (built without -Pproduction: Vaadin in development mode)" : " (-Pproduction)") + "; " + situation);
        }
    }

    private void startUp(AppUnderTest app, String situation) {
        long first = app.millisToFirstAnswer();
        AppUnderTest.sleep(settings.smoke() ? 500 : 20_000); // idle: start-up work done, nothing asked, one periodic GC
        long rss = app.rssBytes();
        report.add(new Report.Row("Start-up", "time to first answer (GET /actuator/health 200)", situation,
                seconds(first / 1000.0), "≤ 20 s", first <= 20_000, "JVM launch to the first 200"));
        report.add(new Report.Row("Start-up", "idle RSS, 20 s after the first answer", "-Xmx" + settings.appHeap(),
                megabytes(rss), "≤ 700 MB", rss <= 700L * 1024 * 1024, "live heap after full GC: " + megabytes(app.liveHeapBytes())));
    }

    // ---------------------------------------------------------------- import

    /** @return candidates per second */
    private double importAll(BenchClient admin, String district, List<Person> people) {
        return importAll(admin, district, people, 2000);
    }

    static double importAll(BenchClient admin, String district, List<Person> people, int rowsPerFile) {
        long start = System.nanoTime();
        for (int from = 0; from < people.size(); from += rowsPerFile) {
            List<Person> part = people.subList(from, Math.min(people.size(), from + rowsPerFile));
            Response response = admin.postFile("/api/v1/admin/candidates/import", "candidates-" + district + ".csv",
                    "text/csv", BenchCandidates.csv(district, part).getBytes(StandardCharsets.UTF_8));
            JsonNode body = check(response, "import").json();
            if (body.get("created").asInt() != part.size()) {
                throw new IllegalStateException("Import created " + body.get("created") + " of " + part.size() + ": " + response.body());
            }
        }
        return people.size() / ((System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- deadlines

    static Response setUploadDeadline(BenchClient admin, String district, Instant deadline) {
        JsonNode schedule = check(admin.get("/api/v1/admin/districts/" + district + "/schedule"), "schedule").json();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uploadStart", schedule.get("uploadStart").asText());
        request.put("uploadDeadline", deadline.atZone(SHANGHAI).toOffsetDateTime().toString());
        request.put("supplementDeadline", schedule.get("supplementDeadline").asText());
        request.put("resultsPublishAt", schedule.get("resultsPublishAt").asText());
        request.put("confirmReopen", false);
        return check(admin.putJson("/api/v1/admin/districts/" + district + "/schedule", request), "schedule change");
    }

    private void deadlineMove(BenchClient admin, String district, int waiting) {
        Instant moved = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Response response = setUploadDeadline(admin, district, moved);
        Observer.Timers timers = observer.uploadDeadlineTimers(district);
        int told = response.json().get("timersMoved").asInt();
        boolean all = told == waiting && timers.count() >= 1 && moved.equals(timers.earliest()) && moved.equals(timers.latest());
        double secs = response.nanos() / 1e9;
        report.add(new Report.Row("Moving a district's upload deadline", "until every waiting case's timer has the new due date",
                fmt(waiting) + " waiting", seconds(secs), "≤ 10 s", all && secs <= 10,
                (all ? "all " : "NOT all ") + fmt(told) + " cases moved, by " + fmt(timers.count())
                        + " upload-deadline timer(s) at the new date when the PUT returned (one transaction with the schedule)"));
    }

    /**
     * The deadline passes with every case still in upload: how fast the timers lock them all into site review,
     * and whether an upload is refused from the first second, before its timer has run.
     */
    private Rate deadlineNight(AppUnderTest app, BenchClient admin, String district, List<Person> people, boolean main) {
        int n = people.size();
        // A few candidates of the district who will try to upload after the deadline.
        List<BenchClient> late = activate(app, people.subList(0, Math.min(8, n)), 4);
        Instant deadline = Instant.now().plusSeconds(5);
        Response moved = setUploadDeadline(admin, district, deadline.plusSeconds(3600)); // warm, then the real one
        long moveMillis = moved.nanos() / 1_000_000;
        // The window is still open (an hour left): accepted. Before the real deadline is set, so that a slow machine
        // cannot let the deadline pass while these are still being sent.
        for (BenchClient c : late) {
            check(c.postFile("/api/v1/me/materials/OTHER/images", "before.jpg", "image/jpeg", smallJpegs.get(0)), "upload before the deadline");
        }
        deadline = Instant.now().plusMillis(Math.max(settings.smoke() ? 3000 : 8000, 3 * moveMillis)).truncatedTo(ChronoUnit.SECONDS);
        setUploadDeadline(admin, district, deadline);
        sleepUntil(deadline);
        long t0 = System.nanoTime();
        CpuClock.Usage cpu = CpuClock.start(app.pid());

        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger refusedWhileWaiting = new AtomicInteger();
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        Thread lateUploads = new Thread(() -> Workers.run(late.size(), w -> {
            BenchClient c = late.get(w);
            long end = System.nanoTime() + (settings.smoke() ? 2_000_000_000L : 5_000_000_000L);
            int i = 1;
            while (System.nanoTime() < end) {
                boolean waiting = "UPLOADING".equals(observer.phaseOf(people.get(w).registrationNo()));
                Response r = c.postFile("/api/v1/me/materials/OTHER/images", "late.jpg", "image/jpeg", smallJpegs.get(i++ % 26));
                attempts.incrementAndGet();
                if (r.status() == 409) {
                    refused.incrementAndGet();
                    codes.merge(r.code(), 1, Integer::sum);
                    if (waiting) {
                        refusedWhileWaiting.incrementAndGet();
                    }
                } else {
                    codes.merge(r.code() + "(" + r.status() + ")", 1, Integer::sum);
                }
                AppUnderTest.sleep(100);
            }
        }), "late-uploads");
        lateUploads.start();

        int locked = 0;
        double half = -1;
        long timeout = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (locked < n && System.nanoTime() < timeout) {
            AppUnderTest.sleep(200);
            locked = observer.casesInPhase(district, "SITE_REVIEW");
            if (half < 0 && locked >= n / 2) {
                half = (System.nanoTime() - t0) / 1e9;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuMillis = cpu.appMillisPer(locked) + cpu.databaseMillisPer(locked);
        String cpuPerCase = cpu.perItem("case", locked);
        if (main) {
            oneNodeCpu = String.format(Locale.ROOT, "app %.1f ms + database %.1f ms", cpu.appMillisPer(locked),
                    cpu.databaseMillisPer(locked));
        }
        join(lateUploads);
        Rate rate = new Rate(locked, secs);
        String label = main ? "Deadline night" : "Deadline night, Camunda job-executor defaults (before)";
        report.add(new Report.Row(label, "auto-locked and in site review, per second", fmt(n) + " waiting",
                rate(rate.perSecond()) + " (" + seconds(secs) + " for " + fmt(locked) + ")",
                main ? "≥ 300/s (20,000 in ≤ 67 s)" : "—", main ? locked == n && rate.perSecond() >= 300 : null,
                String.format(Locale.ROOT, "%s, so 2 cores allow at most ~%.0f/s; half done after %s; 60,000 would take ~%s",
                        cpuPerCase, 2000 / Math.max(0.1, cpuMillis), seconds(half), seconds(60_000 / rate.perSecond()))));
        if (main) {
            boolean allRefused = refused.get() == attempts.get() && attempts.get() > 0;
            report.add(new Report.Row("Upload after the deadline, before the timers have run", "refused",
                    fmt(attempts.get()) + " attempts by " + late.size() + " candidates in the first 5 s",
                    pct(refused.get(), attempts.get()) + " (" + refusedWhileWaiting.get() + " while the case still waited for its timer)",
                    "100 % from the first second", allRefused, "answers: " + codes));
        }
        return rate;
    }

    // ---------------------------------------------------------------- review queues

    private static final String QUEUE_DISTRICT = "35";

    /**
     * One exam site's queue after a deadline night: its candidates imported and locked into site review by the
     * deadline, then a site reviewer's calls timed at each size. First with main's design (Camunda's own check of
     * the per-task authorization rows, {@code shencha.review.queue-scoping=false}) at the smallest size, then as
     * shipped at every size; the old design at the larger sizes takes minutes per call (issue 20's table).
     */
    private void reviewQueues(AppUnderTest shared) {
        String site = BenchReferenceData.site(QUEUE_DISTRICT, 0);
        List<Integer> sizes = settings.queueSizes().stream().sorted().toList();
        Map<String, Double> before = new LinkedHashMap<>();
        int filled = 0;
        if (shared == null) {
            try (AppUnderTest app = start("queues-before", List.of("--shencha.review.queue-scoping=false"))) {
                BenchClient admin = new BenchClient(app.baseUrl()).signIn(ADMIN, ADMIN_PASSWORD);
                filled = fillQueue(admin, site, filled, sizes.get(0));
                before.putAll(queueCalls(app, site));
            }
        }
        AppUnderTest app = shared != null ? shared : start("queues", List.of());
        try {
            BenchClient admin = new BenchClient(app.baseUrl()).signIn(ADMIN, ADMIN_PASSWORD);
            Map<String, Double> smallest = null;
            for (int size : sizes) {
                filled = fillQueue(admin, site, filled, size);
                Map<String, Double> after = queueCalls(app, site);
                Map<String, Double> first = smallest == null ? after : smallest;
                after.forEach((call, millis) -> report.add(new Report.Row("Review queue, one site's reviewer", call,
                        fmt(size) + " open site-review tasks in the site's group", millis(millis), "≤ 1 s", millis <= 1000,
                        size == sizes.get(0) ? (before.isEmpty() ? "smoke: the shipped design only"
                                : "main's design (per-task authorization join): " + millis(before.get(call)))
                                // Flat or not, whatever the machine's load: the ratio to the smallest queue in this run.
                                : String.format(java.util.Locale.ROOT, "%.2f× the %s-task figure; median of 5 after one warm-up",
                                        millis / first.get(call), fmt(sizes.get(0))))));
                smallest = first;
                if (size == sizes.get(0) && !before.isEmpty()) {
                    after.forEach((call, millis) -> report.tuning(new Report.Row("Task queries scoped by candidate group"
                            + " (review.ReviewQueueAuthorizationManager)", call, fmt(size) + " open tasks", millis(millis),
                            millis(before.get(call)), millis < before.get(call), "same data, app restarted with the other design")));
                }
            }
        } finally {
            if (app != shared) {
                app.close();
            }
        }
    }

    /** Imports candidates of one site until it has {@code size}, moves the upload deadline and waits for site review. */
    private int fillQueue(BenchClient admin, String site, int filled, int size) {
        if (size <= filled) {
            return filled;
        }
        List<Person> people = BenchCandidates.of(QUEUE_DISTRICT, filled, size - filled).stream()
                .map(p -> new Person(p.registrationNo(), p.idNumber(), site)).toList();
        // Smaller files than the import figure's: on a loaded machine a 2,000-row file can outlast the client's timeout.
        importAll(admin, QUEUE_DISTRICT, people, 500);
        if (filled == 0) {
            setUploadDeadline(admin, QUEUE_DISTRICT, Instant.now().plusSeconds(settings.smoke() ? 3 : 15)
                    .truncatedTo(ChronoUnit.SECONDS));
        } // later: the deadline has passed, so the new candidates' timers are due at once
        long timeout = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (observer.casesInPhase(QUEUE_DISTRICT, "SITE_REVIEW") < size) {
            if (System.nanoTime() > timeout) {
                throw new IllegalStateException("Queue of " + site + " not filled: " + observer.casesInPhase(QUEUE_DISTRICT, "SITE_REVIEW"));
            }
            AppUnderTest.sleep(500);
        }
        System.out.printf("[bench] queue of %s: %d open tasks%n", site, size);
        return size;
    }

    /** The calls of issue 20's table as the site's reviewer, medians of 5 after a warm-up. */
    private Map<String, Double> queueCalls(AppUnderTest app, String site) {
        String group = "site" + site;
        String reviewer = BenchReferenceData.siteReviewer(site, 0);
        BenchClient rest = new BenchClient(app.baseUrl()).withBasic(reviewer, BenchReferenceData.STAFF_PASSWORD);
        BenchClient tasklist = new BenchClient(app.baseUrl()).signIn(reviewer, BenchReferenceData.STAFF_PASSWORD);
        check(tasklist.get("/camunda/app/tasklist/default/"), "Tasklist");
        String siteQueue = null;
        for (JsonNode filter : check(rest.get("/engine-rest/filter?resourceType=Task"), "filters").json()) {
            if ("待审核（本考点）".equals(filter.get("name").asText())) {
                siteQueue = filter.get("id").asText();
            }
        }
        String tl = "/camunda/api/engine/engine/default";
        Map<String, BenchClient> clients = new LinkedHashMap<>();
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("GET /engine-rest/task?candidateGroup=…&maxResults=15", "/engine-rest/task?candidateGroup=" + group + "&maxResults=15");
        calls.put("GET /engine-rest/task/count?candidateGroup=…", "/engine-rest/task/count?candidateGroup=" + group);
        calls.put("GET /engine-rest/task?maxResults=15 (no candidateGroup)", "/engine-rest/task?maxResults=15");
        calls.put("Tasklist (session): filter list, first 15", tl + "/filter/" + siteQueue + "/list?firstResult=0&maxResults=15");
        calls.put("Tasklist (session): task count", tl + "/task/count?candidateGroup=" + group);
        calls.put("filter 待审核（本考点） count", "/engine-rest/filter/" + siteQueue + "/count");
        calls.put("Tasklist's sidebar (filter?resourceType=Task&itemCount=true)", "/engine-rest/filter?resourceType=Task&itemCount=true");
        calls.keySet().forEach(call -> clients.put(call, call.startsWith("Tasklist (") ? tasklist : rest));
        Map<String, Double> medians = new LinkedHashMap<>();
        calls.forEach((call, path) -> {
            Latencies latencies = new Latencies();
            for (int i = 0; i < (settings.smoke() ? 2 : 6); i++) { // smoke: the call once after its warm-up
                Response r = check(clients.get(call).get(path), call);
                if (i > 0) {
                    latencies.add(r.nanos());
                }
            }
            medians.put(call, latencies.millis(50));
            System.out.printf("[bench] %s: %.0f ms%n", call, latencies.millis(50));
        });
        return medians;
    }

    // ---------------------------------------------------------------- uploads

    /** Each upload client has its own candidates, 26 uploads (every slot) each. */
    private int uploadCandidates() {
        return settings.uploadClients() * ((settings.uploadsPerClient() + 25) / 26);
    }

    private void uploads(AppUnderTest app, List<Person> district34) {
        int clients = settings.uploadClients();
        List<Person> sessionPeople = district34.subList(0, uploadCandidates());
        List<Person> basicPeople = district34.subList(uploadCandidates(), uploadCandidates() + clients);
        List<BenchClient> sessions = activate(app, sessionPeople, 8);
        activate(app, basicPeople, 8);

        // Before: a stateless API client, credentials (and so a BCrypt check) with every call.
        Latencies basicLatencies = new Latencies();
        int basicEach = Math.min(20, settings.uploadsPerClient());
        long basicNanos = Workers.run(clients, w -> {
            BenchClient c = new BenchClient(app.baseUrl()).withBasic(basicPeople.get(w).registrationNo(), BenchCandidates.PASSWORD);
            List<String> slots = slotSequence();
            for (int i = 0; i < basicEach; i++) {
                Response r = c.postFile("/api/v1/me/materials/" + slots.get(i) + "/images", "p.jpg", "image/jpeg", smallJpegs.get(i));
                check(r, "upload (basic)");
                basicLatencies.add(r.nanos());
            }
        });
        double basicRate = clients * basicEach / (basicNanos / 1e9);

        // After: each client signed in once, the session cookie with every call (as the browser does).
        UploadRun run = sessionUploads(app, sessions);
        double perSecond = run.perSecond();
        double p99 = run.p99();
        List<long[]> measured = run.measured();
        int warmUp = run.warmUp();
        Latencies latencies = run.latencies();
        CpuClock.Usage[] cpu = {run.cpu()};
        fileStoreUploads = run;
        report.add(new Report.Row("Uploads of 150 KB JPEGs over HTTP", "uploads/s; p99 latency",
                fmt(measured.size()) + " uploads after " + fmt(warmUp) + " to warm up, " + clients + " clients",
                rate(perSecond) + "; p99 " + millis(p99) + " (p50 " + millis(latencies.millis(50)) + ")",
                "≥ 100/s, p99 ≤ 300 ms", perSecond >= 100 && p99 <= 300,
                cpu[0].perItem("upload", measured.size()) + "; each: content check, decode, blur meter, SHA-256,"
                        + " fsync'd file, row under the candidate's lock"));
        report.tuning(new Report.Row("Sign in once, then the session (instead of HTTP Basic on every call)",
                "150 KB uploads/s, p99", clients + " clients", rate(perSecond) + ", p99 " + millis(p99),
                rate(basicRate) + ", p99 " + millis(basicLatencies.millis(99)), perSecond > basicRate,
                "HTTP Basic checks the BCrypt password hash on every call"));
    }

    /** The session uploads of {@link #uploads}, measured once the first quarter has warmed the app up. */
    private record UploadRun(double perSecond, double p99, List<long[]> measured, int warmUp, Latencies latencies,
                             CpuClock.Usage cpu) {
    }

    private UploadRun fileStoreUploads;

    /**
     * Each client (one per {@code settings.uploadClients()}) uploads through its own signed-in candidates, 26 each
     * (every slot). The first quarter of the uploads warms the app up (JIT); rate and latencies are those of the rest.
     */
    private UploadRun sessionUploads(AppUnderTest app, List<BenchClient> sessions) {
        int clients = settings.uploadClients();
        int each = settings.uploadsPerClient();
        java.util.concurrent.ConcurrentLinkedQueue<long[]> done = new java.util.concurrent.ConcurrentLinkedQueue<>();
        CpuClock.Usage[] cpu = new CpuClock.Usage[1];
        AtomicInteger finished = new AtomicInteger();
        int warmUp = clients * each / 4;
        Workers.run(clients, w -> {
            List<String> slots = slotSequence();
            for (int i = 0; i < each; i++) {
                BenchClient c = sessions.get(w + clients * (i / 26)); // the client's (i / 26)-th candidate
                Response r = c.postFile("/api/v1/me/materials/" + slots.get(i % 26) + "/images", "p.jpg", "image/jpeg",
                        smallJpegs.get(i % 26));
                check(r, "upload");
                done.add(new long[] {System.nanoTime(), r.nanos()});
                if (finished.incrementAndGet() == warmUp) {
                    cpu[0] = CpuClock.start(app.pid());
                }
            }
        });
        List<long[]> byEnd = new ArrayList<>(done);
        byEnd.sort(java.util.Comparator.comparingLong(a -> a[0]));
        List<long[]> measured = byEnd.subList(warmUp, byEnd.size());
        Latencies latencies = new Latencies();
        measured.forEach(m -> latencies.add(m[1]));
        double perSecond = (measured.size() - 1) / ((measured.get(measured.size() - 1)[0] - measured.get(0)[0]) / 1e9);
        double p99 = latencies.millis(99);
        return new UploadRun(perSecond, p99, measured, warmUp, latencies, cpu[0]);
    }

    /**
     * The uploads of {@link #uploads} with {@code SHENCHA_STORAGE=s3}: the app restarted on a bucket of S3Proxy
     * (filesystem provider, signatures checked), started here on this machine like the tests do. The figure
     * stands beside the file store's; both stores write the same bytes, the difference is the store's PUT (an
     * HTTP round trip, signed, with Content-MD5) instead of an fsync'd file, and S3Proxy's own CPU on the same cores.
     */
    private void s3Uploads(List<Person> people) {
        cn.shencha.support.S3ProxyExtension s3 = new cn.shencha.support.S3ProxyExtension();
        s3.start();
        try {
            List<String> args = new ArrayList<>();
            s3.springProperties("shencha-bench").forEach((name, value) -> args.add("--" + name + "=" + value));
            try (AppUnderTest app = start("tuned-s3", args)) {
                s3UploadRow(app, people, "S3Proxy 4.1, filesystem provider, runs on the same cores beside it");
            }
        } finally {
            s3.stop();
        }
    }

    /** The S3 step's uploads and its row, against an app started on the S3 store (or, in the smoke test, the one app). */
    private void s3UploadRow(AppUnderTest app, List<Person> people, String storeNote) {
        List<BenchClient> sessions = activate(app, people, 8);
        UploadRun run = sessionUploads(app, sessions);
        UploadRun files = fileStoreUploads;
        report.add(new Report.Row("Uploads of 150 KB JPEGs over HTTP, S3 store (SHENCHA_STORAGE=s3)", "uploads/s; p99 latency",
                fmt(run.measured().size()) + " uploads after " + fmt(run.warmUp()) + " to warm up, "
                        + settings.uploadClients() + " clients",
                rate(run.perSecond()) + "; p99 " + millis(run.p99()) + " (p50 " + millis(run.latencies().millis(50)) + ")",
                files == null ? "—" : "file store: " + rate(files.perSecond()) + "; p99 " + millis(files.p99()),
                null,
                (files == null ? "" : String.format(Locale.ROOT, "%.2f× the file store's rate; ", run.perSecond() / files.perSecond()))
                        + run.cpu().perItem("upload", run.measured().size())
                        + " (the app's; " + storeNote + ")"));
    }

    /** 26 slots: every material type as many times as it takes pictures. */
    static List<String> slotSequence() {
        List<String> slots = new ArrayList<>();
        SLOTS.forEach((type, count) -> slots.addAll(Collections.nCopies(count, type)));
        return slots;
    }

    private void phonePhotos(AppUnderTest app, List<Person> district34) {
        int n = settings.phonePhotos();
        int offset = uploadCandidates() + settings.uploadClients();
        List<Person> people = district34.subList(offset, offset + n + 1);
        List<BenchClient> clients = activate(app, people, 8);
        int sequential = settings.smoke() ? 3 : 10; // the first two (smoke: one) warm the code paths
        int warm = settings.smoke() ? 1 : 2;
        List<byte[]> photos = BenchImages.phonePhotos(Math.max(n, sequential));
        long averageBytes = (long) photos.stream().mapToInt(p -> p.length).average().orElse(0);

        // One at a time: the time a candidate waits for one photo.
        BenchClient single = clients.get(n);
        Latencies one = new Latencies();
        List<String> slots = slotSequence();
        for (int i = 0; i < sequential; i++) {
            Response r = check(single.postFile("/api/v1/me/materials/" + slots.get(i) + "/images", "IMG.jpg", "image/jpeg",
                    photos.get(i)), "phone photo");
            if (i >= warm) {
                one.add(r.nanos());
            }
        }
        JsonNode stored = single.get("/api/v1/me/materials").json();
        long storedMax = 0;
        for (JsonNode type : stored.get("types")) {
            for (JsonNode image : type.get("images")) {
                storedMax = Math.max(storedMax, image.get("sizeBytes").asLong());
            }
        }
        double median = one.millis(50);
        report.add(new Report.Row("Phone photo shrunk to ≤ 200 KB", "time per photo over HTTP (one client)",
                "4032×3024, " + kilobytes(averageBytes) + " JPEG; " + (sequential - warm) + " photos", millis(median) + " median, p90 " + millis(one.millis(90)),
                "≤ 400 ms", median <= 400, "largest stored " + kilobytes(storedMax)));

        // All at once, within the app's heap.
        long liveBefore = app.liveHeapBytes();
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long peak;
        long nanos;
        try (AppUnderTest.HeapPeak heap = app.heapPeak()) {
            AppUnderTest.sleep(300);
            nanos = Workers.run(n, w -> {
                Response r = clients.get(w).postFile("/api/v1/me/materials/DIPLOMA/images", "IMG.jpg", "image/jpeg", photos.get(w));
                if (r.ok()) {
                    ok.incrementAndGet();
                } else {
                    failures.merge(r.code(), 1, Integer::sum);
                }
            });
            AppUnderTest.sleep(300);
            peak = heap.peakBytes();
        }
        boolean oom = app.loggedOutOfMemory();
        boolean met = ok.get() == n && !oom;
        report.add(new Report.Row("Phone photos in flight at once", "stored; heap", n + " concurrent, -Xmx" + settings.appHeap(),
                ok.get() + "/" + n + " stored in " + seconds(nanos / 1e9) + (oom ? ", OutOfMemoryError" : ", no OutOfMemoryError")
                        + "; heap peak " + megabytes(peak) + " (live before " + megabytes(liveBefore) + ")",
                "all stored, no OutOfMemoryError", met,
                "peak − live before = " + megabytes(Math.max(0, peak - liveBefore)) + " for " + n
                        + " requests (garbage not yet collected included); decoding is limited to 2 at a time"
                        + (failures.isEmpty() ? "" : "; failures " + failures)));
    }

    // ---------------------------------------------------------------- reviewers

    private void reviewerDecisions(AppUnderTest app, String district) {
        int reviewers = settings.reviewers();
        List<ReviewWork> units = reviewWork(app, district, "site_code", "siteReview");
        int each = Math.max(1, settings.decisions() / units.size());
        Latencies latencies = new Latencies();
        Map<String, Object> pass = decision("PASS");
        AtomicInteger total = new AtomicInteger();
        CpuClock.Usage cpu = CpuClock.start(app.pid());
        long nanos = Workers.run(reviewers, w -> {
            for (ReviewWork unit : Workers.share(units, w, reviewers)) {
                for (String task : unit.tasks().subList(0, Math.min(each, unit.tasks().size()))) {
                    Response r = check(unit.reviewer().postJson("/api/v1/review/tasks/" + task + "/decision", pass), "decision");
                    latencies.add(r.nanos());
                    total.incrementAndGet();
                }
            }
        });
        double perSecond = total.get() / (nanos / 1e9);
        report.add(new Report.Row("Reviewer decisions through the API", "decisions/s",
                fmt(total.get()) + " site passes, " + reviewers + " reviewers",
                rate(perSecond) + "; p99 " + millis(latencies.millis(99)), "≥ 150/s", perSecond >= 150,
                cpu.perItem("decision", total.get()) + "; each: scope check, decision + 4 material verdicts,"
                        + " task completed, district task created"));
    }

    static Map<String, Object> decision(String decision) {
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (String type : List.of("ID_CARD", "DIPLOMA", "PROBATION", "REGISTRATION_FORM")) {
            verdicts.add(Map.of("typeCode", type, "verdict", "OK"));
        }
        return Map.of("decision", decision, "materials", verdicts);
    }

    // ---------------------------------------------------------------- whole case

    private List<BenchClient> caseSessions = List.of();

    private void wholeCases(AppUnderTest app, BenchClient admin) {
        String district = "33";
        List<Person> people = BenchCandidates.of(district, 0, settings.cases());
        Map<String, Double> stages = new LinkedHashMap<>();
        long start = System.nanoTime();
        long t = start;

        importAll(admin, district, people);
        t = stage(stages, "import", t);
        List<BenchClient> clients = activate(app, people, 8); // activation signs in: no second password check
        t = stage(stages, "activate (signs in)", t);
        int threads = settings.uploadClients();
        Workers.run(threads, w -> {
            for (int i = w; i < clients.size(); i += threads) {
                for (int k = 0; k < REQUIRED.size(); k++) {
                    check(clients.get(i).postFile("/api/v1/me/materials/" + REQUIRED.get(k) + "/images", "m.jpg", "image/jpeg",
                            smallJpegs.get(k)), "case upload");
                }
            }
        });
        t = stage(stages, "upload 5 pictures", t);
        Workers.run(threads, w -> {
            for (int i = w; i < clients.size(); i += threads) {
                JsonNode submitted = check(clients.get(i).postJson("/api/v1/me/submission", "{}"), "submit").json();
                if (!"SITE_REVIEW".equals(submitted.get("stage").asText())) {
                    throw new IllegalStateException("After submit: " + submitted);
                }
            }
        });
        t = stage(stages, "submit", t);
        decideAll(app, district, "site_code", "siteReview", "PASS");
        t = stage(stages, "site pass", t);
        decideAll(app, district, "district_code", "districtReview", "APPROVE");
        t = stage(stages, "district approve", t);
        check(admin.postJson("/api/v1/admin/districts/" + district + "/publication", "{}"), "publish");
        long publishTimeout = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (observer.published(district) < people.size()) {
            if (System.nanoTime() > publishTimeout) {
                throw new IllegalStateException("Only " + observer.published(district) + " of " + people.size() + " published");
            }
            AppUnderTest.sleep(200);
        }
        t = stage(stages, "publish", t);
        double total = (t - start) / 1e9;
        String slowest = stages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        StringBuilder breakdown = new StringBuilder();
        stages.forEach((name, secs) -> breakdown.append(breakdown.length() == 0 ? "" : ", ").append(name).append(' ').append(seconds(secs)));
        report.add(new Report.Row("Whole case: import → activate → upload → submit → site pass → district approve → publish",
                "cases/min", fmt(people.size()) + " cases", String.format(Locale.ROOT, "%.0f/min (%s in all)", people.size() / total * 60, seconds(total)),
                "report", null, "slowest stage: " + slowest + ". " + breakdown));
        caseSessions = clients;
    }

    private static long stage(Map<String, Double> stages, String name, long since) {
        long now = System.nanoTime();
        stages.put(name, (now - since) / 1e9);
        System.out.printf("[bench] whole case: %s %.1f s%n", name, (now - since) / 1e9);
        return now;
    }

    /** Every task of the district at one level, decided by the reviewers of each site (or of the district). */
    private void decideAll(AppUnderTest app, String district, String column, String taskKey, String decision) {
        Map<String, Object> body = decision(decision);
        List<ReviewWork> units = reviewWork(app, district, column, taskKey);
        int reviewers = settings.reviewers();
        Workers.run(reviewers, w -> {
            for (ReviewWork unit : Workers.share(units, w, reviewers)) {
                for (String task : unit.tasks()) {
                    check(unit.reviewer().postJson("/api/v1/review/tasks/" + task + "/decision", body), decision);
                }
            }
        });
    }

    record ReviewWork(BenchClient reviewer, List<String> tasks) {
    }

    /**
     * The tasks split among signed-in reviewers: per site (two accounts each, as many sessions as there are
     * reviewers per site) or for the whole district. Never a task of another site.
     */
    private List<ReviewWork> reviewWork(AppUnderTest app, String district, String column, String taskKey) {
        int reviewers = settings.reviewers();
        int sites = BenchReferenceData.SITES_PER_DISTRICT;
        List<ReviewWork> units = new ArrayList<>();
        if ("site_code".equals(column)) {
            int perSite = Math.max(1, reviewers / sites);
            for (int i = 0; i < sites; i++) {
                String site = BenchReferenceData.site(district, i);
                List<String> tasks = observer.reviewTasks(column, site, taskKey);
                for (int k = 0; k < perSite; k++) {
                    units.add(new ReviewWork(new BenchClient(app.baseUrl()).signIn(BenchReferenceData.siteReviewer(site, k % 2),
                            BenchReferenceData.STAFF_PASSWORD), Workers.share(tasks, k, perSite)));
                }
            }
        } else {
            List<String> tasks = observer.reviewTasks(column, district, taskKey);
            for (int k = 0; k < reviewers; k++) {
                units.add(new ReviewWork(new BenchClient(app.baseUrl()).signIn(BenchReferenceData.districtReviewer(district, k % 2),
                        BenchReferenceData.STAFF_PASSWORD), Workers.share(tasks, k, reviewers)));
            }
        }
        return units;
    }

    // ---------------------------------------------------------------- UI sessions

    /**
     * Two rounds of {@code n} sessions: the figure is the second round's growth of the live heap, so that what the first
     * sessions of a run warm up (classes, Vaadin's caches) and what the scenarios before leave to collect do not count.
     */
    private void uiSessions(AppUnderTest app) {
        int n = Math.min(settings.sessions(), settings.cases() / 2);
        List<Person> people = BenchCandidates.of("33", 0, 2 * n);
        long before = app.liveHeapBytes();
        List<BenchClient> browsers = new ArrayList<>(Collections.nCopies(2 * n, null));
        openSessions(app, people, browsers, 0, n);
        long afterFirst = app.liveHeapBytes();
        openSessions(app, people, browsers, n, 2 * n);
        long after = app.liveHeapBytes();
        double perSession = (after - afterFirst) / (double) n;
        report.add(new Report.Row("Candidate UI session", "live heap per session after full GC",
                fmt(n) + " signed-in sessions on the upload page, after " + fmt(n) + " others", kilobytes(perSession),
                "≤ 150 KB", perSession <= 150 * 1024,
                "live heap " + megabytes(before) + " → " + megabytes(afterFirst) + " (first " + fmt(n) + ") → "
                        + megabytes(after) + " (HTTP session, Vaadin session, UI with the upload page)"));
        if (browsers.contains(null) || caseSessions.isEmpty()) {
            throw new IllegalStateException("sessions missing");
        }
    }

    /** Signs {@code people[from, to)} in and opens the upload page's UI for each, 8 at a time. */
    private static void openSessions(AppUnderTest app, List<Person> people, List<BenchClient> browsers, int from, int to) {
        Workers.run(8, w -> {
            for (int i = from + w; i < to; i += 8) {
                BenchClient browser = new BenchClient(app.baseUrl()).signIn(people.get(i).registrationNo(), BenchCandidates.PASSWORD);
                check(browser.get("/materials"), "page");
                Response init = check(browser.get("/?v-r=init&location=materials&query="), "UI init");
                if (!init.body().contains("\"uidl\"")) {
                    throw new IllegalStateException("No UI created: " + init.body().substring(0, Math.min(300, init.body().length())));
                }
                browsers.set(i, browser);
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Activates the accounts as candidates do; activation signs each one in (its own client keeps the session).
     * @return the signed-in clients, in the order of {@code people}
     */
    static List<BenchClient> activate(AppUnderTest app, List<Person> people, int threads) {
        List<BenchClient> clients = new ArrayList<>(Collections.nCopies(people.size(), null));
        Workers.run(threads, w -> {
            for (int i = w; i < people.size(); i += threads) {
                Person p = people.get(i);
                BenchClient client = new BenchClient(app.baseUrl());
                Response r = client.postJson("/api/v1/activation", Map.of("registrationNo", p.registrationNo(),
                        "idNumber", p.idNumber(), "password", BenchCandidates.PASSWORD));
                if (r.status() == 409 && "ALREADY_ACTIVATED".equals(r.code())) {
                    client.signIn(p.registrationNo(), BenchCandidates.PASSWORD);
                } else if (r.status() != 201) {
                    throw new IllegalStateException("Activation of " + p.registrationNo() + ": " + r.status() + " " + r.body());
                }
                clients.set(i, client);
            }
        });
        return clients;
    }

    static Response check(Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " failed: " + response.status() + " " + response.body());
        }
        return response;
    }

    private static Map<String, Integer> slots() {
        Map<String, Integer> slots = new LinkedHashMap<>();
        slots.put("ID_CARD", 2);
        slots.put("DIPLOMA", 3);
        slots.put("DEGREE", 2);
        slots.put("PROBATION", 3);
        slots.put("REGISTRATION_FORM", 4);
        slots.put("PRACTISING_CERTIFICATE", 4);
        slots.put("FOREIGN_DEGREE_VERIFICATION", 2);
        slots.put("OTHER", 6);
        return slots;
    }

    /** Removes what an earlier run left: stored images, the H2 files, the extracted jar (rebuilt since?). */
    private void prepareWorkDir() {
        try {
            for (String leftover : List.of("images", "h2", "app")) {
                Path dir = settings.workDir().resolve(leftover);
                if (Files.exists(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            Files.createDirectories(settings.workDir().resolve("images"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database; @return the JDBC URL the observer reads. */
    private String prepareDatabase() {
        if (!settings.mariadb()) {
            return h2Url();
        }
        try (Connection c = DriverManager.getConnection(MARIADB_URL + "?allowPublicKeyRetrieval=true&useSSL=false", "root", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB on 127.0.0.1:3306 (root, no password) is needed: " + e.getMessage(), e);
        }
        return MARIADB_URL + DATABASE + "?sendFractionalSeconds=false&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&allowPublicKeyRetrieval=true&useSSL=false";
    }

    private String h2Url() {
        return "jdbc:h2:file:" + settings.workDir().resolve("h2").resolve("shencha") + ";AUTO_SERVER=TRUE";
    }

    private String user() {
        return settings.mariadb() ? "root" : "sa";
    }

    private void machineContext() {
        report.context("machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memTotal() + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.context("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try (Observer o = new Observer(prepareObserverUrl(), user(), "")) {
            report.context("database", o.version() + (settings.mariadb() ? " on 127.0.0.1 (loopback), through MySQL Connector/J" : " (file, embedded in the app)"));
        } catch (RuntimeException e) {
            report.context("database", settings.database());
        }
        report.context("load average at the start", loadAverage());
        report.context("sizes", settings.toString().replaceAll("^BenchSettings\\[|]$", ""));
    }

    private String prepareObserverUrl() {
        return settings.mariadb() ? MARIADB_URL + "?allowPublicKeyRetrieval=true&useSSL=false" : "jdbc:h2:mem:probe";
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll(".*:\\s*", "")).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            AppUnderTest.sleep(millis);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "no attempts" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }
}
