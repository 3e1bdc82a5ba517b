package cn.shencha.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox dispatcher and the upload reminders periodically on every app node (the claims keep
 * the nodes apart). Not under the test profile: tests run them by hand.
 */
@Component
@Profile("!test")
class NotifyScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotifyScheduling.class);
    private static final int MAX_RUNS_PER_TICK = 20;

    private final OutboxDispatcher dispatcher;
    private final UploadReminders reminders;
    private final NotifyProperties properties;

    NotifyScheduling(OutboxDispatcher dispatcher, UploadReminders reminders, NotifyProperties properties) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::dispatch, properties.getDispatcher().getInterval());
        registrar.addFixedDelayTask(this::remind, properties.getReminders().getInterval());
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
}
