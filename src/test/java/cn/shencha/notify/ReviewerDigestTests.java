package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.ShenchaSpringTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reviewers' daily digest: one e-mail a day, from 08:00, when their tasks are close to the deadline. */
@ShenchaSpringTest
class ReviewerDigestTests extends NotifyTestSupport {

    @Autowired
    ReviewerDigest digest;
    @Autowired
    IdentityService identityService;
    @Autowired
    SubmissionService submissions;

    @Test
    void reviewersGetOneDigestADayWhileTheirTasksAreCloseToTheDeadline() throws Exception {
        String userId = "digest" + UUID.randomUUID().toString().substring(0, 8);
        String address = userId + "@example.com";
        User reviewer = identityService.newUser(userId);
        reviewer.setFirstName("王审核");
        reviewer.setLastName("");
        reviewer.setEmail(address);
        reviewer.setPassword("Test2026pw");
        identityService.saveUser(reviewer);
        identityService.createMembership(userId, MaterialReviewProcess.siteGroup("1201"));
        Candidate candidate = testData.candidate("1201");
        testData.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);

        // 2026-02-01: the supplement deadline (03-01 00:00) is four weeks away: nothing is close.
        digest.sendDue();
        assertThat(mailsTo(address)).isEmpty();

        // Five days before it, but before 08:00: not yet.
        clock.set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 24, 7, 30)));
        digest.sendDue();
        assertThat(mailsTo(address)).isEmpty();

        clock.set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 24, 8, 5)));
        digest.sendDue();
        digest.sendDue();
        List<MimeMessage> first = mailsTo(address);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getSubject()).startsWith("待审核任务提醒（2026-02-24，共 ");
        assertThat(String.valueOf(first.get(0).getContent()))
                .startsWith("王审核，您好：")
                .contains("考点 1201（考点1201）：待审核 ")
                .contains("补充材料截止 2026-02-28 24:00");

        clock.set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 25, 9, 0)));
        digest.sendDue();
        assertThat(mailsTo(address)).hasSize(2);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
