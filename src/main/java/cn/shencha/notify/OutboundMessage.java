package cn.shencha.notify;

import java.util.Map;

/**
 * What a channel sends: the texts (Chinese, rendered from the notify bundles), the named template
 * parameters for gateways with their own templates, and the key that makes a retry recognisable.
 */
public record OutboundMessage(String idempotencyKey, Channel channel, String recipient, NoticeKind kind,
                              Map<String, String> params, String title, String body, String shortText) {
}
