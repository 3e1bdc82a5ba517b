package cn.shencha.materials.ui;

import cn.shencha.materials.ImageState;
import cn.shencha.materials.LockReason;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.internal.UploadNotice;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;

/**
 * One material type on the upload page, as the manuals draw it: name, rules, 必传/选传, 示例, the uploaded
 * images as thumbnails (a "−" at the top right while the material is unlocked, a click for the large view,
 * 未锁定/已锁定) and, while there is room, one more upload slot. Everything it shows comes from the
 * materials service's overview; every action goes back to the page, which calls the services.
 */
class MaterialCard extends Div {

    private final MaterialsView page;
    private MaterialTypeOverview type;
    private Upload upload;
    private List<UploadNotice> notices = List.of();
    private String refusal;

    MaterialCard(MaterialsView page, MaterialTypeOverview type) {
        this.page = page;
        this.type = type;
        addClassName("sh-card");
        setId("material-" + type.typeCode());
        getElement().setAttribute("data-type", type.typeCode());
        render();
    }

    String typeCode() {
        return type.typeCode();
    }

    void update(MaterialTypeOverview type) {
        this.type = type;
        render();
    }

    /** What the last upload of this card did (shrunk, turned upright, quality hints), shown until the next one. */
    void uploaded(List<UploadNotice> notices) {
        this.notices = List.copyOf(notices);
        this.refusal = null;
        this.upload = null; // a fresh upload slot for the next image
    }

    /** Forgets what the last upload said, once something else happened to the material. */
    void clearResults() {
        this.notices = List.of();
        this.refusal = null;
    }

    void refused(String message) {
        this.notices = List.of();
        this.refusal = message;
        this.upload = null;
    }

    private void render() {
        removeAll();
        Span badge = new Span(getTranslation(type.required() ? "materials.required" : "materials.optional"));
        badge.addClassNames("sh-badge", type.required() ? "sh-required" : "sh-optional");
        Span spacer = new Span();
        spacer.addClassName("sh-spacer");
        Button example = new Button(getTranslation("ui.materials.example"), e -> openExample());
        example.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        example.addClassName("sh-example-button");
        example.getElement().setAttribute("aria-label", getTranslation("ui.materials.example.title", type.name()));
        Div head = new Div(new H3(type.name()), badge, spacer, example);
        head.addClassName("sh-card-head");
        add(head);

        Paragraph rules = new Paragraph(type.description());
        rules.addClassName("sh-rules");
        add(rules);

        Paragraph count = new Paragraph(getTranslation("materials.count", type.activeCount(), type.maxCount()));
        count.addClassName("sh-count");
        if (type.lockReason() == LockReason.NOT_UNLOCKED) {
            // "Not asked to be replaced" only makes sense for a material with pictures; one without any (an
            // optional type) is simply not part of this supplement.
            count.add(" · " + (type.activeCount() > 0 ? type.lockReasonText()
                    : getTranslation("ui.materials.notInSupplement")));
        }
        add(count);

        if (type.feedback() != null && !type.locked()) {
            Paragraph feedback = new Paragraph(getTranslation("ui.materials.feedbackOf", type.feedback()));
            feedback.addClassNames("sh-banner", "sh-feedback");
            add(feedback);
        }

        Div slots = new Div();
        slots.addClassName("sh-slots");
        List<MaterialImageView> active = type.images().stream().filter(i -> i.state() == ImageState.ACTIVE).toList();
        for (int i = 0; i < active.size(); i++) {
            slots.add(thumbnail(active.get(i), i + 1));
        }
        if (type.canUpload()) {
            slots.add(uploadSlot());
        } else {
            upload = null;
        }
        add(slots);

        if (type.canUpload()) {
            Paragraph general = new Paragraph(page.generalRules());
            general.addClassName("sh-rules");
            add(general);
        }
        Component results = results();
        if (results != null) {
            add(results);
        }

        List<MaterialImageView> replaced = type.images().stream().filter(i -> i.state() == ImageState.REPLACED).toList();
        if (!replaced.isEmpty()) {
            Paragraph title = new Paragraph(getTranslation("ui.materials.history"));
            title.addClassName("sh-rules");
            Div history = new Div();
            history.addClassName("sh-slots");
            replaced.forEach(image -> history.add(historyThumbnail(image)));
            add(title, history);
        }
    }

