package cn.shencha.retention;

import cn.shencha.base.cluster.ClusterTasks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the due purges every hour (by default), on one node of the cluster ({@link ClusterTasks}); a purge a node
 * left half-way (killed) is continued by the next run on any node once its lock has run out. Not under the test
 * profile: the tests move the clock and run purges themselves.
 */
@Component
@Profile("!test")
class RetentionScheduling {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduling.class);
    /** A node that dies while purging frees the lock after this; a purge of a district's season takes minutes. */
    private static final Duration MAX_RUN = Duration.ofHours(2);

    private final RetentionPurge purge;
    private final ClusterTasks clusterTasks;
    private final Duration interval;

    RetentionScheduling(RetentionPurge purge, ClusterTasks clusterTasks,
                        @Value("${shencha.retention.interval:PT1H}") Duration interval) {
        this.purge = purge;
        this.clusterTasks = clusterTasks;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${shencha.retention.initial-delay:PT10M}",
            fixedDelayString = "${shencha.retention.interval:PT1H}")
    void purgeOnSchedule() {
        try {
            clusterTasks.runOnce("retention-purge", ClusterTasks.minGapFor(interval), MAX_RUN,
                    () -> purge.runDue(RetentionPurge.SCHEDULER));
        } catch (RuntimeException e) {
            // The purge record stays RUNNING; the next run continues it.
            log.error("Retention purge stopped; the next run continues it", e);
        }
    }
}
