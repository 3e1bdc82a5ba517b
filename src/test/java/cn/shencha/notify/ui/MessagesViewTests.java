package cn.shencha.notify.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.ui.KaribuViewTest;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessages;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.notify.Notifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class MessagesViewTests extends KaribuViewTest {

    @Autowired
    CandidateMessageRepository messages;

    @Autowired
    CandidateMessages inbox;

    @Autowired
    Notifier notifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    private Candidate candidate;
    private CandidateMessage older;
    private CandidateMessage newer;

    @BeforeEach
    void candidateWithMessages() {
        candidate = testData.candidate("1201");
        older = messages.save(new CandidateMessage(candidate.getId(), NoticeKind.MATERIALS_AUTO_LOCKED,
                "上传已截止，材料已锁定", "正文一", testData.clock().instant()));
        newer = messages.save(new CandidateMessage(candidate.getId(), NoticeKind.SUPPLEMENT_REQUESTED,
                "请补充材料", "正文二", testData.clock().instant().plus(Duration.ofHours(2))));
        Candidate other = testData.candidate("1201");
        messages.save(new CandidateMessage(other.getId(), NoticeKind.VERDICT_PUBLISHED, "别人的消息", "别人的正文",
                testData.clock().instant()));
        signIn(candidate);
        navigate("messages");
    }

    @Test
    void newestFirstUnreadMarkedOnlyOwnMessages() {
        expectView(MessagesView.class);
        assertThat(titles()).containsExactly("请补充材料", "上传已截止，材料已锁定");
        assertThat(summary()).isEqualTo("共 2 条消息，其中 2 条未读（最新的在最上面）。");
        assertThat(cards()).allMatch(card -> card.hasClassName("sh-is-unread"));
        assertThat(cards().get(0).getElement().getTextRecursively()).contains("未读", "2026-02-01 11:00", "正文二");
    }

    @Test
    void markingOneReadRemovesItsMark() {
        _click(_get(cards().get(1), Button.class, spec -> spec.withText("标为已读")));
        assertThat(summary()).isEqualTo("共 2 条消息，其中 1 条未读（最新的在最上面）。");
        assertThat(cards().get(0).hasClassName("sh-is-unread")).isTrue();
        assertThat(cards().get(1).hasClassName("sh-is-unread")).isFalse();
        assertThat(cards().get(1).getElement().getTextRecursively()).doesNotContain("未读");
        assertThat(messages.findById(older.getId()).orElseThrow().getReadAt()).isNotNull();
    }

    @Test
    void readingAMessageInTheInboxConfirmsItsInAppDelivery() {
        CandidateMessage notified = tx.execute(status ->
                notifier.notifyCandidate(candidate.getId(), NoticeKind.VERDICT_PUBLISHED, candidate.getName()));
        assertThat(inAppDeliveryStateOf(notified)).isEqualTo("SENT");
        navigate("messages");

        Div card = cards().stream().filter(c -> _get(c, H3.class).getText().equals(notified.getTitle())).findFirst().orElseThrow();
        _click(_get(card, Button.class, spec -> spec.withText("标为已读")));

        assertThat(inAppDeliveryStateOf(notified)).isEqualTo("DELIVERED");
    }

    @Test
    void markingAllReadConfirmsEveryInAppDelivery() {
        CandidateMessage notified = tx.execute(status ->
                notifier.notifyCandidate(candidate.getId(), NoticeKind.VERDICT_PUBLISHED, candidate.getName()));
        navigate("messages");

        _click(_get(Button.class, spec -> spec.withId("messages-mark-all-read")));

        assertThat(inAppDeliveryStateOf(notified)).isEqualTo("DELIVERED");
    }

    @Test
    void markingAllRead() {
        _click(_get(Button.class, spec -> spec.withId("messages-mark-all-read")));
        assertThat(summary()).isEqualTo("共 2 条消息，其中 0 条未读（最新的在最上面）。");
        assertThat(cards()).noneMatch(card -> card.hasClassName("sh-is-unread"));
        assertThat(_find(Button.class, spec -> spec.withId("messages-mark-all-read"))).isEmpty();
    }

    @Test
    void anotherCandidatesMessageCannotBeMarked() {
        Candidate other = testData.candidate("1201");
        assertThatThrownBy(() -> inbox.markRead(other.getId(), newer.getId()))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo("MESSAGE_NOT_FOUND"));
        assertThat(messages.findById(newer.getId()).orElseThrow().getReadAt()).isNull();
    }

    /** The outbox's record of the in-app channel, as the administrators' 通知发送 page reads it. */
    private String inAppDeliveryStateOf(CandidateMessage message) {
        return jdbc.queryForObject("select d.state from notification_delivery d join notification n"
                + " on n.id = d.notification_id where n.message_id = ? and d.channel = 'IN_APP'", String.class, message.getId());
    }

    private List<Div> cards() {
        return _find(_get(Div.class, spec -> spec.withId("messages")), Div.class, spec -> spec.withClasses("sh-message"));
    }

    private List<String> titles() {
        return cards().stream().map(card -> _get(card, H3.class).getText()).toList();
    }

    private static String summary() {
        return _get(Component.class, spec -> spec.withId("messages-summary")).getElement().getTextRecursively();
    }
}
