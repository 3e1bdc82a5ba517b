package cn.shencha.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * One user's HTTP client: its own cookie jar, so that after {@link #signIn} every call rides on the session
 * as a browser's would. {@link #withBasic} instead sends the credentials with every call (a stateless API
 * client). Nothing here retries: a failure is a figure.
 */
final class BenchClient {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Close idle connections before Tomcat does (its keep-alive timeout is 20 s): a connection the server
        // closed while it sat in the pool fails the next request with "header parser received no bytes".
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    }

    record Response(int status, String body, long nanos, String location) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String code() {
            try {
                JsonNode code = JSON.readTree(body).get("code");
                return code == null ? "HTTP_" + status : code.asText();
            } catch (IOException e) {
                return "HTTP_" + status;
            }
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private String basic;

    BenchClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    BenchClient withBasic(String username, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The login form's POST, as the browser sends it: afterwards the session cookie identifies the user. */
    BenchClient signIn(String username, String password) {
        Response response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password))));
        if (response.status() != 302 || response.location().contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + response.status() + " "
                    + response.location());
        }
        return this;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response postFile(String path, String fileName, String contentType, byte[] content) {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Accept-Language", "zh-CN");
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return attempt(request);
        } catch (UncheckedIOException e) {
            // The server closed a pooled connection before reading the request: nothing was processed, send again.
            if (String.valueOf(e.getCause().getMessage()).contains("received no bytes")) {
                return attempt(request);
            }
            throw e;
        }
    }

    private Response attempt(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start,
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
