package cn.shencha.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** @param node the app node that answered, as the balancer names it ({@code X-Shencha-Node}); empty without one */
    record Response(int status, String body, long nanos, String location, String node) {

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

    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String API_CSRF_COOKIE = "SHENCHA-XSRF-TOKEN";

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String basic;

    BenchClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    BenchClient withBasic(String username, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The login page and its form's POST with the page's CSRF token, as the browser sends them: afterwards the
     * session cookie identifies the user.
     */
    BenchClient signIn(String username, String password) {
        Matcher token = LOGIN_CSRF.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        Response response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token.group(1)))));
        if (response.status() != 302 || response.location().contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + response.status() + " "
                    + response.location());
        }
        return this;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose body is binary (a stored image): status and bytes as sent. */
    Bytes getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Bytes(int status, byte[] body, String etag) {
    }

    Response postJson(String path, Object body) {
        return send(changing(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    Response putJson(String path, Object body) {
        return send(changing(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    Response delete(String path) {
        return send(changing(path).DELETE());
    }

    /**
     * Long, because an import file is one synchronous request that starts a process per row: on a machine loaded by
     * other work, 500 rows beside a running deadline night took over 2 minutes.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    Response postFile(String path, String fileName, String contentType, byte[] content) {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(changing(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept-Language", "zh-CN");
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    /** A call that changes something: on the session (no Basic credentials) it carries the API's CSRF token. */
    private HttpRequest.Builder changing(String path) {
        HttpRequest.Builder builder = request(path);
        if (basic == null && path.startsWith("/api/")) {
            if (csrfCookie() == null) {
                get("/api/v1/csrf");
            }
            builder.header("X-SHENCHA-XSRF-TOKEN", csrfCookie());
        }
        return builder;
    }

    private String csrfCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(API_CSRF_COOKIE)).map(HttpCookie::getValue).findFirst().orElse(null);
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
                    response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("X-Shencha-Node").orElse(""));
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
