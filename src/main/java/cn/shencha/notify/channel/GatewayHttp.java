package cn.shencha.notify.channel;

import cn.shencha.notify.DeliveryFailure;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client of the gateways: JDK HttpClient under Spring's RestClient, with timeouts. */
final class GatewayHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private GatewayHttp() {
    }

    static RestClient client(RestClient.Builder builder, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        return builder.clone().requestFactory(factory).build();
    }

    /** 408, 429 and 5xx may pass; any other refusal will not. */
    static DeliveryFailure failureFor(HttpStatusCode status, String body) {
        int code = status.value();
        String message = "HTTP " + code + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        boolean transientFailure = code == 408 || code == 429 || status.is5xxServerError();
        return new DeliveryFailure(message, !transientFailure);
    }

    /** The fields of a JSON object answer; empty when the answer is empty or not a JSON object. */
    static Map<String, Object> jsonObject(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> fields = JSON.readValue(text, MAP);
            return fields == null ? Map.of() : fields;
        } catch (Exception e) {
            return Map.of();
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
