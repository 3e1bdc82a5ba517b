package cn.shencha.notify.channel;

import cn.shencha.notify.Channel;
import cn.shencha.notify.ChannelSender;
import cn.shencha.notify.DeliveryFailure;
import cn.shencha.notify.NoticeKind;
import cn.shencha.notify.NotifyProperties;
import cn.shencha.notify.OutboundMessage;
import cn.shencha.notify.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * WeChat template messages of the official account (公众号 模板消息): an access token from
 * {@code GET /cgi-bin/token} (cached until shortly before it expires), then
 * {@code POST /cgi-bin/message/template/send} with the candidate's openid, the template configured for the
 * notice kind and {@code client_msg_id} = the idempotency key (WeChat drops a repeated one). Off unless the
 * AppID and AppSecret are configured; a kind without a template is not sent by WeChat.
 */
@Component
class WeChatChannel implements ChannelSender {

    /** errcodes worth a retry: system busy, token invalid/expired, rate limits. */
    private static final Set<Integer> TRANSIENT = Set.of(-1, 40001, 40014, 42001, 45009, 45011);
    private static final Set<Integer> TOKEN_INVALID = Set.of(40001, 40014, 42001);
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private record Token(String value, Instant expiresAt) {
    }

    private final NotifyProperties.WeChat settings;
    private final RestClient http;
    private final Clock clock;
    private volatile Token token;

    WeChatChannel(NotifyProperties properties, RestClient.Builder builder, Clock clock) {
        this.settings = properties.getWechat();
        this.http = GatewayHttp.client(builder, settings.getTimeout());
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean enabled() {
        return settings.configured();
    }

    @Override
    public boolean handles(NoticeKind kind) {
        NotifyProperties.Template template = settings.getTemplates().get(kind);
        return template != null && !template.getId().isBlank();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        NotifyProperties.Template template = settings.getTemplates().get(message.kind());
        if (template == null || template.getId().isBlank()) {
            throw DeliveryFailure.permanentFailure("no WeChat template for " + message.kind());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", message.recipient());
        body.put("template_id", template.getId());
        if (!template.getUrl().isBlank()) {
            body.put("url", template.getUrl());
        }
        body.put("client_msg_id", message.idempotencyKey());
        body.put("data", data(template, message));

        String accessToken = accessToken();
        Map<String, Object> answer = post("/cgi-bin/message/template/send?access_token={token}", body, accessToken);
        int errcode = errcode(answer);
        if (errcode != 0) {
            if (TOKEN_INVALID.contains(errcode)) {
                token = null;
            }
            throw new DeliveryFailure("WeChat errcode " + errcode + ": " + answer.get("errmsg"), !TRANSIENT.contains(errcode));
        }
        Object msgId = answer.get("msgid");
        return SendResult.accepted(msgId == null ? null : String.valueOf(msgId));
    }

    /** The template's data fields, each {@code {"value": ...}}. */
    static Map<String, Object> data(NotifyProperties.Template template, OutboundMessage message) {
        Map<String, String> mapping = template.getData().isEmpty()
                ? Map.of("first", "title", "keyword1", "name", "remark", "body")
                : template.getData();
        Map<String, Object> data = new LinkedHashMap<>();
        mapping.forEach((key, source) -> data.put(key, Map.of("value", switch (source) {
            case "title" -> message.title();
            case "body" -> message.body();
            default -> message.params().getOrDefault(source, "");
        })));
        return data;
    }

    private String accessToken() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.expiresAt())) {
            return current.value();
        }
        synchronized (this) {
            current = token;
            if (current != null && clock.instant().isBefore(current.expiresAt())) {
                return current.value();
            }
            Map<String, Object> answer = get("/cgi-bin/token?grant_type=client_credential&appid={appid}&secret={secret}",
                    settings.getAppId(), settings.getAppSecret());
            Object value = answer.get("access_token");
            if (value == null) {
                throw DeliveryFailure.transientFailure("WeChat access token refused: errcode " + errcode(answer)
                        + " " + answer.get("errmsg"));
            }
            long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 7200;
            Duration lifetime = Duration.ofSeconds(expiresIn).minus(TOKEN_MARGIN);
            token = new Token(String.valueOf(value), clock.instant().plus(lifetime.isNegative() ? Duration.ZERO : lifetime));
            return token.value();
        }
    }

    private Map<String, Object> get(String path, Object... variables) {
        try {
            return http.get().uri(settings.getApiBase() + path, variables).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> read(response.getStatusCode(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure("WeChat unreachable: " + e.getMessage(), false, e);
        }
    }

    private Map<String, Object> post(String path, Map<String, Object> body, Object... variables) {
        try {
            return http.post().uri(settings.getApiBase() + path, variables).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> read(response.getStatusCode(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure("WeChat unreachable: " + e.getMessage(), false, e);
        }
    }

    private static Map<String, Object> read(HttpStatusCode status, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!status.is2xxSuccessful()) {
            throw GatewayHttp.failureFor(status, text);
        }
        return GatewayHttp.jsonObject(text);
    }

    private static int errcode(Map<String, Object> answer) {
        return answer.get("errcode") instanceof Number n ? n.intValue() : 0;
    }
}