    private Component thumbnail(MaterialImageView image, int number) {
        Div thumb = new Div();
        thumb.addClassName("sh-thumb");
        thumb.getElement().setAttribute("data-image-id", String.valueOf(image.id()));

        NativeButton open = new NativeButton();
        open.addClassName("sh-thumb-open");
        open.getElement().setAttribute("aria-label", getTranslation("ui.materials.view", type.name(), number));
        open.add(image(image, getTranslation("ui.materials.viewTitle", type.name(), number)));
        open.addClickListener(e -> openLarge(image, number));
        thumb.add(open);

        if (image.deletable()) {
            NativeButton remove = new NativeButton("−");
            remove.addClassName("sh-thumb-remove");
            remove.getElement().setAttribute("aria-label", getTranslation("ui.materials.remove", type.name(), number));
            remove.getElement().setAttribute("title", getTranslation("ui.materials.remove", type.name(), number));
            remove.addClickListener(e -> confirmRemove(image, number));
            thumb.add(remove);
        }

        Span state = new Span(getTranslation(image.deletable() ? "ui.materials.state.unlocked" : "ui.materials.state.locked"));
        state.addClassNames("sh-badge", image.deletable() ? "sh-unlocked" : "sh-locked");
        state.addClassName("sh-image-state");
        thumb.add(state);
        image.warnings().forEach(w -> {
            Span warning = new Span(w.text());
            warning.addClassNames("sh-thumb-caption", "sh-warning");
            thumb.add(warning);
        });
        return thumb;
    }

    private Component historyThumbnail(MaterialImageView image) {
        Div thumb = new Div();
        thumb.addClassName("sh-thumb");
        NativeButton open = new NativeButton();
        open.addClassName("sh-thumb-open");
        String label = image.replacedReason() == null ? getTranslation("ui.materials.replacedNoReason")
                : getTranslation("ui.materials.replaced", image.replacedReason());
        open.getElement().setAttribute("aria-label", label);
        open.add(image(image, label));
        open.addClickListener(e -> {
            Dialog dialog = largeDialog(image, label);
            dialog.open();
        });
        Span caption = new Span(label);
        caption.addClassName("sh-thumb-caption");
        thumb.add(open, caption);
        return thumb;
    }

    private Image image(MaterialImageView image, String alt) {
        DownloadHandler bytes = page.imageBytes(image.id());
        return new Image(bytes, alt);
    }

    private Component uploadSlot() {
        if (upload == null) {
            upload = new Upload(page.uploadHandler(type.typeCode()));
            upload.setMaxFiles(1);
            upload.setMaxFileSize(page.maxUploadBytes());
            upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
            upload.setI18n(i18n());
            Button button = new Button(getTranslation("ui.materials.upload"));
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.getElement().setAttribute("aria-label", getTranslation("ui.materials.uploadOf", type.name()));
            upload.setUploadButton(button);
            // Hidden on touch screens and phones (shencha.css): there is nothing to drag there.
            Span drop = new Span(getTranslation("ui.materials.drop"));
            drop.addClassName("sh-drop-label");
            upload.setDropLabel(drop);
            upload.setDropLabelIcon(new Span());
            upload.addFileRejectedListener(e -> {
                refusal = e.getErrorMessage();
                notices = List.of();
                render();
            });
        }
        Div slot = new Div(upload);
        slot.addClassName("sh-slot");
        return slot;
    }

