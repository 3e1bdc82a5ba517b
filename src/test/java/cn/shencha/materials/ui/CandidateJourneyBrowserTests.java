package cn.shencha.materials.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.ui.Browser;
import cn.shencha.base.ui.BrowserTest;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.TestImages;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessageRepository;
import cn.shencha.notify.NoticeKind;
import cn.shencha.review.CandidateProcessStarter;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialVerdict;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The candidate's path of the manuals in a real browser (headless Debian Chromium), on a desktop and on a
 * 390×844 phone: activate → upload two ID images → delete one → re-upload → submit → locked, with a
 * screenshot of each page. Then the supplement, the messages, the published result and a throttled sign-in.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shencha-browser;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
class CandidateJourneyBrowserTests {

    private static final String PASSWORD = "Neu2026pass";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    MaterialUploadService uploads;
    @Autowired
    CandidateMessageRepository messages;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;
    @Autowired
    CandidateProcessStarter processStarter;
    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path files;

    private long seed = System.nanoTime();

    @BeforeEach
    void reset() {
        Browser.requireChromium();
        testData.resetDistricts();
    }

    @ParameterizedTest
    @EnumSource(Browser.Size.class)
    void activateUploadDeleteReuploadSubmitLocked(Browser.Size size) throws IOException {
        String idNumber = TestData.validIdNumber();
        Candidate candidate = unactivatedCandidateWithOtherRequiredMaterials(idNumber);

        try (Browser browser = Browser.open("http://localhost:" + port, size)) {
            // Sign-in page, then the first visit's activation (授权).
            browser.go("/login");
            browser.waitFor(By.cssSelector("vaadin-login-form"));
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("医师资格考试报名材料线上审核");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
            browser.screenshot("01-login");
            browser.find(By.cssSelector("vaadin-login-form vaadin-button[slot='forgot-password']")).click();
            browser.waitFor(By.id("activation-submit"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/activate");
            browser.screenshot("02-activation");

            browser.type("activation-registration-no", candidate.getRegistrationNo());
            browser.type("activation-id-number", otherIdNumber(idNumber));
            browser.type("activation-password", PASSWORD);
            browser.type("activation-repeat", PASSWORD);
            browser.find(By.id("activation-submit")).click();
            browser.waitFor(By.id("activation-error"));
            assertThat(browser.text(By.id("activation-error"))).isEqualTo("报名号或身份证件号码不正确，请核对后重试。");
            browser.screenshot("02-activation-refused");

            browser.type("activation-id-number", idNumber);
            browser.find(By.id("activation-submit")).click();
            browser.waitFor(By.id("submit-review"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/materials");

            // 报名信息 with its live countdown and the button 上传相关材料.
            browser.go("/registration");
            WebElement countdown = browser.waitFor(By.id("registration-countdown"));
            String first = countdown.getText();
            assertThat(first).matches("距离上传截止还有 10天1[45]小时\\d\\d分\\d\\d秒");
            browser.waitUntil("the countdown ticks in the browser", () -> !countdown.getText().equals(first));
            browser.screenshot("03-registration");
            browser.find(By.id("open-materials")).click();
            browser.waitFor(By.id("submit-review"));

            // The upload page: header with phase, deadline and 提交审核; a card per material.
            assertThat(browser.text(By.id("materials-stage"))).isEqualTo("上传材料中");
            assertThat(browser.text(By.id("materials-deadline"))).isEqualTo("上传截止：2026-02-11 24:00");
            browser.screenshot("04-materials");
            browser.find(By.cssSelector("#material-ID_CARD .sh-example-button")).click();
            WebElement example = browser.waitFor(By.cssSelector("vaadin-dialog-overlay img[src='/examples/id-card.svg']"));
            browser.waitUntil("the example image loads", () -> Boolean.TRUE.equals(
                    browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", example)));
            browser.screenshotViewport("05-example");
            closeDialog(browser);

            // Upload two ID images: the slot disappears once the type is full.
            uploadIdImage(browser, "front.jpg");
            waitForThumbnails(browser, 1);
            assertThat(browser.text(By.cssSelector("#material-ID_CARD .sh-upload-result"))).contains("上传成功");
            uploadIdImage(browser, "back.jpg");
            waitForThumbnails(browser, 2);
            assertThat(browser.findAll(By.cssSelector("#material-ID_CARD vaadin-upload"))).isEmpty();
            assertThat(states(browser)).containsOnly("未锁定");
            browser.screenshot("06-materials-uploaded");

            // Delete one (with confirmation): the slot comes back; re-upload.
            browser.findAll(By.cssSelector("#material-ID_CARD .sh-thumb-remove")).get(0).click();
            WebElement confirm = browser.waitFor(By.cssSelector("vaadin-confirm-dialog-overlay"));
            assertThat(confirm.getText()).contains("确定删除“身份证明”的第 1 张图片吗？");
            browser.screenshotViewport("07-delete-confirm");
            confirmDialog(browser);
            waitForThumbnails(browser, 1);
            browser.waitFor(By.cssSelector("#material-ID_CARD vaadin-upload"));
            uploadIdImage(browser, "front-again.jpg");
            waitForThumbnails(browser, 2);

            // A click on a thumbnail shows it large.
            browser.findAll(By.cssSelector("#material-ID_CARD .sh-thumb-open")).get(0).click();
            WebElement large = browser.waitFor(By.cssSelector("vaadin-dialog-overlay img.sh-large"));
            browser.waitUntil("the large image loads", () -> Boolean.TRUE.equals(
                    browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", large)));
            assertWholePictureShows(browser, large);
            assertThat(browser.text(By.cssSelector("vaadin-dialog-overlay .sh-image-info"))).matches("\\d+KB，\\d+×\\d+ 像素");
            browser.screenshotViewport("08-image-large");
            closeDialog(browser);

            // 提交审核 at the top right, confirmed: 上报完成，内容已锁定, and the controls are gone.
            browser.find(By.id("submit-review")).click();
            browser.waitFor(By.cssSelector("vaadin-confirm-dialog-overlay"));
            confirmDialog(browser);
            browser.waitFor(By.id("materials-submitted"));
            assertThat(browser.text(By.id("materials-submitted"))).contains("上报完成，内容已锁定");
            assertThat(browser.text(By.id("materials-stage"))).isEqualTo("考点审核中");
            assertThat(browser.findAll(By.id("submit-review"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("vaadin-upload"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector(".sh-thumb-remove"))).isEmpty();
            assertThat(states(browser)).containsOnly("已锁定");
            browser.screenshot("09-materials-submitted");
            assertThat(testData.state(testData.reload(candidate)).submittedAt()).isNotNull();

            // The site reviewer asks for a better ID image: feedback at the top, only that material unlocked.
            sendBackForSupplement(candidate, "ID_CARD", "照片不清晰，请重新拍摄");
            browser.go("/materials");
            browser.waitFor(By.id("materials-feedback"));
            assertThat(browser.text(By.id("materials-feedback"))).contains("身份证明：照片不清晰，请重新拍摄");
            assertThat(browser.findAll(By.cssSelector("#material-ID_CARD .sh-thumb-remove"))).hasSize(2);
            assertThat(browser.findAll(By.cssSelector("#material-DIPLOMA .sh-thumb-remove"))).isEmpty();
            browser.screenshot("10-materials-supplement");

            // Messages, newest first, unread marked; the result is not published yet.
            browser.go("/messages");
            browser.waitFor(By.id("messages"));
            List<WebElement> cards = browser.findAll(By.cssSelector("#messages .sh-message"));
            assertThat(cards).hasSize(2);
            assertThat(cards.get(0).getText()).contains("请补充材料", "未读");
            browser.screenshot("11-messages");
            browser.go("/result");
            browser.waitFor(By.id("result"));
            assertThat(browser.text(By.id("result"))).contains("审核结果尚未公布");
            browser.screenshot("12-result-pending");

            // Sign out.
            browser.find(By.id("logout")).click();
            browser.waitFor(By.cssSelector("vaadin-login-form"));
        }
    }

    @ParameterizedTest
    @EnumSource(Browser.Size.class)
    void signInAndSeeThePublishedResult(Browser.Size size) {
        Candidate candidate = testData.candidate("1202");
        testData.verdict(candidate, Verdict.REJECTED, "试用期考核证明缺少机构盖章", true);
        try (Browser browser = Browser.open("http://localhost:" + port, size)) {
            signIn(browser, candidate.getRegistrationNo(), TestData.PASSWORD);
            browser.waitFor(By.id("registration-status"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/registration");
            assertThat(browser.text(By.id("registration-status"))).contains("审核结果已公布");
            browser.go("/result");
            browser.waitFor(By.id("result-verdict"));
            assertThat(browser.text(By.id("result-verdict"))).isEqualTo("审核不通过");
            assertThat(browser.text(By.id("result-reason"))).isEqualTo("原因：试用期考核证明缺少机构盖章");
            browser.screenshot("13-result-published");
        }
    }

    @Test
    void repeatedFailedSignInsAreThrottledWithAClearMessage() {
        String registrationNo = TestData.uniqueRegistrationNo("1201");
        try (Browser browser = Browser.open("http://localhost:" + port, Browser.Size.DESKTOP)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(browser, registrationNo, "wrong-" + attempt);
                assertThat(loginErrorTitle(browser)).isEqualTo("登录失败");
            }
            signIn(browser, registrationNo, "wrong-again");
            assertThat(loginErrorTitle(browser)).isEqualTo("尝试次数过多，请稍后再试");
            browser.screenshot("01-login-throttled");
        }
    }

    // ---- helpers ----

    private Candidate unactivatedCandidateWithOtherRequiredMaterials(String idNumber) {
        // Registered and in the process, but never signed in: the first visit activates the account.
        Candidate candidate = tx.execute(s -> {
            Candidate c = candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"), "张伟", idNumber,
                    "13800000001", ExamCategories.CLINICAL, "12", "1201", testData.clock().instant()));
            processStarter.start(c);
            return c;
        });
        for (String type : List.of("DIPLOMA", "PROBATION", "REGISTRATION_FORM")) {
            uploads.upload(candidate.getId(), type, type + ".jpg",
                    TestImages.jpeg(TestImages.document(1400, 1000, seed++), 0.8f), Locale.SIMPLIFIED_CHINESE);
        }
        messages.save(new CandidateMessage(candidate.getId(), NoticeKind.MATERIALS_AUTO_LOCKED, "欢迎使用线上审核",
                "请在截止时间前上传全部必传材料并提交审核。", testData.clock().instant().minus(Duration.ofDays(1))));
        return candidates.findById(candidate.getId()).orElseThrow();
    }

    private void signIn(Browser browser, String username, String password) {
        browser.submitLogin(username, password);
        browser.waitUntil("the sign-in is answered", () -> !browser.driver().getCurrentUrl().endsWith("/login")
                || Boolean.TRUE.equals(browser.script("const f = document.querySelector('vaadin-login-form'); return !!f && f.error")));
        browser.waitForVaadin();
    }

    private static String loginErrorTitle(Browser browser) {
        browser.waitUntil("the sign-in error shows", () -> Boolean.TRUE.equals(
                browser.script("const f = document.querySelector('vaadin-login-form'); return !!f && f.error")));
        return (String) browser.script("return document.querySelector('vaadin-login-form').i18n.errorMessage.title");
    }

    private void uploadIdImage(Browser browser, String name) throws IOException {
        Path file = files.resolve(seed + "-" + name);
        Files.write(file, TestImages.jpeg(TestImages.document(1600, 1000, seed++), 0.85f));
        browser.chooseFile(browser.waitFor(By.cssSelector("#material-ID_CARD vaadin-upload")), file);
    }

    private static void waitForThumbnails(Browser browser, int count) {
        browser.waitUntil(count + " ID thumbnail(s)", () ->
                browser.findAll(By.cssSelector("#material-ID_CARD .sh-thumb[data-image-id]")).size() == count);
        browser.waitForVaadin();
    }

    private static List<String> states(Browser browser) {
        return browser.findAll(By.cssSelector("#material-ID_CARD .sh-image-state")).stream().map(WebElement::getText).toList();
    }

    /** Presses the confirm dialog's confirm button (rendered into the dialog's overlay). */
    private static void confirmDialog(Browser browser) {
        browser.waitFor(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']")).click();
        browser.waitUntil("the confirm dialog closes",
                () -> browser.findAll(By.cssSelector("vaadin-confirm-dialog-overlay[opened]")).isEmpty());
    }

    /**
     * The large view shows the whole picture: inside the screen and inside the dialog, none of its edges cut off
     * (where a candidate checks 四角完整), at its own proportions.
     */
    @SuppressWarnings("unchecked")
    private static void assertWholePictureShows(Browser browser, WebElement image) {
        browser.settle();
        java.util.Map<String, Number> box = (java.util.Map<String, Number>) browser.script("""
                const img = arguments[0].getBoundingClientRect();
                const overlay = arguments[0].closest('vaadin-dialog-overlay');
                const part = overlay.shadowRoot.querySelector('[part~="overlay"]').getBoundingClientRect();
                const content = overlay.shadowRoot.querySelector('[part~="content"]').getBoundingClientRect();
                return {left: img.left, right: img.right, top: img.top, bottom: img.bottom,
                        width: img.width, height: img.height,
                        naturalWidth: arguments[0].naturalWidth, naturalHeight: arguments[0].naturalHeight,
                        dialogLeft: Math.max(part.left, content.left), dialogRight: Math.min(part.right, content.right),
                        screenWidth: document.documentElement.clientWidth, screenHeight: window.innerHeight};""", image);
        double left = box.get("left").doubleValue();
        double right = box.get("right").doubleValue();
        assertThat(left).as("left edge inside screen and dialog: %s", box)
                .isGreaterThanOrEqualTo(Math.max(0, box.get("dialogLeft").doubleValue()) - 0.5);
        assertThat(right).as("right edge inside screen and dialog: %s", box)
                .isLessThanOrEqualTo(Math.min(box.get("screenWidth").doubleValue(), box.get("dialogRight").doubleValue()) + 0.5);
        assertThat(box.get("top").doubleValue()).as("top edge: %s", box).isGreaterThanOrEqualTo(0);
        assertThat(box.get("bottom").doubleValue()).as("bottom edge: %s", box)
                .isLessThanOrEqualTo(box.get("screenHeight").doubleValue());
        double shown = box.get("width").doubleValue() / box.get("height").doubleValue();
        double natural = box.get("naturalWidth").doubleValue() / box.get("naturalHeight").doubleValue();
        assertThat(shown).as("proportions kept: %s", box).isCloseTo(natural, org.assertj.core.data.Offset.offset(0.02));
    }

    private static void closeDialog(Browser browser) {
        browser.find(By.cssSelector("vaadin-dialog-overlay vaadin-button")).click();
        browser.waitUntil("the dialog closes", () -> browser.findAll(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
    }

    private void sendBackForSupplement(Candidate candidate, String typeCode, String reason) {
        String processInstanceId = testData.state(testData.reload(candidate)).processInstanceId();
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        decisions.decide(taskId, StaffScope.of("site1201reviewer", Set.of("site1201")), new DecisionCommand(
                Decision.SUPPLEMENT, null, List.of(new DecisionCommand.MaterialVerdictCommand(typeCode,
                MaterialVerdict.Verdict.REPLACE, reason))));
    }

    private static String otherIdNumber(String idNumber) {
        String other = TestData.validIdNumber();
        while (other.equals(idNumber)) {
            other = TestData.validIdNumber();
        }
        return other;
    }
}
