/** base.web: part of base's API to every module (docs/architecture.md). */
@NamedInterface("web")
package cn.shencha.base.web;

import org.springframework.modulith.NamedInterface;
