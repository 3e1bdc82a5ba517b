package cn.shencha.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox dispatcher, the upload reminders and the reviewers' digest periodically on every app node (the claims keep
 * the nodes apart), on threads of their own so that a slow gateway never holds up other features'
 * scheduled jobs. Not under the test profile: tests run them by hand.
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

    NotifyScheduling(OutboxDispatcher dispatcher, UploadReminders reminders, ReviewerDigest digest,
                     NotifyProperties properties) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.digest = digest;
        this.properties = properties;
    }

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
            int written = reminders.sendDue();
            if (written > 0) {
                log.info("Wrote {} upload-deadline reminder(s)", written);
            }
        } catch (RuntimeException e) {
            log.warn("Upload reminders failed; retried at the next run", e);
        }
    }

    void digest() {
        try {
            digest.sendDue();
        } catch (RuntimeException e) {
            log.warn("Reviewer digest failed; retried at the next run", e);
        }
    }
}
