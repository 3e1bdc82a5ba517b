package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.base.cluster.ClusterTasks;
import cn.shencha.materials.storage.ImageStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes stored files that no row refers to: left by a crash between writing a file and committing its
 * row, or by a failed removal. Only files older than the grace period (5 minutes) are touched, so an upload
 * still in its transaction, on this node or another one writing the same store, keeps its file: an upload
 * writes its file only once it is processed, then commits its row within seconds (at most a lock wait).
 * The first sweep runs once that grace has passed since the start (6 minutes), so every file a crash left
 * before the restart is old enough by then; then every hour. With several nodes one of them sweeps each hour
 * ({@link ClusterTasks}).
 */
@Component
class ImageSweeper {

    private static final Logger log = LoggerFactory.getLogger(ImageSweeper.class);
    private static final int BATCH = 500;
    /** A sweep lists the whole store: minutes for millions of files. A node that dies sweeping frees it then. */
    private static final Duration MAX_SWEEP = Duration.ofMinutes(30);

    private final ImageStore store;
    private final MaterialImageRepository images;
    private final MaterialTypeRepository types;
    private final MaterialsProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClusterTasks clusterTasks;
    private final Duration interval;

    ImageSweeper(ImageStore store, MaterialImageRepository images, MaterialTypeRepository types,
                 MaterialsProperties properties, Clock clock, PlatformTransactionManager transactionManager,
                 ClusterTasks clusterTasks, @Value("${shencha.materials.sweep-interval:PT1H}") Duration interval) {
        this.store = store;
        this.images = images;
        this.types = types;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setReadOnly(true);
        this.clusterTasks = clusterTasks;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${shencha.materials.sweep-initial-delay:PT6M}",
            fixedDelayString = "${shencha.materials.sweep-interval:PT1H}")
    void sweepOnSchedule() {
        clusterTasks.runOnce("image-sweeper", ClusterTasks.minGapFor(interval), MAX_SWEEP,
                () -> sweep(clock.instant().minus(properties.orphanGrace())));
    }

    /** @return how many orphan files were removed */
    int sweep(Instant cutoff) {
        List<String> keys;
        try {
            keys = store.keysOlderThan(cutoff);
        } catch (IOException e) {
            log.warn("Cannot list stored images: {}", e.getMessage());
            return 0;
        }
        // The catalogs' uploaded 示例 images live in the same store and are no orphans.
        Set<String> examples = new HashSet<>(tx.execute(s -> types.findUploadedExampleKeys()));
        int removed = 0;
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            Set<String> referenced = new HashSet<>(tx.execute(s -> images.findExistingStorageKeys(batch)));
            for (String key : batch) {
                if (!referenced.contains(key) && !examples.contains(key)) {
                    try {
                        store.delete(key);
                        removed++;
                    } catch (IOException e) {
                        log.warn("Cannot remove orphan image {}: {}", key, e.getMessage());
                    }
                }
            }
        }
        if (removed > 0) {
            log.info("Removed {} orphan image files", removed);
        }
        return removed;
    }
}
