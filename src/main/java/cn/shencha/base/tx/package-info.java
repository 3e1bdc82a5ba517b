/** base.tx: part of base's API to every module (docs/architecture.md). */
@NamedInterface("tx")
package cn.shencha.base.tx;

import org.springframework.modulith.NamedInterface;
