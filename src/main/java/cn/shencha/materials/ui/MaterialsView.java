package cn.shencha.materials.ui;

import cn.shencha.base.ui.Toasts;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.ui.CandidatePage;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.Countdown;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.materials.CandidateSubmission;
import cn.shencha.materials.CandidateStage;
import cn.shencha.materials.CandidateStatus;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.ImageContent;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import cn.shencha.materials.LockReason;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.MaterialsProperties;
import cn.shencha.materials.internal.UploadResult;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 上传相关材料: the upload page of the manuals. A header with the phase, the deadline and 提交审核 at the
 * top right; the reviewers' feedback at the top; a card per material type. The page only shows what the
 * materials services say ({@link MaterialOverviewService}, {@link CandidateStatusService}) and hands every
 * action to them ({@link MaterialUploadService}, {@link CandidateSubmission}): the rules live there, and a
 * refusal is shown in the candidate's language.
 */
@Route("materials")
@RolesAllowed(Roles.CANDIDATE)
public class MaterialsView extends CandidatePage {

    private static final Logger log = LoggerFactory.getLogger(MaterialsView.class);

    private final CandidateStatusService statuses;
    private final MaterialOverviewService overviews;
    private final MaterialUploadService uploads;
    private final CandidateSubmission submissions;
    private final DistrictRepository districts;
    private final MaterialsProperties properties;
    private final Messages messages;
    private final Clock clock;

    private final Div top = new Div();
    private final Div cardsBox = new Div();
    private final Map<String, MaterialCard> cards = new LinkedHashMap<>();
    private Long candidateId;
    private Locale locale;
    private int maxImageKb = 200;

    public MaterialsView(CandidateStatusService statuses, MaterialOverviewService overviews,
                         MaterialUploadService uploads, CandidateSubmission submissions, DistrictRepository districts,
                         MaterialsProperties properties, Messages messages, Clock clock) {
        super("materials.title");
        this.statuses = statuses;
        this.overviews = overviews;
        this.uploads = uploads;
        this.submissions = submissions;
        this.districts = districts;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        cardsBox.setId("materials");
        add(top, cardsBox);
    }

    @Override
    protected void render() {
        candidateId = CurrentUser.candidateId();
        locale = getLocale();
        refresh();
    }

    /** Reads the page's state from the services and shows it; upload slots in progress are kept. */
    void refresh() {
        CandidateStatus status = statuses.status(candidateId, locale);
        MaterialOverview overview = overviews.overview(candidateId, locale);
        maxImageKb = districts.findById(status.districtCode()).map(d -> d.getMaxImageBytes() / 1024).orElse(200);
        renderTop(status, overview);

        List<MaterialTypeOverview> types = new ArrayList<>(overview.types());
        // The materials required of this candidate first, then the optional ones, each in catalog order.
        types.sort(Comparator.comparing(t -> !t.required()));
        cardsBox.removeAll();
        for (MaterialTypeOverview type : types) {
            MaterialCard card = cards.get(type.typeCode());
            if (card == null) {
                card = new MaterialCard(this, type);
                cards.put(type.typeCode(), card);
            } else {
                card.update(type);
            }
            cardsBox.add(card);
        }
    }

    // ---- header and banners ----

