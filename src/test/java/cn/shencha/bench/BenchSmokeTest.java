package cn.shencha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness itself, with tiny sizes on H2: every scenario of the shipped app runs end to end against one
 * app in its own JVM, started once, and lands in the report. Left to the real benchmark ({@link BenchSettings#smoke}):
 * the "before" run with Camunda's job-executor defaults, the restart on an S3 bucket (the S3 step's uploads go to the
 * same app; the S3 store's own code is {@code S3ImageStoreContractTests}'), main's review-queue design beside the
 * shipped one, the two-node night (MariaDB and HAProxy; {@code ClusterNightMariaDbTests}) and the measurement's idle
 * waits. Not a measurement (the figures of so few cases mean nothing), so nothing here compares them with the targets.
 */
class BenchSmokeTest {

    @Test
    void everyScenarioRunsAndIsReported(@TempDir Path workDir) {
        Report report = new Benchmark(BenchSettings.smoke("h2", workDir)).run();
        report.writeInto(workDir.resolve("performance.md"), "h2");

        assertThat(report.rows()).extracting(Report.Row::scenario).contains(
                "Start-up", "Import (admin CSV upload)",
                "Moving a district's upload deadline", "Uploads of 150 KB JPEGs over HTTP", "Phone photo shrunk to ≤ 200 KB",
                "Phone photos in flight at once", "Deadline night", "Upload after the deadline, before the timers have run",
                "Reviewer decisions through the API", "Candidate UI session",
                "Uploads of 150 KB JPEGs over HTTP, S3 store (SHENCHA_STORAGE=s3)", "Review queue, one site's reviewer");
        assertThat(report.rows()).anySatisfy(row -> assertThat(row.scenario()).startsWith("Whole case"));
        // Correctness, unlike speed, holds at any size: every late upload refused, every timer moved, all photos stored.
        assertThat(report.rows()).filteredOn(row -> row.scenario().startsWith("Upload after the deadline")
                || row.scenario().startsWith("Moving") || row.scenario().startsWith("Phone photos in flight"))
                .allSatisfy(row -> assertThat(row.note() + " " + row.figure()).doesNotContain("NOT all"));
        assertThat(report.rows()).filteredOn(row -> row.scenario().startsWith("Upload after the deadline"))
                .allSatisfy(row -> assertThat(row.met()).isTrue());
        assertThat(workDir.resolve("performance.md")).content().contains(Report.start("h2"), "| Deadline night |");
    }
}
