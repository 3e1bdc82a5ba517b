package cn.shencha.materials;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.materials.storage.ImageStore;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * A crash between writing an upload's file and committing its row leaves an orphan file: the first scheduled sweep
 * after the restart removes it, minutes after the start, while the file of an upload still in flight stays.
 */
@ShenchaSpringTest
class ImageSweeperTests {

    @Autowired
    ImageSweeper sweeper;
    @Autowired
    ImageStore store;
    @Autowired
    ScheduledTaskHolder scheduledTasks;
    @Autowired
    TestData testData;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${shencha.storage.dir}")
    Path storageDir;

    @Test
    void theFirstSweepAfterACrashRemovesItsOrphanFilesWithinMinutesAndSparesUploadsInFlight() throws Exception {
        FixedDelayTask sweep = scheduledSweep();
        Duration firstSweep = sweep.getInitialDelayDuration();
        assertThat(firstSweep).as("first sweep after the start").isLessThanOrEqualTo(Duration.ofMinutes(10));

        Instant restart = testData.clock().instant();
        String orphan = store.put(TestImages.jpeg(TestImages.document(400, 300, 1), 0.8f), "jpg");
        Files.setLastModifiedTime(storageDir.resolve(orphan), FileTime.from(restart.minusSeconds(1))); // just before the kill
        testData.clock().advance(firstSweep);
        String inFlight = store.put(TestImages.jpeg(TestImages.document(400, 300, 2), 0.8f), "jpg");
        Files.setLastModifiedTime(storageDir.resolve(inFlight), FileTime.from(testData.clock().instant()));

        try {
            // The restarted node is the only one, and no sweep ran since it started (the test database is shared
            // by the suite's contexts, whose own sweeps may hold the sweeper's lock).
            jdbc.update("delete from shedlock");
            sweep.getRunnable().run();

            assertThat(Files.exists(storageDir.resolve(orphan))).as("the crash's orphan file").isFalse();
            assertThat(store.get(inFlight)).as("an upload in flight keeps its file").isNotEmpty();
        } finally {
            store.delete(inFlight);
            testData.clock().set(restart);
        }
    }

    private FixedDelayTask scheduledSweep() {
        return scheduledTasks.getScheduledTasks().stream()
                .map(task -> task.getTask())
                // the task's runnable is wrapped; its name is the scheduled method's
                .filter(task -> task.toString().endsWith(ImageSweeper.class.getSimpleName() + ".sweepOnSchedule"))
                .map(FixedDelayTask.class::cast)
                .findFirst().orElseThrow();
    }
}
