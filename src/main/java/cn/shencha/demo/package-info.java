/**
 * Demo data (profile demo only).
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Demo")
package cn.shencha.demo;

import org.springframework.modulith.ApplicationModule;
