package cn.shencha.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports this worktree's tests may listen on: 18400-18499, or the range of {@code -Dshencha.test.ports=18300-18399}
 * (several worktrees on one machine, each with its own range).
 */
public final class TestPorts {

    static final int FIRST = range()[0];
    static final int LAST = range()[1];

    private static int[] range() {
        String configured = System.getProperty("shencha.test.ports", "18400-18499");
        String[] bounds = configured.trim().split("-");
        return new int[] {Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim())};
    }

    private TestPorts() {
    }

    /** A bound loopback socket on the first free port of the range. */
    public static ServerSocket bind() {
        for (int port = FIRST; port <= LAST; port++) {
            try {
                return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + FIRST + "-" + LAST));
    }

    /** A port of the range that is free now, for a server the test starts next. */
    public static int free() {
        try (ServerSocket socket = bind()) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
