package cn.shencha.materials.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.KaribuViewTest;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import cn.shencha.materials.ImageState;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.internal.MaterialImageRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.TestImages;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialVerdict;
import cn.shencha.review.ReviewDecisionService;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The upload page, browserless: each step of the manuals and each refusal, on the real services. */
class MaterialsViewTests extends KaribuViewTest {

    @Autowired
    MaterialImageRepository images;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    TaskService taskService;

    private Candidate candidate;
    private long seed = System.nanoTime();

    @BeforeEach
    void signedInCandidateOnTheUploadPage() {
        candidate = testData.candidate("1201");
        signIn(candidate);
        navigate("materials");
    }

    @Test
    void headerCardsAndRulesAsTheManualsShow() {
        expectView(MaterialsView.class);
        assertThat(text("materials-stage")).isEqualTo("上传材料中");
        assertThat(text("materials-deadline")).isEqualTo("上传截止：2026-02-11 24:00");
        assertThat(text("materials-countdown")).isEqualTo("距离上传截止还有 10天15小时00分00秒");
        assertThat(_get(Button.class, spec -> spec.withId("submit-review")).getText()).isEqualTo("提交审核");

        List<String> order = _find(_get(Div.class, spec -> spec.withId("materials")), MaterialCard.class).stream()
                .map(MaterialCard::typeCode).toList();
        assertThat(order).startsWith("ID_CARD", "DIPLOMA", "PROBATION", "REGISTRATION_FORM").contains("OTHER");

        String idCard = card("ID_CARD").getElement().getTextRecursively();
        assertThat(idCard).contains("身份证明", "必传", "示例", "已上传 0 张，最多 2 张", "人像面",
                "单个文件不超过 200KB");
        assertThat(card("DEGREE").getElement().getTextRecursively()).contains("选传");
        assertThat(_find(card("ID_CARD"), Upload.class)).hasSize(1);
        assertThat(text("materials-missing")).contains("身份证明", "学历证书");
    }

