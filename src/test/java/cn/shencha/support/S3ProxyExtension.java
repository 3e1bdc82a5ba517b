package cn.shencha.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for a test class: S3Proxy ({@code org.gaul:s3proxy}, its jar-with-dependencies, copied by
 * Maven to {@code target/s3proxy/s3proxy.jar}), started as its own JVM on 127.0.0.1 and a free port of
 * {@link TestPorts}, with the filesystem provider under {@code target/s3proxy-data/} and request signatures
 * checked (AWS v2 or v4, one access key). Started before the class's tests, stopped by its pid after them.
 * <pre>
 * &#64;RegisterExtension
 * static final S3ProxyExtension s3 = new S3ProxyExtension();
 *
 * &#64;DynamicPropertySource
 * static void storage(DynamicPropertyRegistry registry) {
 *     s3.springProperties("my-bucket").forEach((name, value) -&gt; registry.add(name, () -&gt; value));
 * }
 * </pre>
 * {@link #springProperties} is read when the Spring context starts, after {@code beforeAll}. Without the jar
 * (a run outside Maven) the tests are skipped; under {@code CI=true} they fail. {@link #stop()} and
 * {@link #start()} inside a test take the server away and bring it back (same port, same data).
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String ACCESS_KEY = "shencha-test";
    public static final String SECRET_KEY = "shencha-test-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private int port;
    private Path dataDir;
    private Path properties;
    private Path log;
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the server (again, on the same port and data, after {@link #stop()}) and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            String why = "S3Proxy is missing at " + jar.toAbsolutePath() + " (./mvnw test copies it to target/s3proxy/)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        try {
            if (port == 0) {
                port = TestPorts.free();
                Path target = Path.of("target").toAbsolutePath();
                String name = "s3proxy-" + port + "-" + UUID.randomUUID().toString().substring(0, 8);
                dataDir = Files.createDirectories(target.resolve("s3proxy-data").resolve(name));
                properties = target.resolve("s3proxy-data").resolve(name + ".properties");
                log = target.resolve("s3proxy-data").resolve(name + ".log");
                Files.writeString(properties, String.join("\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + dataDir,
                        ""), StandardCharsets.UTF_8);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toAbsolutePath().toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitAnswer();
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server by its pid (SIGTERM, then SIGKILL after 10 s); its data stays for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The pid of the running server (to kill it from a test or a script), or -1 when it is stopped. */
    public long pid() {
        Process running = process;
        return running != null && running.isAlive() ? running.pid() : -1;
    }

    /** The app's properties for the S3 store on this server and {@code bucket} (created at the app's start). */
    public Map<String, String> springProperties(String bucket) {
        return Map.of(
                "shencha.storage.type", "s3",
                "shencha.storage.s3.endpoint", endpoint(),
                "shencha.storage.s3.bucket", bucket,
                "shencha.storage.s3.region", "us-east-1",
                "shencha.storage.s3.access-key", ACCESS_KEY,
                "shencha.storage.s3.secret-key", SECRET_KEY,
                "shencha.storage.s3.create-bucket", "true");
    }

    /** A client of this server, set up like the app's, for a test's own checks (the caller closes it). */
    public S3Client client() {
        return S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Creates the bucket unless it is there. */
    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    private void awaitAnswer() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ": " + tail());
            }
            try {
                // Any answer will do: an unsigned request is refused (403) once the server is up.
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for S3Proxy", e);
            }
        }
        throw new IOException("S3Proxy did not answer on " + endpoint() + " within " + START_TIMEOUT + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
