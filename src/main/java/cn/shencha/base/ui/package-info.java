/** base.ui: part of base's API to every module (docs/architecture.md). */
@NamedInterface("ui")
package cn.shencha.base.ui;

import org.springframework.modulith.NamedInterface;
