/** base.time: part of base's API to every module (docs/architecture.md). */
@NamedInterface("time")
package cn.shencha.base.time;

import org.springframework.modulith.NamedInterface;