    private void renderTop(CandidateStatus status, MaterialOverview overview) {
        top.removeAll();
        H2 title = heading();
        Div head = new Div(title);
        head.addClassName("sh-pagehead");
        if (overview.submitLockReason() == null) {
            Button submit = new Button(getTranslation("materials.submit"), e -> confirmSubmit(status, overview));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("submit-review");
            head.add(submit);
        }
        top.add(head, meta(status));

        boolean submittedAndLocked = status.submittedAt() != null && status.lockReason() == LockReason.SUBMITTED;
        if (submittedAndLocked) {
            top.add(banner("sh-done", "materials-submitted", getTranslation("materials.submitted"),
                    getTranslation("ui.materials.submitted.detail", ShanghaiTime.format(status.submittedAt()))));
        } else if (status.lockReason() != null) {
            top.add(closedBanner(status));
        } else if (status.stage() == CandidateStage.SUPPLEMENT && !overview.feedback().isEmpty()) {
            top.add(feedbackBanner(status, overview));
        } else {
            top.add(banner("sh-info", "materials-intro", null, getTranslation("ui.materials.intro",
                    ShanghaiTime.format(status.uploadDeadline()))));
        }
        if (overview.submitLockReason() == null && !overview.missing().isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("ui.materials.missing", String.join("、", overview.missing())));
            missing.addClassName("sh-hint");
            missing.setId("materials-missing");
            top.add(missing);
        }
    }

    private Component meta(CandidateStatus status) {
        Div meta = new Div();
        meta.addClassName("sh-meta");
        Span stage = new Span(status.stageText());
        stage.addClassNames("sh-badge", "sh-phase");
        stage.setId("materials-stage");
        meta.add(new Span(new Span(getTranslation("ui.materials.stage") + getTranslation("ui.colon")), stage));
        boolean supplement = status.stage() == CandidateStage.SUPPLEMENT;
        Span deadline = new Span(getTranslation(supplement ? "ui.materials.supplementDeadline" : "ui.materials.deadline",
                ShanghaiTime.format(supplement ? status.supplementDeadline() : status.uploadDeadline())));
        deadline.setId("materials-deadline");
        meta.add(deadline);
        if (!status.locked()) {
            Countdown countdown = new Countdown(supplement ? status.supplementDeadline() : status.uploadDeadline(),
                    clock.instant(), supplement ? "ui.countdown.supplement" : "registration.countdown",
                    "registration.closed");
            countdown.setId("materials-countdown");
            countdown.addReachedListener(e -> refresh());
            meta.add(countdown);
        }
        return meta;
    }

    private Component closedBanner(CandidateStatus status) {
        return switch (status.lockReason()) {
            case UPLOAD_NOT_OPEN -> banner("sh-info", "materials-closed", null,
                    getTranslation("registration.notOpen", ShanghaiTime.format(status.uploadStart())));
            case UPLOAD_DEADLINE_PASSED, SUPPLEMENT_DEADLINE_PASSED -> banner("sh-closed", "materials-closed",
                    getTranslation("ui.materials.closed.title"), status.lockReasonText());
            default -> banner("sh-closed", "materials-closed", null, status.lockReasonText());
        };
    }

    private Component feedbackBanner(CandidateStatus status, MaterialOverview overview) {
        Div banner = banner("sh-feedback", "materials-feedback", getTranslation("ui.materials.feedback.title"),
                getTranslation("ui.materials.feedback.intro"));
        UnorderedList list = new UnorderedList();
        overview.feedback().forEach(item -> list.add(new ListItem(item)));
        banner.add(list, new Paragraph(getTranslation("ui.materials.feedback.deadline",
                ShanghaiTime.format(status.supplementDeadline()))));
        return banner;
    }

    private Div banner(String kind, String id, String title, String text) {
        Div banner = new Div();
        banner.addClassNames("sh-banner", kind);
        banner.setId(id);
        if (title != null) {
            Paragraph heading = new Paragraph(title);
            heading.addClassName("sh-banner-title");
            banner.add(heading);
        }
        if (text != null) {
            banner.add(new Paragraph(text));
        }
        return banner;
    }

    // ---- actions (called by the cards) ----

    /** Streams the candidate's file straight into the materials service; the page updates when it is done. */
    UploadHandler uploadHandler(String typeCode) {
        Long candidate = candidateId;
        Locale lang = locale;
        return event -> {
            UI ui = event.getUI();
            try (InputStream content = event.getInputStream()) {
                UploadResult result = uploads.upload(candidate, typeCode, event.getFileName(), content, lang);
                ui.access(() -> uploaded(typeCode, result));
            } catch (ShenchaException e) {
                String reason = messages.describe(lang, e);
                ui.access(() -> refused(typeCode, reason));
            } catch (RuntimeException e) {
                // The back end failed (e.g. the database is down): nothing was stored, the candidate may retry.
                log.error("Upload of {} for candidate {} failed", typeCode, candidate, e);
                String reason = messages.get(lang, "ui.error.busy");
                ui.access(() -> failed(typeCode, reason));
            }
        };
    }

    private void uploaded(String typeCode, UploadResult result) {
        MaterialCard card = cards.get(typeCode);
        if (card != null) {
            card.uploaded(result.notices());
        }
        refresh();
    }

    private void refused(String typeCode, String reason) {
        failed(typeCode, reason);
        refresh();
    }

    /** Says why the upload failed; the page stays as it was (when the back end failed, its refresh would fail too). */
    private void failed(String typeCode, String reason) {
        MaterialCard card = cards.get(typeCode);
        if (card != null) {
            card.refused(reason);
        }
        error(getTranslation("ui.materials.uploadFailed", reason));
    }

    void delete(MaterialCard card, Long imageId) {
        card.clearResults();
        try {
            uploads.delete(candidateId, imageId);
            Toasts.success(getTranslation("ui.materials.removed"));
        } catch (ShenchaException e) {
            error(messages.describe(locale, e));
        }
        refresh();
    }

    private void confirmSubmit(CandidateStatus status, MaterialOverview overview) {
        if (!overview.missing().isEmpty()) {
            // Nothing to confirm: the service refuses at once and the page shows what is missing.
            submit();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("materials.submit"));
        confirm.setText(getTranslation(status.stage() == CandidateStage.SUPPLEMENT
                ? "ui.materials.resubmit.text" : "ui.materials.submit.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("ui.materials.cancel"));
        confirm.setConfirmText(getTranslation("ui.materials.submit.confirm"));
        confirm.addConfirmListener(e -> submit());
        confirm.open();
    }

    void submit() {
        try {
            submissions.submit(candidateId, locale);
            cards.values().forEach(MaterialCard::clearResults);
            Toasts.success(getTranslation("materials.submitted"));
        } catch (ShenchaException e) {
            error(messages.describe(locale, e));
        } catch (RuntimeException e) {
            // The back end failed: not submitted, the page stays as it is (its refresh would fail too).
            log.error("Submission of candidate {} failed", candidateId, e);
            error(getTranslation("ui.error.busy"));
            return;
        }
        refresh();
    }

    DownloadHandler imageBytes(Long imageId) {
        Long candidate = candidateId;
        return DownloadHandler.fromInputStream(event -> {
            try {
                ImageContent content = overviews.image(candidate, imageId);
                StoredObject object = content.open(); // streamed from the store; Vaadin closes it
                return new DownloadResponse(object.content(), content.fileName(), content.contentType(), object.length());
            } catch (ShenchaException e) {
                return DownloadResponse.error(404);
            }
        }).inline();
    }

    int maxUploadBytes() {
        return properties.maxUploadBytes();
    }

    String generalRules() {
        return getTranslation("ui.materials.rules", maxImageKb, properties.maxUploadBytes() / (1024 * 1024));
    }

    private void error(String text) {
        Toasts.error(text);
    }
}
