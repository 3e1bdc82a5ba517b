/**
 * Shared foundation of every module: security, app shell, problem+json errors, clock and time, i18n, cluster tasks.
 * It depends on no module (allowedDependencies is empty); its sub-packages are named interfaces.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Base", allowedDependencies = {})
package cn.shencha.base;

import org.springframework.modulith.ApplicationModule;
