package cn.shencha.materials.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Every HTTP request the tests' S3 clients send, as signed and about to go on the wire: registered for all of
 * them by {@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources, recording
 * only after {@link #start()} (the benchmark's app runs on the test classpath too). The requests still go to the
 * real server.
 */
public class WireRecorder implements ExecutionInterceptor {

    public record Sent(String method, String path, Map<String, List<String>> headers) {

        public boolean hasHeaderStartingWith(String prefix) {
            return headers.keySet().stream().anyMatch(name -> name.toLowerCase().startsWith(prefix));
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    private static final List<Sent> SENT = new ArrayList<>();
    private static volatile boolean recording;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!recording) {
            return;
        }
        SdkHttpRequest request = context.httpRequest();
        synchronized (SENT) {
            SENT.add(new Sent(request.method().name(), request.encodedPath(), request.headers()));
            if (SENT.size() > 1000) {
                SENT.remove(0);
            }
        }
    }

    /** Forgets what was sent so far and records from now on. */
    public static void start() {
        synchronized (SENT) {
            SENT.clear();
            recording = true;
        }
    }

    public static List<Sent> sent() {
        synchronized (SENT) {
            return List.copyOf(SENT);
        }
    }
}
