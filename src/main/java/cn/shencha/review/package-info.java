/**
 * The review process: delegates, deadlines and timers, submission, decisions; publishes the case events.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Review")
package cn.shencha.review;

import org.springframework.modulith.ApplicationModule;
