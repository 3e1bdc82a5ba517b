/**
 * Material catalog, upload pipeline, image store, lock rules, the candidate's pages and API.
 * See docs/architecture.md for its API and events.
 */
@ApplicationModule(displayName = "Materials")
package cn.shencha.materials;

import org.springframework.modulith.ApplicationModule;
