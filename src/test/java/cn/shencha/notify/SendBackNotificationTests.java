package cn.shencha.notify;

import cn.shencha.support.TestData;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialVerdict;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.ShenchaSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "done when", end to end through the process: a site reviewer's send-back gives the
 * candidate the in-app message at once and queues an entry per configured channel, which the dispatcher
 * then sends with the materials and the deadline filled in.
 */
@ShenchaSpringTest
class SendBackNotificationTests extends NotifyTestSupport {

    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;
    @Autowired
    MaterialTypeRepository types;
    @Autowired
    CandidateMessages candidateMessages;

    @Test
    void aReviewersSendBackIsInAppAtOnceAndQueuedForEveryChannelThatReachesTheCandidate() {
        Candidate candidate = testData.candidate("1201");
        contacts.setEmail(candidate.getId(), "sendback" + candidate.getId() + "@example.com");
        contacts.bindWeChat(candidate.getId(), "oSendBack" + candidate.getId());
        testData.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        Task siteReview = taskService.createTaskQuery()
                .processInstanceId(testData.state(testData.reload(candidate)).processInstanceId()).singleResult();
        MaterialType type = types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(TestData.SEASON, "12").stream()
                .filter(t -> t.isRequiredFor(candidate.getExamCategory())).findFirst().orElseThrow();

        decisions.decide(siteReview.getId(), new StaffScope("site1201reviewer", Set.of("1201"), Set.of(), false),
                new DecisionCommand(Decision.SUPPLEMENT, null, List.of(new DecisionCommand.MaterialVerdictCommand(
                        type.getCode(), MaterialVerdict.Verdict.REPLACE, "照片模糊"))));

        List<CandidateMessage> inbox = candidateMessages.of(candidate.getId());
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).getKind()).isEqualTo(NoticeKind.SUPPLEMENT_REQUESTED);
        assertThat(inbox.get(0).getBody()).contains(type.getName()).contains("照片模糊").contains("2026-02-28 24:00");
        assertThat(candidateMessages.unreadCount(candidate.getId())).isEqualTo(1);

        Notification notification = notificationOf(inbox.get(0));
        Map<Channel, NotificationDelivery> queued = deliveriesOf(notification);
        assertThat(queued).containsOnlyKeys(Channel.IN_APP, Channel.SMS, Channel.EMAIL, Channel.WECHAT);
        assertThat(queued.get(Channel.IN_APP).getState()).isEqualTo(DeliveryState.SENT);
        assertThat(queued.get(Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(queued.get(Channel.EMAIL).getState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(queued.get(Channel.WECHAT).getState()).isEqualTo(DeliveryState.QUEUED);

        dispatchAll();

        assertThat(deliveriesOf(notification).values()).extracting(NotificationDelivery::getState)
                .containsOnly(DeliveryState.SENT);
        JsonNode sms = GATEWAY.smsWithKey(notification.getIdempotencyKey()).get(0).json();
        assertThat(sms.path("params").path("materials").asText()).contains(type.getName()).contains("照片模糊");
        assertThat(sms.path("params").path("deadline").asText()).isEqualTo("2026-02-28 24:00");
        JsonNode wechat = GATEWAY.wechatWithKey(notification.getIdempotencyKey()).get(0).json();
        assertThat(wechat.path("touser").asText()).isEqualTo("oSendBack" + candidate.getId());
    }
}