    private UploadI18N i18n() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("ui.materials.upload"))
                        .setMany(getTranslation("ui.materials.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("ui.materials.drop"))
                        .setMany(getTranslation("ui.materials.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("ui.upload.tooManyFiles"))
                        .setFileIsTooBig(getTranslation("error.FILE_TOO_LARGE"))
                        .setIncorrectFileType(getTranslation("ui.upload.incorrectFileType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(getTranslation("ui.upload.connecting"))
                                .setStalled(getTranslation("ui.upload.stalled"))
                                .setProcessing(getTranslation("ui.upload.processing"))
                                .setHeld(getTranslation("ui.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("ui.upload.remaining"))
                                .setUnknown(getTranslation("ui.upload.remainingUnknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("ui.upload.serverUnavailable"))
                                .setUnexpectedServerError(getTranslation("ui.upload.serverError"))
                                .setForbidden(getTranslation("ui.upload.forbidden"))))
                .setFile(new UploadI18N.File()
                        .setRetry(getTranslation("ui.upload.retry"))
                        .setStart(getTranslation("ui.upload.start"))
                        .setRemove(getTranslation("ui.upload.remove")))
                .setUnits(List.of("B", "KB", "MB", "GB", "TB"));
    }

    /** The shrink message and quality hints of the last upload, or why it was refused. */
    private Component results() {
        if (refusal == null && notices.isEmpty()) {
            return null;
        }
        Div box = new Div();
        box.addClassName("sh-upload-result");
        if (refusal != null) {
            Paragraph error = new Paragraph(getTranslation("ui.materials.uploadFailed", refusal));
            error.addClassName("sh-error");
            error.getElement().setAttribute("role", "alert");
            box.add(error);
        } else {
            box.getElement().setAttribute("role", "status");
            Paragraph done = new Paragraph(getTranslation("ui.materials.uploaded"));
            done.addClassName("sh-shrunk");
            box.add(done);
            for (UploadNotice notice : notices) {
                Paragraph line = new Paragraph(notice.text());
                line.addClassName(notice.level() == UploadNotice.Level.INFO ? "sh-shrunk" : "sh-warning");
                line.getElement().setAttribute("data-notice", notice.code());
                box.add(line);
            }
        }
        return box;
    }

    private void openExample() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("ui.materials.example.title", type.name()));
        dialog.addClassName("sh-example-dialog");
        if (type.exampleImage() != null) {
            Image example = new Image(type.exampleImage(), getTranslation("ui.materials.example.alt", type.name()));
            example.addClassName("sh-example");
            dialog.add(example);
        }
        dialog.add(new Paragraph(type.description()), new Paragraph(page.generalRules()),
                new Paragraph(getTranslation("ui.materials.maxCount", type.maxCount())));
        Button close = new Button(getTranslation("ui.materials.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
        close.focus();
    }

    private void openLarge(MaterialImageView image, int number) {
        largeDialog(image, getTranslation("ui.materials.viewTitle", type.name(), number)).open();
    }

    private Dialog largeDialog(MaterialImageView image, String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        // The whole picture fits at every width (shencha.css): a candidate checks its four corners (四角完整).
        dialog.addClassName("sh-large-dialog");
        Image large = image(image, title);
        large.addClassName("sh-large");
        Paragraph info = new Paragraph(getTranslation("ui.materials.imageInfo",
                Math.max(1, Math.round(image.sizeBytes() / 1024.0)), image.width(), image.height()));
        info.addClassName("sh-image-info");
        dialog.add(large, info);
        Button close = new Button(getTranslation("ui.materials.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        return dialog;
    }

    private void confirmRemove(MaterialImageView image, int number) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("ui.materials.remove.title"));
        confirm.setText(getTranslation("ui.materials.remove.text", type.name(), number));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("ui.materials.cancel"));
        confirm.setConfirmText(getTranslation("ui.materials.remove.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> page.delete(this, image.id()));
        confirm.open();
    }
}