    @Test
    void inEnglishOnRequest() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        navigate("registration");
        navigate("materials");
        assertThat(_get(Button.class, spec -> spec.withId("submit-review")).getText()).isEqualTo("Submit for review");
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("Proof of identity", "Required",
                "0 uploaded, at most 2");
        upload("DIPLOMA", "diploma.pdf", "%PDF-1.7\n%%EOF".getBytes());
        assertThat(card("DIPLOMA").getElement().getTextRecursively()).contains("Not uploaded:");
    }

    @Test
    void exampleDialogShowsTheImageAndTheRules() {
        _click(_get(card("ID_CARD"), Button.class, spec -> spec.withText("示例")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("示例：身份证明");
        assertThat(_get(dialog, Image.class).getSrc()).isEqualTo("/examples/id-card.svg");
        assertThat(dialog.getElement().getTextRecursively()).contains("人像面", "jpg/jpeg/png", "最多上传 2 张");
    }

    @Test
    void uploadTwoIdImagesThenTheSlotDisappears() {
        upload("ID_CARD", "front.jpg", photo(1200, 800));
        assertThat(thumbnails("ID_CARD")).hasSize(1);
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("上传成功", "已上传 1 张，最多 2 张", "未锁定");
        assertThat(_find(card("ID_CARD"), Upload.class)).hasSize(1);

        upload("ID_CARD", "back.jpg", photo(1200, 800));
        assertThat(thumbnails("ID_CARD")).hasSize(2);
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("已上传 2 张，最多 2 张");
        assertThat(_find(card("ID_CARD"), Upload.class)).as("the ID card is full: no more upload slot").isEmpty();
        assertThat(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withText("−"))).hasSize(2);
    }

    @Test
    void aLargePhonePhotoIsShrunkAndTheCandidateIsTold() {
        byte[] big = TestImages.jpeg(TestImages.document(4000, 3000, seed++), 0.95f);
        assertThat(big.length).isGreaterThan(1024 * 1024);
        upload("DIPLOMA", "IMG_0001.jpg", big);
        String diploma = card("DIPLOMA").getElement().getTextRecursively();
        assertThat(diploma).contains("上传成功", "压缩自").containsPattern("压缩自 \\d+\\.\\d MB 至 \\d+ KB");
        MaterialImage stored = images.findByCandidateIdOrderByUploadedAt(candidate.getId()).get(0);
        assertThat(stored.getSizeBytes()).isLessThanOrEqualTo(200 * 1024);
    }

    @Test
    void aSmallImageGetsAQualityWarning() {
        upload("DIPLOMA", "tiny.jpg", TestImages.jpeg(TestImages.document(400, 300, seed++), 0.9f));
        assertThat(card("DIPLOMA").getElement().getTextRecursively()).contains("上传成功", "短边不足 600 像素");
    }

    @Test
    void aFileThatIsNoImageIsRefusedInTheCandidatesWords() {
        upload("DIPLOMA", "diploma.jpg", "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes());
        assertThat(card("DIPLOMA").getElement().getTextRecursively())
                .contains("上传未成功", "仅支持 JPG、JPEG、PNG 格式的图片", "PDF");
        assertThat(thumbnails("DIPLOMA")).isEmpty();
        assertThat(notifications()).anyMatch(n -> n.contains("上传未成功"));
    }

    @Test
    void aGifIsNamedInTheRefusal() {
        upload("DIPLOMA", "diploma.jpg", TestImages.write(TestImages.quadrants(200, 100), "gif"));
        assertThat(card("DIPLOMA").getElement().getTextRecursively()).contains("该文件实际是“GIF 动图”。");
    }

    @Test
    void theLargeViewGivesThePixelSizeWithoutSeparators() {
        upload("ID_CARD", "front.jpg", photo(1471, 1100));
        _click(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withClasses("sh-thumb-open")).get(0));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getClassNames()).contains("sh-large-dialog");
        MaterialImage stored = images.findByCandidateIdOrderByUploadedAt(candidate.getId()).get(0);
        assertThat(stored.getWidth()).isGreaterThanOrEqualTo(1000); // four digits: a separator would show
        assertThat(dialog.getElement().getTextRecursively())
                .containsPattern("\\d+KB，" + stored.getWidth() + "×" + stored.getHeight() + " 像素").doesNotContain(",");
    }

    @Test
    void theDropHintIsMarkedForTheStyleSheetToHideOnTouchScreens() {
        Upload upload = _get(card("ID_CARD"), Upload.class);
        assertThat(upload.getElement().getChildren()
                .filter(c -> "drop-label".equals(c.getAttribute("slot")))
                .map(c -> c.getAttribute("class"))).containsExactly("sh-drop-label");
    }

    @Test
    void toastsShowOneAtATimeAlongTheBottom() {
        String pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF";
        upload("DIPLOMA", "a.jpg", pdf.getBytes());
        upload("PROBATION", "b.jpg", pdf.getBytes());
        List<Notification> open = NotificationsKt.getNotifications().stream().filter(Notification::isOpened).toList();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).getPosition()).isEqualTo(Notification.Position.BOTTOM_STRETCH);
    }

    @Test
    void deleteAskesForConfirmationThenTheSlotComesBack() {
        upload("ID_CARD", "front.jpg", photo(1200, 800));
        upload("ID_CARD", "back.jpg", photo(1200, 800));

        _click(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withText("−")).get(0));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("message")).contains("身份证明", "第 1 张");
        _fireConfirm(confirm);

        assertThat(thumbnails("ID_CARD")).hasSize(1);
        assertThat(_find(card("ID_CARD"), Upload.class)).hasSize(1);
        assertThat(images.findByCandidateIdAndStateOrderByMaterialTypeIdAscActiveSlotAsc(candidate.getId(), ImageState.ACTIVE))
                .hasSize(1);

        upload("ID_CARD", "front-again.jpg", photo(1200, 800));
        assertThat(thumbnails("ID_CARD")).hasSize(2);
    }

    @Test
    void anIncompleteSubmissionIsRefusedWithWhatIsMissing() {
        upload("ID_CARD", "front.jpg", photo(1200, 800));
        // At once: nothing to confirm while required materials are missing.
        _click(_get(Button.class, spec -> spec.withId("submit-review")));
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(notifications()).anyMatch(n -> n.startsWith("以下必传材料尚未上传完整：") && n.contains("身份证明")
                && n.contains("学历证书"));
        assertThat(testData.state(testData.reload(candidate)).submittedAt()).isNull();
        assertThat(_find(Button.class, spec -> spec.withId("submit-review"))).hasSize(1);
    }

    @Test
    void afterSubmittingEverythingIsLockedAndTheControlsAreGone() {
        uploadRequired();
        assertThat(_find(Div.class, spec -> spec.withId("materials-missing"))).isEmpty();
        submit();

        assertThat(text("materials-submitted")).contains("上报完成，内容已锁定");
        assertThat(text("materials-stage")).isEqualTo("考点审核中");
        assertThat(_find(Button.class, spec -> spec.withId("submit-review"))).isEmpty();
        assertThat(_find(Upload.class)).isEmpty();
        assertThat(_find(NativeButton.class, spec -> spec.withText("−"))).isEmpty();
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("已锁定").doesNotContain("未锁定", "上传成功");
        assertThat(testData.state(testData.reload(candidate)).phase()).isEqualTo(Phase.SITE_REVIEW);
    }

    @Test
    void aDeleteAfterTheDeadlineIsRefusedEvenIfThePageWasOpenBefore() {
        upload("ID_CARD", "front.jpg", photo(1200, 800));
        // The page still shows the "−"; the deadline passes before the click (and before any timer job ran).
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 12, 0, 0, 5)));
        _click(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withText("−")).get(0));
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(notifications()).anyMatch(n -> n.equals("上传时间已截止，材料已锁定，无法修改。"));
        assertThat(thumbnails("ID_CARD")).hasSize(1);
        assertThat(text("materials-closed")).contains("上传时间已截止");
        assertThat(_find(Upload.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("submit-review"))).isEmpty();
    }

    @Test
    void afterTheDeadlineThePageSaysTheWindowHasClosed() {
        testData.clock().set(ShanghaiTime.at(LocalDateTime.of(2026, 2, 12, 0, 0, 0)));
        navigate("registration");
        navigate("materials");
        assertThat(text("materials-closed")).contains("上传时间已截止", "无法修改");
        assertThat(_find(Upload.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("submit-review"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("materials-countdown"))).isEmpty();
    }

    @Test
    void duringASupplementOnlyTheUnlockedMaterialChangesThenResubmit() {
        uploadRequired();
        submit();
        sendBackForSupplement("ID_CARD", "照片不清晰");
        navigate("registration");
        navigate("materials");

        assertThat(text("materials-stage")).isEqualTo("待补充材料");
        assertThat(text("materials-feedback")).contains("审核反馈意见", "身份证明：照片不清晰", "2026-02-28 24:00");
        assertThat(text("materials-deadline")).isEqualTo("补充材料截止：2026-02-28 24:00");
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("审核意见：照片不清晰", "未锁定");
        assertThat(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withText("−"))).hasSize(2);
        assertThat(card("DIPLOMA").getElement().getTextRecursively())
                .contains("该材料未被审核人员要求更换，已锁定。", "已锁定");
        // An optional material without any picture is simply not part of this supplement.
        assertThat(card("DEGREE").getElement().getTextRecursively())
                .contains("本次补充未要求此材料，无需上传").doesNotContain("要求更换");
        assertThat(_find(card("DIPLOMA"), NativeButton.class, spec -> spec.withText("−"))).isEmpty();
        assertThat(_find(card("DIPLOMA"), Upload.class)).isEmpty();

        // Replace the first ID image: the old one stays in the history with the reviewer's reason.
        _click(_find(card("ID_CARD"), NativeButton.class, spec -> spec.withText("−")).get(0));
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(card("ID_CARD").getElement().getTextRecursively()).contains("已替换（原因：照片不清晰）");
        upload("ID_CARD", "front-sharp.jpg", photo(1200, 800));
        assertThat(thumbnails("ID_CARD")).hasSize(2);

        submit();
        assertThat(text("materials-submitted")).contains("上报完成，内容已锁定");
        assertThat(testData.state(testData.reload(candidate)).phase()).isEqualTo(Phase.SITE_REVIEW);
        assertThat(_find(NativeButton.class, spec -> spec.withText("−"))).isEmpty();
    }

    // ---- helpers ----

    private void uploadRequired() {
        for (MaterialCard card : _find(MaterialCard.class)) {
            MaterialType type = testData.type("12", card.typeCode());
            if (type.isRequiredFor(candidate.getExamCategory())) {
                for (int i = 0; i < Math.max(1, type.getMinCount()); i++) {
                    upload(card.typeCode(), card.typeCode() + i + ".jpg", photo(1200, 800));
                }
            }
        }
    }

    private void submit() {
        _click(_get(Button.class, spec -> spec.withId("submit-review")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("message")).contains("锁定");
        _fireConfirm(confirm);
    }

    private void sendBackForSupplement(String typeCode, String reason) {
        String processInstanceId = testData.state(testData.reload(candidate)).processInstanceId();
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        decisions.decide(taskId, StaffScope.of("site1201reviewer", Set.of("site1201")), new DecisionCommand(
                Decision.SUPPLEMENT, null, List.of(new DecisionCommand.MaterialVerdictCommand(typeCode,
                MaterialVerdict.Verdict.REPLACE, reason))));
    }

    private void upload(String typeCode, String fileName, byte[] bytes) {
        _upload(_get(card(typeCode), Upload.class), fileName, "image/jpeg", bytes);
    }

    private byte[] photo(int width, int height) {
        return TestImages.jpeg(TestImages.document(width, height, seed++), 0.8f);
    }

    private static MaterialCard card(String typeCode) {
        return _get(MaterialCard.class, spec -> spec.withId("material-" + typeCode));
    }

    private static List<Div> thumbnails(String typeCode) {
        return _find(card(typeCode), Div.class, spec -> spec.withClasses("sh-thumb")).stream()
                .filter(d -> d.getElement().hasAttribute("data-image-id")).toList();
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }
}
