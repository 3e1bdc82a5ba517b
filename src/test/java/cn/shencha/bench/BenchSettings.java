package cn.shencha.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Sizes and targets of one benchmark run, from system properties ({@code -Dbench.night=20000}); the defaults
 * are the sizes and finish in about ten minutes on a 2-core node.
 *
 * @param database      mariadb (127.0.0.1:3306, root, database shencha_bench, dropped first) or h2 (a file)
 * @param nightBefore   deadline night under Camunda's job-executor defaults (the "before" figure)
 * @param night         deadline night, deadline move and reviewer decisions: candidates waiting in upload
 * @param uploadClients concurrent clients uploading 150 KB JPEGs
 * @param uploadsPerClient uploads each of them makes (26 per candidate: every slot of the catalog)
 * @param phonePhotos   concurrent phone-photo uploads (4032×3024, ~3 MB)
 * @param reviewers     concurrent reviewers deciding through the API
 * @param decisions     decisions they make together
 * @param cases         whole cases, import to publication
 * @param sessions      candidate UI sessions for the heap measurement
 * @param scenarios     all (the whole night), queues (only the review queues, district 35), cluster (the deadline
 *                      night on one node and on two behind HAProxy, uploads with the file store and the S3 store),
 *                      cost (cost per item in three engine variants) or night (the deadline night one case per
 *                      transaction against batches)
 * @param queueSizes    open site-review tasks in one site's queue at which the reviewer's calls are timed
 * @param jar           the packaged application (the build's jar), for start-up as the Docker image runs it;
 *                      null: not measured (the smoke test, or a run from an IDE)
 * @param smoke         the harness's own smoke test: every scenario of the shipped app once, none of the waits a
 *                      measurement needs, and no run of the app with Camunda's defaults
 */
record BenchSettings(String database, int nightBefore, int night, int uploadClients, int uploadsPerClient,
                     int phonePhotos, int reviewers, int decisions, int cases, int sessions, String appHeap,
                     Path workDir, Path report, String scenarios, List<Integer> queueSizes, Path jar, boolean smoke) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                System.getProperty("bench.database", "mariadb"),
                Integer.getInteger("bench.nightBefore", 4000),
                Integer.getInteger("bench.night", 20_000),
                Integer.getInteger("bench.uploadClients", 16),
                Integer.getInteger("bench.uploadsPerClient", 156),
                Integer.getInteger("bench.phonePhotos", 20),
                Integer.getInteger("bench.reviewers", 8),
                Integer.getInteger("bench.decisions", 4000),
                Integer.getInteger("bench.cases", 2000),
                Integer.getInteger("bench.sessions", 500),
                System.getProperty("bench.appHeap", "1g"),
                Path.of(System.getProperty("bench.workDir", "target/bench")).toAbsolutePath(),
                Path.of(System.getProperty("bench.report", "docs/performance.md")).toAbsolutePath(),
                System.getProperty("bench.scenarios", "all"),
                Arrays.stream(System.getProperty("bench.queueSizes", "1000,20000").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(),
                optionalPath(System.getProperty("bench.jar")), false);
    }

    /**
     * The sizes of the cost scenario inside the full run ({@code -Dbench.cost.night} and so on; the defaults are those
     * of {@code -Dbench.scenarios=cost} in docs/performance.md): three app variants each do the work once, so they are
     * smaller than the full run's night.
     */
    BenchSettings forCost() {
        return new BenchSettings(database, nightBefore, Integer.getInteger("bench.cost.night", 1500),
                Integer.getInteger("bench.cost.uploadClients", 8), Integer.getInteger("bench.cost.uploadsPerClient", 52),
                phonePhotos, reviewers, Integer.getInteger("bench.cost.decisions", 600), cases, sessions, appHeap, workDir,
                report, "cost", queueSizes, jar, smoke);
    }

    /** The size of the night per case against batches inside the full run ({@code -Dbench.nightComparison.night}). */
    BenchSettings forNightComparison() {
        return new BenchSettings(database, nightBefore, Integer.getInteger("bench.nightComparison.night", 3000),
                uploadClients, uploadsPerClient, phonePhotos, reviewers, decisions, cases, sessions, appHeap, workDir,
                report, "night", queueSizes, jar, smoke);
    }

    private static Path optionalPath(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    /**
     * Tiny sizes for the smoke test of the harness itself (not a measurement): the shipped app started once for every
     * step (no "before" run with Camunda's defaults, no restart on the S3 store or with main's queue design), no idle
     * wait before the memory figure, a short deadline night, each queue call timed once.
     */
    static BenchSettings smoke(String database, Path workDir) {
        return new BenchSettings(database, 20, 40, 2, 4, 2, 2, 10, 6, 4, "1g", workDir, workDir.resolve("performance.md"), "all",
                List.of(10, 20), null, true);
    }

    boolean mariadb() {
        return "mariadb".equalsIgnoreCase(database);
    }
}
