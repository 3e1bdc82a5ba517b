package cn.shencha.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements the benchmark's app sends, counted in the app (by the first word, a batched statement once per
 * row as Connector/J sends it) and its commits, so that a figure per item does not depend on what other databases on
 * the same server do. Installed by {@link BenchApplication} when {@code -Dbench.statementCounterPort} is set; the
 * counts are read over HTTP on that loopback port ({@link #read}).
 */
final class StatementCounter implements BeanPostProcessor {

    static final String PORT_PROPERTY = "bench.statementCounterPort";
    static final String[] KINDS = {"select", "insert", "update", "delete", "other", "commit"};

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final HttpServer server;

    StatementCounter(int port) {
        for (String kind : KINDS) {
            counts.put(kind, new LongAdder());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                StringBuilder body = new StringBuilder();
                counts.forEach((kind, n) -> body.append(kind).append('=').append(n.sum()).append('\n'));
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening (its thread would keep a JVM alive whose context failed or closed). */
    void stop() {
        server.stop(0);
    }

    /** The counts of the app whose counter listens on {@code port}. */
    static Map<String, Long> read(int port) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Long> values = new LinkedHashMap<>();
            body.lines().map(l -> l.split("=")).forEach(kv -> values.put(kv[0], Long.parseLong(kv[1])));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // The connection pool itself, once: not the engine's or Spring's wrappers around it.
        if (bean instanceof DataSource dataSource && bean.getClass().getName().equals("com.zaxxer.hikari.HikariDataSource")) {
            return StatementCounter.<DataSource>proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection c ? connection(c) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return StatementCounter.<Connection>proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("commit")) {
                counts.get("commit").increment();
            }
            if (result instanceof PreparedStatement p && method.getName().startsWith("prepare")) {
                String sql = (String) args[0];
                return StatementCounter.<PreparedStatement>proxy(p instanceof java.sql.CallableStatement
                        ? java.sql.CallableStatement.class : PreparedStatement.class, p, (t, m, a) -> {
                            String name = m.getName();
                            if ((name.startsWith("execute") && !name.equals("executeBatch") && (a == null || a.length == 0))
                                    || name.equals("addBatch")) {
                                count(sql);
                            }
                            return invoke(t, m, a);
                        });
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return StatementCounter.<Statement>proxy(Statement.class, s, (t, m, a) -> {
                    if ((m.getName().startsWith("execute") && !m.getName().equals("executeBatch") && a != null && a.length > 0
                            && a[0] instanceof String sql) || (m.getName().equals("addBatch") && a != null && a[0] instanceof String)) {
                        count((String) a[0]);
                    }
                    return invoke(t, m, a);
                });
            }
            return result;
        });
    }

    private void count(String sql) {
        String verb = sql.stripLeading().split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        counts.getOrDefault(verb, counts.get("other")).increment();
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<? extends T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
