package cn.shencha.bench;

import static cn.shencha.bench.Report.millis;
import static cn.shencha.bench.Report.rate;
import static cn.shencha.bench.Report.seconds;

import cn.shencha.bench.BenchCandidates.Person;
import cn.shencha.bench.BenchClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code -Dbench.scenarios=cost} (issue 19): the cost per item of the deadline night, the reviewer decisions,
 * Tasklist's list and the uploads, for the app started in three variants one after the other on the same database:
 * <ol>
 * <li><b>main</b>: all of level audit's history written, the starter's eventing on,
 *     {@code authorizationCheckRevokes=auto} (Camunda's default);</li>
 * <li><b>lean history</b>: {@code review.LeanHistoryEventHandler} and no eventing, revokes still {@code auto};</li>
 * <li><b>shipped</b>: application.properties as it is ({@code authorizationCheckRevokes=never} on top).</li>
 * </ol>
 * Each variant has its own district (31, 32, 33) and its own upload candidates (district 34), so every variant does
 * the same work from the same state. Per item: the app's CPU (with the JIT compiler's and the GC's share, and without
 * the JIT's, which a fresh JVM pays in each variant alike), MariaDB's CPU (the whole server's: other databases on it
 * count too), the statements the app sent ({@link StatementCounter}: select, insert, update, delete, other, commit)
 * less what the same app sent in an idle window of 5 s just before (its job acquisition and other polling), and the
 * rows added to Camunda's history tables.
 */
final class CostScenarios {

    record Variant(String label, String description, List<String> args) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("main", "main: history audit, eventing on, revokes auto",
                    List.of("--shencha.engine.lean-history=false", "--camunda.bpm.eventing.execution=true",
                            "--camunda.bpm.eventing.task=true", "--camunda.bpm.eventing.history=true",
                            "--camunda.bpm.generic-properties.properties.authorizationCheckRevokes=auto")),
            new Variant("lean", "lean history, no eventing, revokes auto",
                    List.of("--camunda.bpm.generic-properties.properties.authorizationCheckRevokes=auto")),
            new Variant("shipped", "shipped: lean history, no eventing, revokes never", List.of()));

    /**
     * {@code -Dbench.scenarios=night}: the deadline night as one transaction per case (batch size 1: one batch job, one
     * engine transaction and one MaterialsAutoLocked event with its notice transaction per case, as before the
     * upload-deadline process) against the shipped batches, twice each, alternately, each start with its own district.
     */
    static final List<Variant> NIGHT_VARIANTS = List.of(
            new Variant("per-case", "one case per transaction (deadline batch size 1)",
                    List.of("--shencha.review.deadline-batch-size=1")),
            new Variant("batched", "shipped: batches of 50 cases a transaction", List.of()));
    private static final String[] NIGHT_DISTRICTS = {"31", "32", "33", "34"};

    /**
     * A start-up cut tried against the shipped start: Spring Data's deferred bootstrap (Hibernate built on a background
     * thread). Measured slower on the shared 2-core machine (docs/performance.md), so not shipped.
     */
    static final class Startup {
        static final String TRIED = "--spring.data.jpa.repositories.bootstrap-mode=deferred";
        static final int PAIRS = 3;
    }

    private static final String[] DISTRICTS = {"31", "32", "33"};
    private static final List<String> COUNTERS = List.of(StatementCounter.KINDS);
    private static final List<String> HISTORY = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_IDENTITYLINK", "ACT_HI_DETAIL", "ACT_HI_OP_LOG");

    private final BenchSettings settings;
    private final Report report;
    private final String jdbcUrl;
    private final List<byte[]> jpegs;
    private final Map<String, Map<String, Cost>> costs = new LinkedHashMap<>();
    private final Map<String, Long> startUps = new LinkedHashMap<>();
    private Connection db;
    private Observer observer;
    /** The loopback port on which the running variant's app tells its statement counts ({@link StatementCounter}). */
    private int counterPort;

    CostScenarios(BenchSettings settings, Report report, String jdbcUrl, List<byte[]> jpegs) {
        this.settings = settings;
        this.report = report;
        this.jdbcUrl = jdbcUrl;
        this.jpegs = jpegs;
    }

    /** What one item cost: per item, and the figures it is made of. */
    record Cost(int items, double seconds, double appMillis, double jitMillis, double gcMillis, double dbMillis,
                Map<String, Double> statements, Map<String, Double> historyRows, String note) {

        double perSecond() {
            return items / seconds;
        }

        double statementsTotal() {
            return statements.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double historyTotal() {
            return historyRows.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        String describe() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "app %.1f ms (JIT %.1f, GC %.1f) + database %.1f ms; %.1f statements (", appMillis, jitMillis, gcMillis,
                    dbMillis, statementsTotal()));
            statements.forEach((k, v) -> s.append(k).append(' ').append(String.format(Locale.ROOT, "%.1f", v)).append(", "));
            s.setLength(s.length() - 2);
            s.append("); history rows ").append(String.format(Locale.ROOT, "%.1f", historyTotal()));
            if (historyTotal() > 0) {
                s.append(" (");
                historyRows.forEach((k, v) -> {
                    if (v != 0) {
                        s.append(k.replace("ACT_HI_", "")).append(' ').append(String.format(Locale.ROOT, "%.1f", v)).append(", ");
                    }
                });
                s.setLength(s.length() - 2);
                s.append(')');
            }
            return s.toString();
        }
    }

    void run() {
        try {
            db = DriverManager.getConnection(jdbcUrl, "root", "");
            observer = new Observer(jdbcUrl, "root", "");
            int perVariant = settings.uploadClients() * ((settings.uploadsPerClient() + 25) / 26);
            for (int v = 0; v < VARIANTS.size(); v++) {
                Variant variant = VARIANTS.get(v);
                List<Person> night = BenchCandidates.of(DISTRICTS[v], 0, settings.night());
                List<Person> uploaders = BenchCandidates.of("34", 10_000 + v * perVariant, perVariant);
                variant(variant, DISTRICTS[v], night, uploaders, v == VARIANTS.size() - 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            closeQuietly();
        }
        startUps();
        compare();
    }

    /** {@code -Dbench.scenarios=night}: see {@link #NIGHT_VARIANTS}. */
    void runNight() {
        try {
            db = DriverManager.getConnection(jdbcUrl, "root", "");
            observer = new Observer(jdbcUrl, "root", "");
            for (int round = 0; round < 2; round++) {
                for (int v = 0; v < NIGHT_VARIANTS.size(); v++) {
                    Variant variant = NIGHT_VARIANTS.get(v);
                    String district = NIGHT_DISTRICTS[round * NIGHT_VARIANTS.size() + v];
                    boolean profile = round == 1 && variant.label().equals("batched");
                    Cost night = nightOnly(variant, district, BenchCandidates.of(district, 0, settings.night()), profile);
                    costs.computeIfAbsent(variant.label() + " " + (round + 1), k -> new LinkedHashMap<>()).put("night", night);
                    report.add(new Report.Row("Cost: deadline night", "per case, notices included",
                            fmt(night.items()) + "; run " + (round + 1) + ", " + variant.description(),
                            rate(night.perSecond()), "—", null, night.describe() + "; " + night.note()));
                }
            }
            deadlineMove(Integer.getInteger("bench.moveCases", 20_000));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            closeQuietly();
        }
        for (int round = 1; round <= 2; round++) {
            report.tuning(ratioRow("Deadline night in batches of 50 (processes/upload-deadline.bpmn) against one case per"
                    + " transaction, run " + round, "night", costs.get("batched " + round).get("night"),
                    costs.get("per-case " + round).get("night")));
        }
    }

    /** @param profile whether Java Flight Recorder records the night ({@code night.jfr} in the work directory) */
    private Cost nightOnly(Variant variant, String district, List<Person> night, boolean profile) {
        int appPort = reservePorts();
        List<String> jvm = countingJvmOptions();
        try (AppUnderTest app = AppUnderTest.start("night-" + variant.label() + "-" + district, appPort, settings.workDir(),
                jvm, environment(), arguments(variant.args()))) {
            BenchClient admin = new BenchClient(app.baseUrl()).signIn(Benchmark.ADMIN, Benchmark.ADMIN_PASSWORD);
            importAll(admin, district, night);
            AppUnderTest.sleep(10_000); // the imports' notices and the app's own start-up work done
            Cost cost = profile
                    ? recorded(app, "night", "the night (" + variant.label() + ", run 2)", Profile.ALL_THREADS,
                            "all the app's threads", () -> deadlineNight(app, admin, district, night.size()))
                    : deadlineNight(app, admin, district, night.size());
            reportLog(app);
            return cost;
        }
    }

    /**
     * A district's upload deadline moved while {@code cases} cases wait (district 35, the shipped app): the PUT's time,
     * which holds the schedule, the district's trigger and every case's other timers and open tasks in one transaction.
     */
    private void deadlineMove(int cases) {
        String district = "35";
        try (AppUnderTest app = AppUnderTest.start("move-" + district, settings.workDir(), jvmOptions(), environment(),
                arguments(List.of()))) {
            BenchClient admin = new BenchClient(app.baseUrl()).signIn(Benchmark.ADMIN, Benchmark.ADMIN_PASSWORD);
            importAll(admin, district, BenchCandidates.of(district, 0, cases));
            setUploadDeadline(admin, district, Instant.now().plus(Duration.ofHours(3))); // warm the call up
            Instant moved = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            Response response = Benchmark.setUploadDeadline(admin, district, moved);
            Observer.Timers timers = observer.uploadDeadlineTimers(district);
            int told = response.json().get("timersMoved").asInt();
            boolean all = told == cases && moved.equals(timers.earliest()) && moved.equals(timers.latest());
            double secs = response.nanos() / 1e9;
            report.add(new Report.Row("Moving a district's upload deadline", "until every waiting case's timer has the"
                    + " new due date", fmt(cases) + " waiting", seconds(secs), "≤ 10 s", all && secs <= 10,
                    (all ? "all " : "NOT all ") + fmt(told) + " cases moved, by " + fmt(timers.count())
                            + " upload-deadline timer(s) at the new date when the PUT returned (one transaction with the"
                            + " schedule)"));
        }
    }

    /** @return a free port for the app; {@link #counterPort} is set to another one for its statement counter */
    private int reservePorts() {
        try (java.net.ServerSocket held = cn.shencha.support.TestPorts.bind()) { // two different ports of the range
            counterPort = cn.shencha.support.TestPorts.free();
            return held.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The variants' JVM options, with the statement counter told its port ({@link #reservePorts}). */
    private List<String> countingJvmOptions() {
        List<String> jvm = new ArrayList<>(jvmOptions());
        jvm.add("-D" + StatementCounter.PORT_PROPERTY + "=" + counterPort);
        return jvm;
    }

    private void reportLog(AppUnderTest app) {
        report.context("app log (" + app.log().getFileName() + ")", app.logLinesContaining(" ERROR ") + " ERROR lines, "
                + app.logLinesContaining("OptimisticLockingException") + " optimistic-locking conflicts");
    }

    private void closeQuietly() {
        try {
            if (db != null) {
                db.close();
            }
            if (observer != null) {
                observer.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /**
     * The app started and stopped {@link Startup#PAIRS} times as shipped and with the start-up cut tried, alternately, on
     * the database the variants left: time to the first answer and the app's CPU until then.
     */
    private void startUps() {
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int i = 0; i < Startup.PAIRS; i++) {
            for (String label : List.of("shipped", "tried")) {
                try (AppUnderTest app = AppUnderTest.start("startup-" + label, settings.workDir(), jvmOptions(), environment(),
                        arguments(label.equals("tried") ? List.of(Startup.TRIED) : List.of()))) {
                    double cpu = CpuClock.seconds(app.pid());
                    runs.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {app.millisToFirstAnswer() / 1000.0, cpu});
                    System.out.printf("[bench] start-up %s: %.1f s, %.1f s CPU%n", label, app.millisToFirstAnswer() / 1000.0, cpu);
                }
            }
        }
        String before = startUpFigures(runs.get("shipped"));
        String after = startUpFigures(runs.get("tried"));
        double b = runs.get("shipped").stream().mapToDouble(r -> r[0]).sorted().toArray()[Startup.PAIRS / 2];
        double a = runs.get("tried").stream().mapToDouble(r -> r[0]).sorted().toArray()[Startup.PAIRS / 2];
        report.tuning(new Report.Row("Start-up, tried: JPA repositories deferred, Hibernate built in the background"
                        + " (spring.data.jpa.repositories.bootstrap-mode=deferred) against the shipped start", "time to first answer; app CPU until then",
                Startup.PAIRS + " starts each, alternately, from the build's classes", after, before, a < b,
                String.format(Locale.ROOT, "median ratio tried/shipped %.2f", a / b)));
    }

    private static String startUpFigures(List<double[]> runs) {
        StringBuilder s = new StringBuilder();
        for (double[] r : runs) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f s (%.0f s CPU)", r[0], r[1]));
        }
        return s.toString();
    }

    private void variant(Variant variant, String district, List<Person> night, List<Person> uploaders, boolean profile) {
        Map<String, Cost> byStage = new LinkedHashMap<>();
        costs.put(variant.label(), byStage);
        int appPort = reservePorts();
        List<String> jvm = countingJvmOptions();
        jvm.add("-Dbench.startupSteps=true"); // Spring's start-up steps into the app's log (StartupSteps)
        try (AppUnderTest app = AppUnderTest.start("cost-" + variant.label(), appPort, settings.workDir(), jvm,
                environment(), arguments(variant.args()))) {
            startUps.put(variant.label(), app.millisToFirstAnswer());
            System.out.printf("[bench] cost %s: first answer after %d ms, %.1f s CPU, %s classes loaded%n", variant.label(),
                    app.millisToFirstAnswer(), CpuClock.seconds(app.pid()), loadedClasses(app.pid()));
            BenchClient admin = new BenchClient(app.baseUrl()).signIn(Benchmark.ADMIN, Benchmark.ADMIN_PASSWORD);
            importAll(admin, district, night);
            importAll(admin, "34", uploaders);
            List<BenchClient> candidates = activate(app, uploaders);
            AppUnderTest.sleep(10_000); // the imports' notices and the app's own start-up work done

            byStage.put("night", deadlineNight(app, admin, district, night.size()));
            byStage.put("decisions", decisions(app, district));
            queueCalls(app, district).forEach(byStage::put);
            byStage.put("uploads", uploads(app, candidates));
            if (profile) {
                profileUploads(app, BenchCandidates.of("34", 20_000, uploaders.size()));
                profileDecisions(app, district);
            }
            reportLog(app);
        }
    }

    // ---------------------------------------------------------------- stages

    private Cost deadlineNight(AppUnderTest app, BenchClient admin, String district, int n) {
        setUploadDeadline(admin, district, Instant.now().plusSeconds(3600)); // warm the call up
        Instant deadline = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        setUploadDeadline(admin, district, deadline);
        Idle idle = idle();
        long millis = Duration.between(Instant.now(), deadline).toMillis();
        if (millis > 0) {
            AppUnderTest.sleep(millis);
        }
        Meter meter = new Meter(app, idle);
        long timeout = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        int locked = 0;
        int told = 0;
        while ((locked < n || told < n) && System.nanoTime() < timeout) {
            AppUnderTest.sleep(500);
            locked = observer.casesInPhase(district, "SITE_REVIEW");
            told = observer.notices(district, "MATERIALS_AUTO_LOCKED");
        }
        return meter.stop(locked, "per case auto-locked into site review and told (" + fmt(told) + " notices)");
    }

    private Cost decisions(AppUnderTest app, String district) {
        List<BenchClient> reviewers = new ArrayList<>();
        List<List<String>> tasks = new ArrayList<>();
        int sites = BenchReferenceData.SITES_PER_DISTRICT;
        int each = Math.max(1, settings.decisions() / (sites * 2));
        for (int i = 0; i < sites; i++) {
            String site = BenchReferenceData.site(district, i);
            List<String> ids = observer.reviewTasks("site_code", site, "siteReview");
            for (int k = 0; k < 2; k++) {
                reviewers.add(new BenchClient(app.baseUrl()).signIn(BenchReferenceData.siteReviewer(site, k),
                        BenchReferenceData.STAFF_PASSWORD));
                List<String> share = Workers.share(ids, k, 2);
                tasks.add(share.subList(0, Math.min(each, share.size())));
            }
        }
        // The first few of each reviewer warm the path up (JIT), the rest is measured.
        int warm = Math.max(1, each / 5);
        Workers.run(reviewers.size(), w -> tasks.get(w).subList(0, Math.min(warm, tasks.get(w).size()))
                .forEach(task -> check(reviewers.get(w).postJson("/api/v1/review/tasks/" + task + "/decision", pass()), "decision")));
        Idle idle = idle();
        Meter meter = new Meter(app, idle);
        Latencies latencies = new Latencies();
        AtomicInteger done = new AtomicInteger();
        Workers.run(reviewers.size(), w -> {
            List<String> mine = tasks.get(w);
            for (String task : mine.subList(Math.min(warm, mine.size()), mine.size())) {
                Response r = check(reviewers.get(w).postJson("/api/v1/review/tasks/" + task + "/decision", pass()), "decision");
                latencies.add(r.nanos());
                done.incrementAndGet();
            }
        });
        return meter.stop(done.get(), "p99 " + millis(latencies.millis(99)) + " over " + reviewers.size() + " reviewers");
    }

    /** A site reviewer's task list in Tasklist (session) and the REST list, each call timed and counted on its own. */
    private Map<String, Cost> queueCalls(AppUnderTest app, String district) {
        String site = BenchReferenceData.site(district, 0);
        String group = "site" + site;
        String reviewer = BenchReferenceData.siteReviewer(site, 0);
        BenchClient tasklist = new BenchClient(app.baseUrl()).signIn(reviewer, BenchReferenceData.STAFF_PASSWORD);
        check(tasklist.get("/camunda/app/tasklist/default/"), "Tasklist");
        String tl = "/camunda/api/engine/engine/default";
        String siteQueue = null;
        for (JsonNode filter : check(tasklist.get(tl + "/filter?resourceType=Task"), "filters").json()) {
            if ("待审核（本考点）".equals(filter.get("name").asText())) {
                siteQueue = filter.get("id").asText();
            }
        }
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("Tasklist: filter list, first 15", tl + "/filter/" + siteQueue + "/list?firstResult=0&maxResults=15");
        calls.put("Tasklist: task count", tl + "/task/count?candidateGroup=" + group);
        calls.put("Tasklist: sidebar filter counts", tl + "/filter?resourceType=Task&itemCount=true");
        Map<String, Cost> result = new LinkedHashMap<>();
        int repeats = 20;
        calls.forEach((name, path) -> {
            for (int i = 0; i < 3; i++) {
                check(tasklist.get(path), name); // warm-up
            }
            Idle idle = idle();
            Meter meter = new Meter(app, idle);
            Latencies latencies = new Latencies();
            for (int i = 0; i < repeats; i++) {
                latencies.add(check(tasklist.get(path), name).nanos());
            }
            result.put(name, meter.stop(repeats, "median " + millis(latencies.millis(50))));
        });
        return result;
    }

    private Cost uploads(AppUnderTest app, List<BenchClient> candidates) {
        int clients = settings.uploadClients();
        int each = settings.uploadsPerClient();
        int warm = each / 4;
        List<String> slots = slots();
        Workers.run(clients, w -> {
            for (int i = 0; i < warm; i++) {
                upload(candidates.get(w + clients * (i / 26)), slots.get(i % 26), i);
            }
        });
        Idle idle = idle();
        Meter meter = new Meter(app, idle);
        Latencies latencies = new Latencies();
        long nanos = Workers.run(clients, w -> {
            for (int i = warm; i < each; i++) {
                latencies.add(upload(candidates.get(w + clients * (i / 26)), slots.get(i % 26), i).nanos());
            }
        });
        Cost cost = meter.stop(clients * (each - warm), "p99 " + millis(latencies.millis(99)) + ", p50 "
                + millis(latencies.millis(50)) + ", " + clients + " clients");
        return new Cost(cost.items(), nanos / 1e9, cost.appMillis(), cost.jitMillis(), cost.gcMillis(), cost.dbMillis(),
                cost.statements(), cost.historyRows(), cost.note());
    }

    /**
     * The uploads once more under Java Flight Recorder (the shipped variant only): the recording is left in the work
     * directory for {@code jfr print --events jdk.ExecutionSample} or {@code jfr summary}.
     */
    private void profileUploads(AppUnderTest app, List<Person> fresh) {
        BenchClient admin = new BenchClient(app.baseUrl()).signIn(Benchmark.ADMIN, Benchmark.ADMIN_PASSWORD);
        importAll(admin, "34", fresh);
        List<BenchClient> candidates = activate(app, fresh);
        recorded(app, "uploads", "the uploads (shipped variant)", Profile.REQUEST_THREADS, "request threads",
                () -> uploads(app, candidates));
    }

    /** As many decisions again as {@link #decisions} made, under Java Flight Recorder (the shipped variant only). */
    private void profileDecisions(AppUnderTest app, String district) {
        recorded(app, "decisions", "the decisions (shipped variant)", Profile.REQUEST_THREADS, "request threads",
                () -> decisions(app, district));
    }

    /**
     * {@code work} under Java Flight Recorder, left as {@code <name>.jfr} in the work directory for {@code jfr print} or
     * {@code jfr summary}; the report says where its CPU went ({@link Profile}).
     *
     * @param threads which threads' samples count
     */
    private Cost recorded(AppUnderTest app, String name, String what, Predicate<String> threads, String threadsLabel,
                          Supplier<Cost> work) {
        Path recording = settings.workDir().resolve(name + ".jfr");
        String pid = String.valueOf(app.pid());
        AppUnderTest.run(List.of(AppUnderTest.jdkTool("jcmd"), pid, "JFR.start", "name=" + name, "settings=profile"));
        Cost cost = work.get();
        AppUnderTest.run(List.of(AppUnderTest.jdkTool("jcmd"), pid, "JFR.stop", "name=" + name, "filename=" + recording));
        report.context("where the CPU of " + what + " goes (" + recording + ")", Profile.shares(recording, threads,
                threadsLabel) + "; " + rate(cost.perSecond()) + " under the recording");
        return cost;
    }

    // ---------------------------------------------------------------- the report

    private void compare() {
        Map<String, Cost> main = costs.get("main");
        Map<String, Cost> lean = costs.get("lean");
        Map<String, Cost> shipped = costs.get("shipped");
        for (String stage : shipped.keySet()) {
            for (Variant v : VARIANTS) {
                Cost c = costs.get(v.label()).get(stage);
                report.add(new Report.Row("Cost: " + stage, "per item", fmt(c.items()) + "; " + v.description(),
                        rate(c.perSecond()), "—", null, c.describe() + "; " + c.note()));
            }
        }
        for (String stage : List.of("night", "decisions")) {
            report.tuning(ratioRow("History: lean handler + no eventing (review.LeanHistoryEventHandler)", stage,
                    lean.get(stage), main.get(stage)));
        }
        for (String stage : shipped.keySet()) {
            if (!stage.equals("night")) {
                report.tuning(ratioRow("authorizationCheckRevokes=never (against auto)", stage, shipped.get(stage), lean.get(stage)));
            }
        }
        startUps.forEach((label, ms) -> report.context("cost: start-up of " + label, seconds(ms / 1000.0)));
    }

    private static Report.Row ratioRow(String change, String stage, Cost after, Cost before) {
        double appNoJit = (after.appMillis() - after.jitMillis()) / Math.max(0.01, before.appMillis() - before.jitMillis());
        return new Report.Row(change, stage + ": statements, CPU per item", fmt(after.items()) + " vs " + fmt(before.items()),
                String.format(Locale.ROOT, "%.1f statements, app %.1f ms (without JIT %.1f), db %.1f ms, %s", after.statementsTotal(),
                        after.appMillis(), after.appMillis() - after.jitMillis(), after.dbMillis(), rate(after.perSecond())),
                String.format(Locale.ROOT, "%.1f statements, app %.1f ms (without JIT %.1f), db %.1f ms, %s", before.statementsTotal(),
                        before.appMillis(), before.appMillis() - before.jitMillis(), before.dbMillis(), rate(before.perSecond())),
                null, // no target: the ratios say it
                String.format(Locale.ROOT, "ratios after/before: statements %.2f, app CPU without JIT %.2f, database CPU %.2f,"
                                + " history rows %.1f → %.1f",
                        after.statementsTotal() / Math.max(0.01, before.statementsTotal()), appNoJit,
                        after.dbMillis() / Math.max(0.01, before.dbMillis()), before.historyTotal(), after.historyTotal()));
    }

    // ---------------------------------------------------------------- measuring

    /** What the server counts per second while this app is idle: other databases, the app's own polling. */
    record Idle(Map<String, Double> perSecond) {
    }

    private Idle idle() {
        Map<String, Long> before = counters();
        long t0 = System.nanoTime();
        AppUnderTest.sleep(5_000);
        Map<String, Long> after = counters();
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> rate = new LinkedHashMap<>();
        COUNTERS.forEach(c -> rate.put(c, (after.get(c) - before.get(c)) / secs));
        return new Idle(rate);
    }

    /** Counts from its start: CPU of the app and the database, statements, history rows. */
    private final class Meter {
        final CpuClock.Usage cpu;
        final double[] jitGc0;
        final Map<String, Long> counters0;
        final Map<String, Long> history0;
        final long t0;
        final Idle idle;

        Meter(AppUnderTest app, Idle idle) {
            this.idle = idle;
            this.history0 = historyRows();
            this.counters0 = counters();
            this.jitGc0 = CpuClock.jitAndGcSeconds(app.pid());
            this.cpu = CpuClock.start(app.pid());
            this.t0 = System.nanoTime();
        }

        Cost stop(int items, String note) {
            double secs = (System.nanoTime() - t0) / 1e9;
            int n = Math.max(1, items);
            double app = cpu.appMillisPer(n);
            double dbCpu = cpu.databaseMillisPer(n);
            double[] jitGc = CpuClock.jitAndGcSeconds(cpu.appPid());
            Map<String, Long> counters = counters();
            Map<String, Double> statements = new LinkedHashMap<>();
            for (String c : COUNTERS) {
                double delta = counters.get(c) - counters0.get(c) - idle.perSecond().get(c) * secs;
                statements.put(c, Math.max(0, delta) / n);
            }
            Map<String, Long> history = historyRows();
            Map<String, Double> rows = new LinkedHashMap<>();
            history.forEach((table, count) -> rows.put(table, (count - history0.get(table)) / (double) n));
            Cost cost = new Cost(items, secs, app, Math.max(0, jitGc[0] - jitGc0[0]) * 1000 / n,
                    Math.max(0, jitGc[1] - jitGc0[1]) * 1000 / n, dbCpu, statements, rows,
                    note + String.format(Locale.ROOT, "; idle window: %.0f statements/s", idle.perSecond().values().stream()
                            .mapToDouble(Double::doubleValue).sum()));
            System.out.printf("[bench] cost: %d items in %.1f s: %s%n", items, secs, cost.describe());
            return cost;
        }
    }

    /** The app's own statement counts: what other databases of the server do is not in them. */
    private Map<String, Long> counters() {
        return StatementCounter.read(counterPort);
    }

    private Map<String, Long> historyRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        HISTORY.forEach(table -> rows.put(table, (long) count("select count(*) from " + table)));
        return rows;
    }

    private synchronized int count(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadedClasses(long pid) {
        String counters = AppUnderTest.run(List.of(AppUnderTest.jdkTool("jcmd"), String.valueOf(pid), "PerfCounter.print"));
        return counters.lines().filter(l -> l.startsWith("java.cls.loadedClasses=")).findFirst()
                .map(l -> l.substring(l.indexOf('=') + 1)).orElse("?");
    }

    // ---------------------------------------------------------------- the app and its clients

    private List<String> jvmOptions() {
        List<String> jvm = List.of("-Xmx" + settings.appHeap(), "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                // Whole stacks in the JFR recordings (64 frames by default: a decision's are deeper), for Profile.
                "-XX:FlightRecorderOptions=stackdepth=512");
        report.context("app JVM options (cost variants)", String.join(" ", jvm));
        return jvm;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ADMIN_USERNAME", Benchmark.ADMIN);
        env.put("ADMIN_PASSWORD", Benchmark.ADMIN_PASSWORD);
        env.put("SHENCHA_STORAGE_DIR", settings.workDir().resolve("images").toString());
        env.put("SPRING_PROFILES_ACTIVE", "mysql,bench");
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_NAME", Benchmark.DATABASE);
        env.put("DB_USER", "root");
        env.put("DB_PASSWORD", "");
        return env;
    }

    private static List<String> arguments(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.cn.shencha=INFO"));
        args.addAll(extra);
        return args;
    }

    private static void importAll(BenchClient admin, String district, List<Person> people) {
        Benchmark.importAll(admin, district, people, 2000);
    }

    private static List<BenchClient> activate(AppUnderTest app, List<Person> people) {
        return Benchmark.activate(app, people, 4);
    }

    private static void setUploadDeadline(BenchClient admin, String district, Instant deadline) {
        Benchmark.setUploadDeadline(admin, district, deadline);
    }

    private static Response check(Response response, String what) {
        return Benchmark.check(response, what);
    }

    private static List<String> slots() {
        return Benchmark.slotSequence();
    }

    private static Map<String, Object> pass() {
        return Benchmark.decision("PASS");
    }

    private Response upload(BenchClient client, String slot, int i) {
        return check(client.postFile("/api/v1/me/materials/" + slot + "/images", "p.jpg", "image/jpeg", jpegs.get(i % 26)), "upload");
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
