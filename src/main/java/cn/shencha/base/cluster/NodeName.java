package cn.shencha.base.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/**
 * This app node's name in the cluster: the holder of a periodic task's lock ({@code shedlock.locked_by}) and of the
 * engine's job locks ({@code ACT_RU_JOB.LOCK_OWNER_}), so an operator sees which node holds what. {@code NODE_NAME}
 * when set (e.g. {@code app1}), otherwise the host name and the process id.
 */
public record NodeName(String value) {

    static final int MAX_LENGTH = 60;

    public NodeName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A node name is required");
        }
        value = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }

    static NodeName configuredOr(String configured) {
        return configured == null || configured.isBlank() ? new NodeName(hostAndPid()) : new NodeName(configured.trim());
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    @Override
    public String toString() {
        return value;
    }
}
