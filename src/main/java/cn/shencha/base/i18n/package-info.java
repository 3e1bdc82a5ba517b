/** base.i18n: part of base's API to every module (docs/architecture.md). */
@NamedInterface("i18n")
package cn.shencha.base.i18n;

import org.springframework.modulith.NamedInterface;
