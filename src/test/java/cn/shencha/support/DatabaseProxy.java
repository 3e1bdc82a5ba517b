package cn.shencha.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the app and MariaDB that a test cuts, as a database restart or a killed connection does
 * to the app: {@link #cut()} closes every open connection at once and refuses new ones until {@link #restore()};
 * {@link #cutOnStatements} cuts at the moment the app sends a statement containing the given text (Connector/J
 * sends client-side prepared statements as plain SQL), so a request fails exactly at one step. Listens on the
 * first free port of {@link TestPorts}.
 */
public final class DatabaseProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile List<String> cutMarkers = List.of();

    public DatabaseProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = TestPorts.bind();
        Thread acceptor = new Thread(this::accept, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The database goes away: open connections die, new ones are refused. */
    public void cut() {
        refusing = true;
        open.forEach(DatabaseProxy::closeQuietly);
        open.clear();
    }

    /**
     * Cuts as soon as the app sends a statement containing the last of these texts (case-insensitive), after it sent
     * the others in this order; the statement never reaches the database.
     */
    public void cutOnStatements(String... texts) {
        cutMarkers = new CopyOnWriteArrayList<>(Arrays.stream(texts).map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }

    public void restore() {
        cutMarkers = List.of();
        refusing = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket database = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(database);
                pipe(client, database, true);
                pipe(database, client, false);
            } catch (IOException e) {
                // the server socket was closed, or MariaDB refused: the client sees its connection closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromApp) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromApp && shouldCut(new String(buffer, 0, read, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))) {
                        cut();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or closed by either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "db-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized boolean shouldCut(String sent) {
        List<String> markers = cutMarkers;
        if (markers.isEmpty() || !sent.contains(markers.get(0))) {
            return false;
        }
        if (markers.size() == 1) {
            return true;
        }
        markers.remove(0);
        return false;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
