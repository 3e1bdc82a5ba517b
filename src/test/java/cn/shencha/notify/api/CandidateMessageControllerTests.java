package cn.shencha.notify.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.CandidateMessages;
import cn.shencha.notify.NotificationContacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer of the candidate's messages alone (a slice: the controller, base.web's problem+json mapping and the
 * message bundles, no database): what a client gets for a refused request, a malformed body or a bad path, each as
 * application/problem+json with a stable {@code code} and a Chinese {@code detail}. The services behind it are
 * stand-ins told what to answer; their rules have their own tests (NotificationApiTests, end to end).
 */
@WebMvcTest(CandidateMessageController.class)
@Import({Messages.class, CandidateMessageControllerTests.Problems.class})
class CandidateMessageControllerTests {

    static final Authentication CANDIDATE = ShenchaUser.candidateAuthentication("120126000001", 7L);

    /** base.web's ApiProblems (package-private there), which the problem+json advice uses. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ShenchaException.class, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ApiProblems"))
    static class Problems {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CandidateMessages messages;
    @MockitoBean
    NotificationContacts contacts;

    @Test
    void anotherCandidatesMessageIsNotFoundWithItsCode() throws Exception {
        given(messages.markRead(7L, 99L)).willThrow(ShenchaException.notFound("MESSAGE_NOT_FOUND"));

        mvc.perform(post("/api/v1/me/messages/99/read").with(authentication(CANDIDATE)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MESSAGE_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("没有这条消息。"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anInvalidEmailIsRefusedWithItsCode() throws Exception {
        given(contacts.setEmail(eq(7L), any())).willThrow(ShenchaException.badRequest("CONTACT_EMAIL_INVALID"));

        mvc.perform(put("/api/v1/me/notification-contact").with(authentication(CANDIDATE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"not an address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CONTACT_EMAIL_INVALID"))
                .andExpect(jsonPath("$.detail").value("电子邮箱格式不正确。"));
    }

    @Test
    void aMalformedBodyIsABadRequestThatReachesNoService() throws Exception {
        mvc.perform(put("/api/v1/me/notification-contact").with(authentication(CANDIDATE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").isString());
        verifyNoInteractions(contacts);
    }

    @Test
    void aMessageIdThatIsNoNumberIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/me/messages/abc/read").with(authentication(CANDIDATE)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").isString());
        verifyNoInteractions(messages);
    }
}
