package cn.shencha.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stands in for the SMS gateway and the WeChat API: a JDK HttpServer on a random loopback port that
 * records every request and answers like the real thing (or as a test tells it to). One per JVM, shared
 * by the notify tests (they share one application context).
 */
final class FakeGateway {

    record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Reply(int status, String body) {
    }

    static final String SMS_PATH = "/sms/send";
    static final String TOKEN_PATH = "/cgi-bin/token";
    static final String TEMPLATE_PATH = "/cgi-bin/message/template/send";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeGateway SHARED = new FakeGateway();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Request> tokenRequests = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Function<Request, Reply> responder = this::normalReply;

    static FakeGateway shared() {
        return SHARED;
    }

    private FakeGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "fake-gateway");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request with this function from now on (until {@link #reset()}). */
    void respond(Function<Request, Reply> responder) {
        this.responder = responder;
    }

    /** Answers normally again: SMS accepted, a token, WeChat errcode 0. */
    void reset() {
        responder = this::normalReply;
    }

    Reply normalReply(Request request) {
        long n = sequence.incrementAndGet();
        return switch (request.path()) {
            case SMS_PATH -> new Reply(200, "{\"messageId\":\"sms-" + n + "\",\"status\":\"ACCEPTED\"}");
            case TOKEN_PATH -> new Reply(200, "{\"access_token\":\"token-" + n + "\",\"expires_in\":7200}");
            case TEMPLATE_PATH -> new Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + (900000 + n) + "}");
            default -> new Reply(404, "");
        };
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The request that obtained this access token. */
    Request tokenRequest(String token) {
        return tokenRequests.get(token);
    }

    /** SMS requests carrying this idempotency key. */
    List<Request> smsWithKey(String key) {
        return requestsTo(SMS_PATH).stream().filter(r -> key.equals(r.header("Idempotency-Key"))).toList();
    }

    /** WeChat template sends carrying this client_msg_id. */
    List<Request> wechatWithKey(String key) {
        return requestsTo(TEMPLATE_PATH).stream()
                .filter(r -> key.equals(r.json().path("client_msg_id").asText())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()),
                            (a, b) -> a));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), headers, body);
            requests.add(request);
            Reply reply = responder.apply(request);
            if (request.path().equals(TOKEN_PATH) && reply.status() == 200) {
                tokenRequests.put(JSON.readTree(reply.body()).path("access_token").asText(), request);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> b));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
