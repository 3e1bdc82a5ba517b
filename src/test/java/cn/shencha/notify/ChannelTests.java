package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Each channel against its stand-in: e-mail to GreenMail, SMS and WeChat to the local HTTP server. */
@ShenchaSpringTest
class ChannelTests extends NotifyTestSupport {

    @Autowired
    WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void eMailGoesOutOverSmtpWithTheRenderedTextAndTheIdempotencyKeyAsMessageId() throws Exception {
        Candidate candidate = testData.candidate("1201");
        String address = "kaosheng" + candidate.getId() + "@example.com";
        contacts.setEmail(candidate.getId(), address);

        Notification notification = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_REQUESTED, "张伟",
                "身份证明（照片模糊）", "2026-02-28 24:00");
        assertThat(delivery(notification, Channel.EMAIL).getState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(delivery(notification, Channel.EMAIL).getRecipient()).isEqualTo(address);
        dispatchAll();

        List<MimeMessage> received = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipients(m).contains(address)).toList();
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("请补充材料");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@shencha.test");
        assertThat(mail.getMessageID()).isEqualTo("<" + notification.getIdempotencyKey() + "@shencha.notify>");
        assertThat(mail.getHeader("X-Shencha-Idempotency-Key")[0]).isEqualTo(notification.getIdempotencyKey());
        assertThat(String.valueOf(mail.getContent()).strip()).isEqualTo(
                "张伟，您好：审核人员要求您更换以下材料：身份证明（照片模糊）。请于2026-02-28 24:00前登录上传页面，更换已解锁的材料并重新提交审核。");
        NotificationDelivery email = delivery(notification, Channel.EMAIL);
        assertThat(email.getState()).isEqualTo(DeliveryState.SENT);
        assertThat(email.getGatewayRef()).isEqualTo(mail.getMessageID());
    }

    @Test
    void smsCarriesTheKeyTheTemplateAndItsNamedParametersToTheGateway() {
        Candidate candidate = testData.candidate("1201");

        Notification notification = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_REQUESTED, "张伟",
                "身份证明（照片模糊）", "2026-02-28 24:00");
        dispatchAll();

        List<FakeGateway.Request> sent = GATEWAY.smsWithKey(notification.getIdempotencyKey());
        assertThat(sent).hasSize(1);
        FakeGateway.Request request = sent.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + SMS_KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = request.json();
        assertThat(body.path("to").asText()).isEqualTo(candidate.getPhone());
        assertThat(body.path("sign").asText()).isEqualTo("医师资格考试");
        assertThat(body.path("template").asText()).isEqualTo("SMS_SUPPLEMENT_01");
        assertThat(body.path("params").path("name").asText()).isEqualTo("张伟");
        assertThat(body.path("params").path("materials").asText()).isEqualTo("身份证明（照片模糊）");
        assertThat(body.path("params").path("deadline").asText()).isEqualTo("2026-02-28 24:00");
        assertThat(body.path("text").asText()).isEqualTo(
                "【医师资格考试】张伟，您好：您的报名材料需补充，请于2026-02-28 24:00前登录上传页面查看反馈意见并重新提交审核。");
        assertThat(body.path("idempotencyKey").asText()).isEqualTo(notification.getIdempotencyKey());
    }

    @Test
    void withoutAConfiguredTemplateTheSmsGatewayGetsTheTextOnly() {
        Candidate candidate = testData.candidate("1201");

        Notification notification = notifyCommitted(candidate, NoticeKind.MATERIALS_AUTO_LOCKED, "李娜");
        dispatchAll();

        JsonNode body = GATEWAY.smsWithKey(notification.getIdempotencyKey()).get(0).json();
        assertThat(body.has("template")).isFalse();
        assertThat(body.path("text").asText()).isEqualTo("【医师资格考试】李娜，您好：材料上传已截止，您已上传的材料已自动锁定并转入审核。");
    }

    @Test
    void aGatewayThatAlreadyKnowsTheKeyCountsAsSent() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, "李娜");
        GATEWAY.respond(request -> new FakeGateway.Reply(409, "{\"error\":\"duplicate idempotency key\"}"));

        dispatchAll();

        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void theSmsGatewaysDeliveryReportMarksTheMessageDelivered() throws Exception {
        Candidate candidate = testData.candidate("1201");
        Notification delivered = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, "李娜");
        Notification undeliverable = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_EXPIRED, "李娜");
        dispatchAll();
        String ref = delivery(delivered, Channel.SMS).getGatewayRef();
        String otherRef = delivery(undeliverable, Channel.SMS).getGatewayRef();

        mvc.perform(post("/api/v1/notify/reports/sms").header("Authorization", "Bearer wrong")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":\"" + ref + "\",\"status\":\"DELIVERED\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(delivery(delivered, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);

        mvc.perform(post("/api/v1/notify/reports/sms").header("Authorization", "Bearer " + SMS_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":\"" + ref + "\",\"status\":\"DELIVERED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(true));
        mvc.perform(post("/api/v1/notify/reports/sms").header("Authorization", "Bearer " + SMS_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messageId\":\"" + otherRef + "\",\"status\":\"FAILED\",\"detail\":\"空号\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(true));

        NotificationDelivery ok = delivery(delivered, Channel.SMS);
        assertThat(ok.getState()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(ok.getDeliveredAt()).isEqualTo(clock.instant());
        NotificationDelivery failed = delivery(undeliverable, Channel.SMS);
        assertThat(failed.getState()).isEqualTo(DeliveryState.DEAD);
        assertThat(failed.getLastError()).contains("空号");

        // Resending a message the gateway had accepted gets a new key, or the gateway would drop it.
        admin.resend(undeliverable.getId());
        dispatchAll();
        assertThat(GATEWAY.smsWithKey(undeliverable.getIdempotencyKey() + "-1")).hasSize(1);
        assertThat(delivery(undeliverable, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void weChatTemplateMessageGoesToTheOpenIdWithTheConfiguredTemplateAndClientMsgId() {
        Candidate candidate = testData.candidate("1201");
        contacts.bindWeChat(candidate.getId(), "oWx" + candidate.getId());

        Notification notification = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_REQUESTED, "张伟",
                "身份证明（照片模糊）", "2026-02-28 24:00");
        assertThat(delivery(notification, Channel.WECHAT).getState()).isEqualTo(DeliveryState.QUEUED);
        dispatchAll();

        List<FakeGateway.Request> sends = GATEWAY.wechatWithKey(notification.getIdempotencyKey());
        assertThat(sends).hasSize(1);
        FakeGateway.Request send = sends.get(0);
        String token = send.query().get("access_token");
        assertThat(token).startsWith("token-");
        FakeGateway.Request tokenRequest = GATEWAY.tokenRequest(token);
        assertThat(tokenRequest.method()).isEqualTo("GET");
        assertThat(tokenRequest.query()).containsEntry("grant_type", "client_credential")
                .containsEntry("appid", "wx-test-app").containsEntry("secret", "wx-test-secret");
        JsonNode body = send.json();
        assertThat(body.path("touser").asText()).isEqualTo("oWx" + candidate.getId());
        assertThat(body.path("template_id").asText()).isEqualTo("TPL_SUPPLEMENT");
        assertThat(body.path("url").asText()).isEqualTo("https://shencha.example/materials");
        assertThat(body.path("data").path("thing1").path("value").asText()).isEqualTo("张伟");
        assertThat(body.path("data").path("thing2").path("value").asText()).isEqualTo("身份证明（照片模糊）");
        assertThat(body.path("data").path("time3").path("value").asText()).isEqualTo("2026-02-28 24:00");
        NotificationDelivery wechat = delivery(notification, Channel.WECHAT);
        assertThat(wechat.getState()).isEqualTo(DeliveryState.SENT);
        assertThat(wechat.getGatewayRef()).isNotBlank();

        // A second message reuses the cached token.
        int tokensBefore = GATEWAY.requestsTo(FakeGateway.TOKEN_PATH).size();
        Notification second = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, "张伟");
        dispatchAll();
        assertThat(GATEWAY.requestsTo(FakeGateway.TOKEN_PATH)).hasSize(tokensBefore);
        JsonNode verdict = GATEWAY.wechatWithKey(second.getIdempotencyKey()).get(0).json();
        assertThat(verdict.path("template_id").asText()).isEqualTo("TPL_VERDICT");
        assertThat(verdict.path("data").path("first").path("value").asText()).isEqualTo("审核结果已公布");
        assertThat(verdict.path("data").path("keyword1").path("value").asText()).isEqualTo("张伟");
    }

    @Test
    void aKindWithoutAWeChatTemplateIsNotQueuedForWeChat() {
        Candidate candidate = testData.candidate("1201");
        contacts.bindWeChat(candidate.getId(), "oWx" + candidate.getId());

        Notification notification = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_EXPIRED, "张伟");

        assertThat(deliveriesOf(notification)).containsKeys(Channel.IN_APP, Channel.SMS).doesNotContainKey(Channel.WECHAT);
    }

    @Test
    void weChatRefreshesAnExpiredTokenAndGivesUpOnAnUnsubscribedUser() {
        Candidate candidate = testData.candidate("1201");
        contacts.bindWeChat(candidate.getId(), "oWx" + candidate.getId());
        Notification expiredToken = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, "张伟");
        GATEWAY.respond(request -> request.path().equals(FakeGateway.TEMPLATE_PATH)
                ? new FakeGateway.Reply(200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")
                : GATEWAY.normalReply(request));

        dispatchAll();
        NotificationDelivery failed = delivery(expiredToken, Channel.WECHAT);
        assertThat(failed.getState()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.getLastError()).contains("42001");
        String staleToken = GATEWAY.wechatWithKey(expiredToken.getIdempotencyKey()).get(0).query().get("access_token");

        GATEWAY.reset();
        clock.advance(java.time.Duration.ofMinutes(1));
        dispatchAll();
        List<FakeGateway.Request> attempts = GATEWAY.wechatWithKey(expiredToken.getIdempotencyKey());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).query().get("access_token")).isNotEqualTo(staleToken);
        assertThat(delivery(expiredToken, Channel.WECHAT).getState()).isEqualTo(DeliveryState.SENT);

        Notification unsubscribed = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, "张伟");
        GATEWAY.respond(request -> request.path().equals(FakeGateway.TEMPLATE_PATH)
                ? new FakeGateway.Reply(200, "{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")
                : GATEWAY.normalReply(request));
        dispatchAll();
        NotificationDelivery dead = delivery(unsubscribed, Channel.WECHAT);
        assertThat(dead.getState()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.getAttempts()).isEqualTo(1);
        assertThat(dead.getLastError()).contains("43004");
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
