package cn.shencha.notify.channel;

import cn.shencha.notify.Channel;
import cn.shencha.notify.ChannelSender;
import cn.shencha.notify.DeliveryFailure;
import cn.shencha.notify.NotifyProperties;
import cn.shencha.notify.NotifyProperties.SmsMode;
import cn.shencha.notify.OutboundMessage;
import cn.shencha.notify.SendResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * SMS through an HTTP gateway, or only into the log (the demo). The gateway contract (docs/notifications.md):
 * {@code POST <url>} with {@code Authorization: Bearer <api-key>}, {@code Idempotency-Key: <key>} and a JSON
 * body {@code {to, sign, template, params, text, idempotencyKey}}; 2xx accepts (optionally answering
 * {@code {"messageId": ..., "status": "DELIVERED"}}), 409 means the key was seen before (already accepted).
 */
@Component
class SmsChannel implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    private final NotifyProperties.Sms settings;
    private final RestClient http;

    SmsChannel(NotifyProperties properties, RestClient.Builder builder) {
        this.settings = properties.getSms();
        this.http = GatewayHttp.client(builder, settings.getTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return settings.getMode() == SmsMode.LOG
                || (settings.getMode() == SmsMode.HTTP && !settings.getUrl().isBlank());
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (settings.getMode() == SmsMode.LOG) {
            log.info("SMS (log only) to {} [{}]: {}", Channel.SMS.mask(message.recipient()), message.idempotencyKey(),
                    message.shortText());
            return new SendResult("log-" + message.idempotencyKey(), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.recipient());
        body.put("sign", settings.getSign());
        String template = settings.getTemplates().get(message.kind());
        if (template != null && !template.isBlank()) {
            body.put("template", template);
        }
        body.put("params", message.params());
        body.put("text", message.shortText());
        body.put("idempotencyKey", message.idempotencyKey());
        try {
            return http.post().uri(settings.getUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + settings.getApiKey())
                    .header("Idempotency-Key", message.idempotencyKey())
                    .body(body)
                    .exchange((request, response) -> {
                        String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (response.getStatusCode().value() == 409) {
                            return new SendResult(null, false); // a retry of a message the gateway already took
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw GatewayHttp.failureFor(response.getStatusCode(), answer);
                        }
                        Map<String, Object> fields = GatewayHttp.jsonObject(answer);
                        Object id = fields.get("messageId");
                        return new SendResult(id == null ? null : String.valueOf(id),
                                "DELIVERED".equalsIgnoreCase(String.valueOf(fields.get("status"))));
                    });
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure("SMS gateway unreachable: " + e.getMessage(), false, e);
        }
    }
}
