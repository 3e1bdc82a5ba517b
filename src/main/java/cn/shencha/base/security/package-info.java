/** base.security: part of base's API to every module (docs/architecture.md). */
@NamedInterface("security")
package cn.shencha.base.security;

import org.springframework.modulith.NamedInterface;
