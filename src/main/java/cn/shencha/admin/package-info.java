/**
 * Administration: seasons, district set-up, deadlines, import, search, dashboard, publication.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Admin")
package cn.shencha.admin;

import org.springframework.modulith.ApplicationModule;
