/** base.cluster: part of base's API to every module (docs/architecture.md). */
@NamedInterface("cluster")
package cn.shencha.base.cluster;

import org.springframework.modulith.NamedInterface;
