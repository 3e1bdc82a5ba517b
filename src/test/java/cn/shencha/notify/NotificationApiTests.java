package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.base.security.Roles;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The admin API over the outbox, and the candidate's messages and notification contact. */
@ShenchaSpringTest
class NotificationApiTests extends NotifyTestSupport {

    @Autowired
    WebApplicationContext context;
    @Autowired
    CandidateMessages candidateMessages;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void administratorsSeeEachNotificationWithItsDeliveryStatePerChannel() throws Exception {
        Candidate candidate = testData.candidate("1201");
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());

        mvc.perform(get("/api/v1/admin/notifications/{id}", notification.getId()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("VERDICT_PUBLISHED"))
                .andExpect(jsonPath("$.registrationNo").value(candidate.getRegistrationNo()))
                .andExpect(jsonPath("$.read").value(false))
                .andExpect(jsonPath("$.deliveries[0].channel").value("IN_APP"))
                .andExpect(jsonPath("$.deliveries[0].state").value("SENT"))
                .andExpect(jsonPath("$.deliveries[1].channel").value("SMS"))
                .andExpect(jsonPath("$.deliveries[1].state").value("QUEUED"))
                .andExpect(jsonPath("$.deliveries[1].recipient").value("138****0000"));

        GATEWAY.respond(request -> new FakeGateway.Reply(400, "{\"error\":\"blocked\"}"));
        dispatchAll();

        mvc.perform(get("/api/v1/admin/notifications").param("state", "dead").param("size", "200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == %d)].deliveries[1].state", notification.getId()).value("DEAD"))
                .andExpect(jsonPath("$.items[?(@.id == %d)].deliveries[1].lastError", notification.getId())
                        .value("HTTP 400: {\"error\":\"blocked\"}"))
                .andExpect(jsonPath("$.counts.DEAD").isNumber());

        GATEWAY.reset();
        mvc.perform(post("/api/v1/admin/notifications/{id}/resend", notification.getId()).with(admin()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveries[1].state").value("QUEUED"))
                .andExpect(jsonPath("$.deliveries[1].attempts").value(0));
        dispatchAll();
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);

        mvc.perform(post("/api/v1/admin/notifications/{id}/resend", notification.getId()).with(admin()).with(csrf().asHeader()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOTHING_TO_RESEND"));
    }

    @Test
    void theAdminApiAnswersProblemsAndRefusesEveryoneElse() throws Exception {
        Candidate candidate = testData.candidate("1201");
        mvc.perform(get("/api/v1/admin/notifications/{id}", 987654321L).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
        mvc.perform(post("/api/v1/admin/notifications/{id}/resend", 987654321L).with(admin()).with(csrf().asHeader()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
        mvc.perform(get("/api/v1/admin/notifications").param("state", "LOST").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_STATE_INVALID"));
        mvc.perform(get("/api/v1/admin/notifications").with(reviewer()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/admin/notifications").with(asCandidate(candidate)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/notifications"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void candidatesSeeTheirMessagesUnreadUntilTheyReadThem() throws Exception {
        Candidate candidate = testData.candidate("1201");
        Candidate other = testData.candidate("1202");
        Notification first = notifyCommitted(candidate, NoticeKind.SUPPLEMENT_REQUESTED, candidate.getName(),
                "学历证明（不清晰）", "2026-02-28 24:00");
        notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        Notification othersMessage = notifyCommitted(other, NoticeKind.VERDICT_PUBLISHED, other.getName());

        mvc.perform(get("/api/v1/me/messages").with(asCandidate(candidate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].title").value("请补充材料"))
                .andExpect(jsonPath("$.items[1].read").value(false));

        mvc.perform(post("/api/v1/me/messages/{id}/read", first.getMessageId()).with(asCandidate(candidate)).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        assertThat(candidateMessages.unreadCount(candidate.getId())).isEqualTo(1);
        NotificationDelivery inApp = delivery(first, Channel.IN_APP);
        assertThat(inApp.getState()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(inApp.getDeliveredAt()).isEqualTo(clock.instant());
        assertThat(admin.get(first.getId()).read()).isTrue();

        // Someone else's message does not exist for this candidate.
        mvc.perform(post("/api/v1/me/messages/{id}/read", othersMessage.getMessageId()).with(asCandidate(candidate)).with(csrf().asHeader()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MESSAGE_NOT_FOUND"));
        assertThat(messages.findById(othersMessage.getMessageId()).orElseThrow().getReadAt()).isNull();
    }

    @Test
    void candidatesGiveAnEmailAddressThatLaterNotificationsUse() throws Exception {
        Candidate candidate = testData.candidate("1201");
        String address = "me" + candidate.getId() + "@example.com";

        mvc.perform(put("/api/v1/me/notification-contact").with(asCandidate(candidate)).with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CONTACT_EMAIL_INVALID"));
        mvc.perform(put("/api/v1/me/notification-contact").with(asCandidate(candidate)).with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + address + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(address))
                .andExpect(jsonPath("$.wechatBound").value(false));

        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        dispatchAll();
        assertThat(delivery(notification, Channel.EMAIL).getState()).isEqualTo(DeliveryState.SENT);
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).hasSize(1);
    }

    private static RequestPostProcessor admin() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                ShenchaUser.staff(new StaffScope("admin", Set.of(), Set.of(), true)), null,
                List.of(role(Roles.STAFF), role(Roles.ADMIN))));
    }

    private static RequestPostProcessor reviewer() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                ShenchaUser.staff(new StaffScope("district12reviewer", Set.of(), Set.of("12"), false)), null,
                List.of(role(Roles.STAFF), role(Roles.REVIEWER))));
    }

    private static RequestPostProcessor asCandidate(Candidate candidate) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                ShenchaUser.candidate(candidate.getRegistrationNo(), candidate.getId()), null,
                List.of(role(Roles.CANDIDATE))));
    }

    private static SimpleGrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
