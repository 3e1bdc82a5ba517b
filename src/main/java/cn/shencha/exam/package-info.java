/**
 * Exam seasons, districts and their schedules, exam sites, candidates and their accounts.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Exam")
package cn.shencha.exam;

import org.springframework.modulith.ApplicationModule;
