package cn.shencha.notify;

import cn.shencha.base.cluster.ClusterTasks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox dispatcher, the upload reminders and the reviewers' digest periodically, on threads of their own so
 * that a slow gateway never holds up other features' scheduled jobs. The dispatcher runs on every app node: each
 * delivery is claimed by one guarded update with a lease (a dead node's claim runs out), so the nodes share a
 * backlog instead of waiting for one of them. The reminders and the digest run on one node per period
 * ({@link ClusterTasks}); their unique keys would stop a second one from sending twice, but not from doing the whole
 * work again. Not under the test profile: tests run them by hand.
 */
@Component
@Profile("!test")
class NotifyScheduling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotifyScheduling.class);
    private static final int MAX_RUNS_PER_TICK = 20;

    private final OutboxDispatcher dispatcher;
    private final UploadReminders reminders;
    private final ReviewerDigest digest;
    private final NotifyProperties properties;
    private final ClusterTasks clusterTasks;

    NotifyScheduling(OutboxDispatcher dispatcher, UploadReminders reminders, ReviewerDigest digest,
                     NotifyProperties properties, ClusterTasks clusterTasks) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.digest = digest;
        this.properties = properties;
        this.clusterTasks = clusterTasks;
    }

    /** A node that dies during a run frees its lock after this (a run takes seconds). */
    private static final Duration MAX_RUN = Duration.ofMinutes(10);

    /** Not a bean: a TaskScheduler bean would replace Spring Boot's scheduler for everyone. */
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    /** Once the app is up (migrations done, demo data loaded). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("notify-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::dispatch, properties.getDispatcher().getInterval());
        scheduler.scheduleWithFixedDelay(this::remind, properties.getReminders().getInterval());
        scheduler.scheduleWithFixedDelay(this::digest, properties.getDigest().getInterval());
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }

    void dispatch() {
        try {
            // A full batch means there may be more: drain a backlog without waiting a whole interval per batch.
            for (int run = 0; run < MAX_RUNS_PER_TICK; run++) {
                if (dispatcher.dispatchDue() < properties.getDispatcher().getBatchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notification dispatch failed; retried at the next run", e);
        }
    }

    void remind() {
        try {
            clusterTasks.runOnce("upload-reminders", ClusterTasks.minGapFor(properties.getReminders().getInterval()),
                    MAX_RUN, () -> {
                        int written = reminders.sendDue();
                        if (written > 0) {
                            log.info("Wrote {} upload-deadline reminder(s)", written);
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("Upload reminders failed; retried at the next run", e);
        }
    }

    void digest() {
        try {
            clusterTasks.runOnce("reviewer-digest", ClusterTasks.minGapFor(properties.getDigest().getInterval()),
                    MAX_RUN, digest::sendDue);
        } catch (RuntimeException e) {
            log.warn("Reviewer digest failed; retried at the next run", e);
        }
    }
}
