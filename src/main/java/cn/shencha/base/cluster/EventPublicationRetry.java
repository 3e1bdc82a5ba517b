package cn.shencha.base.cluster;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the events between modules again to the listeners that did not finish them: one that failed, or whose node
 * died after the publishing transaction committed (Spring Modulith's event publication registry keeps an incomplete
 * row per event and listener). Runs once per cluster ({@link ClusterTasks}), and only for publications older than
 * {@code shencha.events.retry-after}, so that events still being handled on some node are left alone; this also
 * covers a restart, so the registry's own republication at start-up (which every node would do) stays off.
 */
@Component
class EventPublicationRetry {

    static final String TASK = "event-publication-retry";

    private final IncompleteEventPublications incomplete;
    private final ClusterTasks tasks;
    private final Duration interval;
    private final Duration retryAfter;

    EventPublicationRetry(IncompleteEventPublications incomplete, ClusterTasks tasks,
                          @Value("${shencha.events.retry-interval:PT1M}") Duration interval,
                          @Value("${shencha.events.retry-after:PT5M}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.tasks = tasks;
        this.interval = interval;
        this.retryAfter = retryAfter;
    }

    @Scheduled(initialDelayString = "${shencha.events.retry-interval:PT1M}",
            fixedDelayString = "${shencha.events.retry-interval:PT1M}")
    void retry() {
        tasks.runOnce(TASK, ClusterTasks.minGapFor(interval), interval.multipliedBy(10), this::resubmit);
    }

    /** Resubmits every incomplete publication older than {@code retry-after}, on this node. */
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
    }
}
