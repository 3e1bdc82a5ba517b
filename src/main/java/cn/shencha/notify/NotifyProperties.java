package cn.shencha.notify;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of notifications ({@code shencha.notify.*}; environment variables like
 * {@code SHENCHA_NOTIFY_SMS_URL} work too). In-app messages are always on; SMS, e-mail and WeChat are off
 * unless configured. See docs/notifications.md.
 */
@ConfigurationProperties("shencha.notify")
public class NotifyProperties {

    private final Dispatcher dispatcher = new Dispatcher();
    private final Reminders reminders = new Reminders();
    private final Sms sms = new Sms();
    private final Mail mail = new Mail();
    private final WeChat wechat = new WeChat();
    private final Digest digest = new Digest();

    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    public Reminders getReminders() {
        return reminders;
    }

    public Sms getSms() {
        return sms;
    }

    public Mail getMail() {
        return mail;
    }

    public WeChat getWechat() {
        return wechat;
    }

    public Digest getDigest() {
        return digest;
    }

    public static class Digest {
        /** The reviewers' daily e-mail digest; only sent while e-mail is configured. */
        private boolean enabled = true;
        /** From this time of day (Asia/Shanghai) the day's digest goes out. */
        private java.time.LocalTime sendAt = java.time.LocalTime.of(8, 0);
        /** Tasks whose deadline is at most this far away are "close to their deadline". */
        private Duration horizon = Duration.ofDays(7);
        private Duration interval = Duration.ofMinutes(15);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public java.time.LocalTime getSendAt() {
            return sendAt;
        }

        public void setSendAt(java.time.LocalTime sendAt) {
            this.sendAt = sendAt;
        }

        public Duration getHorizon() {
            return horizon;
        }

        public void setHorizon(Duration horizon) {
            this.horizon = horizon;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    public static class Dispatcher {
        /** How often the dispatcher looks for due deliveries. */
        private Duration interval = Duration.ofSeconds(5);
        /** How many deliveries one run takes at most. */
        private int batchSize = 50;
        /** How long a claim holds; must be well above the channels' timeouts. */
        private Duration lease = Duration.ofMinutes(2);
        /** Attempts per delivery before it is dead. */
        private int maxAttempts = 6;
        /** The wait before the first retry; doubled for each further one, up to backoffMax. */
        private Duration backoff = Duration.ofSeconds(30);
        private Duration backoffMax = Duration.ofHours(1);
        /** This node's name in claims; host name and process id when empty. */
        private String nodeId = "";

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        public Duration getBackoffMax() {
            return backoffMax;
        }

        public void setBackoffMax(Duration backoffMax) {
            this.backoffMax = backoffMax;
        }

        public String getNodeId() {
            return nodeId;
        }

        public void setNodeId(String nodeId) {
            this.nodeId = nodeId;
        }
    }

    public static class Reminders {
        /** How often due reminders are computed. */
        private Duration interval = Duration.ofMinutes(10);
        /** How long before the upload deadline candidates who have not submitted are reminded. */
        private List<Duration> leads = List.of(Duration.ofHours(48), Duration.ofHours(6));

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public List<Duration> getLeads() {
            return leads;
        }

        public void setLeads(List<Duration> leads) {
            this.leads = leads;
        }
    }

    public enum SmsMode { OFF, LOG, HTTP }

    public static class Sms {
        /** off (default), log (writes the text to the log: the demo) or http (the gateway below). */
        private SmsMode mode = SmsMode.OFF;
        /** The gateway's send URL (POST, JSON). */
        private String url = "";
        /** Sent as "Authorization: Bearer <key>"; also the key a delivery report must carry. */
        private String apiKey = "";
        /** The signature (签名) registered with the gateway. */
        private String sign = "";
        /** Gateway template codes by notice kind; without one the rendered text is sent. */
        private Map<NoticeKind, String> templates = new EnumMap<>(NoticeKind.class);
        private Duration timeout = Duration.ofSeconds(10);

        public SmsMode getMode() {
            return mode;
        }

        public void setMode(SmsMode mode) {
            this.mode = mode;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getSign() {
            return sign;
        }

        public void setSign(String sign) {
            this.sign = sign;
        }

        public Map<NoticeKind, String> getTemplates() {
            return templates;
        }

        public void setTemplates(Map<NoticeKind, String> templates) {
            this.templates = templates;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    public static class Mail {
        /** Off unless spring.mail.host is set; this switches it off even then. */
        private boolean enabled = true;
        private String from = "noreply@localhost";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    public static class WeChat {
        /** The official account's AppID and AppSecret; WeChat is off while either is empty. */
        private String appId = "";
        private String appSecret = "";
        private String apiBase = "https://api.weixin.qq.com";
        /** Template messages by notice kind; a kind without a template is not sent by WeChat. */
        private Map<NoticeKind, Template> templates = new EnumMap<>(NoticeKind.class);
        private Duration timeout = Duration.ofSeconds(10);

        public boolean configured() {
            return !appId.isBlank() && !appSecret.isBlank();
        }

        public String getAppId() {
            return appId;
        }

        public void setAppId(String appId) {
            this.appId = appId;
        }

        public String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        public String getApiBase() {
            return apiBase;
        }

        public void setApiBase(String apiBase) {
            this.apiBase = apiBase;
        }

        public Map<NoticeKind, Template> getTemplates() {
            return templates;
        }

        public void setTemplates(Map<NoticeKind, Template> templates) {
            this.templates = templates;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    public static class Template {
        /** The template_id from the official account's template library. */
        private String id = "";
        /** Where tapping the message leads (the upload page). */
        private String url = "";
        /**
         * The template's data fields: WeChat key → a parameter name of the notice kind, or "title"/"body".
         * Empty: first=title, keyword1=name, remark=body.
         */
        private Map<String, String> data = new LinkedHashMap<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public Map<String, String> getData() {
            return data;
        }

        public void setData(Map<String, String> data) {
            this.data = data;
        }
    }
}
