package cn.shencha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's CPU figures read /proc; checked against this test's own JVM. */
class CpuClockTests {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void processCpuGrowsWithWork() {
        double before = CpuClock.seconds(SELF);
        busy(300);
        assertThat(CpuClock.seconds(SELF) - before).isGreaterThan(0.1);
    }

    @Test
    void jitCompilerAndGcThreadsAreFoundByName() {
        busy(300); // hot code: the JIT compiler threads have work
        System.gc();
        double[] jitAndGc = CpuClock.jitAndGcSeconds(SELF);
        assertThat(jitAndGc[0]).as("JIT compiler threads").isGreaterThan(0);
        assertThat(jitAndGc[1]).as("GC threads").isGreaterThanOrEqualTo(0);
        assertThat(jitAndGc[0] + jitAndGc[1]).isLessThan(CpuClock.seconds(SELF));
    }

    @Test
    void perItemSaysAppDatabaseAndTheJitShare() {
        CpuClock.Usage usage = CpuClock.start(SELF);
        busy(200);
        assertThat(usage.appMillisPer(10)).isGreaterThan(10);
        assertThat(usage.perItem("upload", 10)).matches("CPU per upload: app \\d+\\.\\d ms \\(of which JIT compiler \\d+\\.\\d,"
                + " GC \\d+\\.\\d\\) \\+ database \\d+\\.\\d ms");
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x * 31 + 7);
        }
        assertThat(x).isNotNegative();
    }
}
