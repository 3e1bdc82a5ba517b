/**
 * Notifications: outbox, channels, reminders, digest; listens to the review module's events.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Notify")
package cn.shencha.notify;

import org.springframework.modulith.ApplicationModule;
