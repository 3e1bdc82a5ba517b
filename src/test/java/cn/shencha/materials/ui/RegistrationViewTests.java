package cn.shencha.materials.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.KaribuViewTest;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.materials.ui.MaterialsView;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RegistrationViewTests extends KaribuViewTest {

    @Autowired
    CandidateRepository candidates;

    @Autowired
    CandidateMessageRepository messages;

    private Candidate candidate;

    @BeforeEach
    void signedInCandidate() {
        candidate = testData.candidate("1201");
        signIn(candidate);
    }

    @Test
    void showsTheRegistrationWithTheIdNumberMasked() {
        navigate("registration");
        expectView(RegistrationView.class);
        String summary = _get(Div.class, spec -> spec.withId("registration-summary")).getElement().getTextRecursively();
        assertThat(summary).contains("测试考生", candidate.getRegistrationNo(), candidate.getMaskedIdNumber(),
                "临床执业医师", "天津考区", "考点1201");
        assertThat(summary).doesNotContain(candidate.getIdNumber());
    }

    @Test
    void countsDownToTheUploadDeadline() {
        // The test clock stands at 2026-02-01 09:00; Tianjin's window closes at 2月11日24时 = 02-12 00:00.
        navigate("registration");
        assertThat(text("registration-window")).isEqualTo("材料上传时间：2026-01-29 10:00 – 2026-02-11 24:00");
        assertThat(text("registration-countdown")).isEqualTo("距离上传截止还有 10天15小时00分00秒");
        assertThat(status()).contains("上传材料中");
    }

    @Test
    void aPersonalExtensionMovesTheCountdown() {
        candidate.setUploadDeadlineOverride(ShanghaiTime.at(LocalDateTime.of(2026, 2, 14, 12, 0)));
        candidates.save(candidate);
        navigate("registration");
        assertThat(text("registration-countdown")).isEqualTo("距离上传截止还有 13天03小时00分00秒");
    }

    @Test
    void afterTheDeadlineTheWindowIsClosedAtOnce() {
        // Before the deadline timer has run: the phase is still UPLOADING, yet the window is closed.
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 12, 0, 0, 1)));
        navigate("registration");
        assertThat(text("registration-countdown")).isEqualTo("上传已截止，材料已自动锁定");
    }

    @Test
    void whenTheBrowsersCountdownReachesZeroThePageChecksAgainWithTheServersClock() throws Exception {
        navigate("registration");
        cn.shencha.base.ui.Countdown countdown = _get(cn.shencha.base.ui.Countdown.class);
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 12, 0, 0, 0)));
        // What the inline script calls at zero (el.$server.reached()).
        java.lang.reflect.Method reached = cn.shencha.base.ui.Countdown.class.getDeclaredMethod("reached");
        reached.setAccessible(true);
        reached.invoke(countdown);
        assertThat(text("registration-countdown")).isEqualTo("上传已截止，材料已自动锁定");
        assertThat(_find(cn.shencha.base.ui.Countdown.class)).isEmpty();
    }

    @Test
    void inEnglishOnRequest() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        navigate("registration");
        assertThat(text("registration-countdown")).isEqualTo("10 d 15 h 00 min 00 s left to upload");
        assertThat(_get(Button.class, spec -> spec.withId("open-materials")).getText()).isEqualTo("Upload materials");
        assertThat(status()).contains("Uploading materials", "Upload window: 2026-01-29 10:00 – 2026-02-11 24:00");
    }

    @Test
    void beforeTheWindowOpensItSaysWhen() {
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 1, 20, 8, 0)));
        navigate("registration");
        assertThat(text("registration-countdown")).isEqualTo("上传尚未开始（2026-01-29 10:00 开始）");
    }

    @Test
    void theButtonOpensTheUploadPage() {
        navigate("registration");
        Button upload = _get(Button.class, spec -> spec.withId("open-materials"));
        assertThat(upload.getText()).isEqualTo("上传相关材料");
        _click(upload);
        expectView(MaterialsView.class);
    }

    @Test
    void unreadMessagesAreAnnounced() {
        navigate("registration");
        assertThat(_find(RouterLink.class)).noneMatch(link -> link.getText().contains("未读消息"));

        messages.save(new CandidateMessage(candidate.getId(), NoticeKind.SUPPLEMENT_REQUESTED, "请补充材料", "正文",
                testData.clock().instant()));
        navigate("messages");
        navigate("registration");
        assertThat(_find(RouterLink.class)).anyMatch(link -> link.getText().equals("您有 1 条未读消息，点击查看"));
    }

    private String status() {
        return _get(Div.class, spec -> spec.withId("registration-status")).getElement().getTextRecursively();
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }
}
