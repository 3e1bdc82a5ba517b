package cn.shencha.admin.ui;

import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.exam.Seasons;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.admin.ScheduleChange;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictSchedule;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * 时间设置: a district's upload window, supplement deadline and publication time in Beijing time; saving moves
 * every waiting timer (with progress), reopening a closed window needs a confirmation. Personal extensions,
 * and the record of every change.
 */
@Route(DeadlinesView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class DeadlinesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/deadlines";

    private final ScheduleAdminService service;
    private final AdminJobs jobs;
    private final Messages messages;

    private final Select<District> district;
    private final Seasons seasons;
    final ShanghaiDateTimeField uploadStart = new ShanghaiDateTimeField(getTranslation("admin.schedule.uploadStart"), false);
    final ShanghaiDateTimeField uploadDeadline = new ShanghaiDateTimeField(getTranslation("admin.schedule.uploadDeadline"), true);
    final ShanghaiDateTimeField supplementDeadline = new ShanghaiDateTimeField(getTranslation("admin.schedule.supplementDeadline"), true);
    final ShanghaiDateTimeField resultsPublishAt = new ShanghaiDateTimeField(getTranslation("admin.schedule.resultsPublishAt"), false);
    final Button save = new Button(getTranslation("admin.schedule.save"));
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span status = new Span();

    final TextField extensionRegistrationNo = new TextField(getTranslation("admin.extension.registrationNo"));
    final ShanghaiDateTimeField extensionDeadline = new ShanghaiDateTimeField(getTranslation("admin.extension.deadline"), true);
    final TextArea extensionReason = new TextArea(getTranslation("admin.extension.reason"));
    final Button extend = new Button(getTranslation("admin.extension.submit"));
    final Grid<ScheduleChange> changes = new Grid<>();

    /** The job of the last save, for tests. */
    CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);

    public DeadlinesView(ScheduleAdminService service, AdminJobs jobs, Messages messages, Seasons seasons) {
        this.seasons = seasons;
        this.service = service;
        this.jobs = jobs;
        this.messages = messages;
        district = AdminUi.districtSelect(getTranslation("admin.district"), service.districts());
        district.addValueChangeListener(e -> load());

        FormLayout form = new FormLayout(uploadStart, uploadDeadline, supplementDeadline, resultsPublishAt);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("900px", 2));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        progress.setVisible(false);
        progress.setWidth("24em");
        progressText.setVisible(false);

        extensionReason.setMaxLength(ScheduleAdminService.MAX_REASON);
        extensionReason.setWidthFull();
        extend.addClickListener(e -> extend(false));
        FormLayout extensionForm = new FormLayout(extensionRegistrationNo, extensionDeadline, extensionReason);
        extensionForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("900px", 2));
        extensionForm.setColspan(extensionReason, 2);

        configureChanges();
        add(new H2(getTranslation("admin.deadlines.title")), AdminUi.seasonBadge(seasons.current(), this::getTranslation), new Paragraph(getTranslation("admin.deadlines.hint")),
                district, status, form, save, progress, progressText,
                new H3(getTranslation("admin.extension.title")), new Paragraph(getTranslation("admin.extension.hint")),
                extensionForm, extend,
                new H3(getTranslation("admin.changes.title")), changes);
        load();
    }

    private void load() {
        District d = district.getValue();
        if (d == null) {
            return;
        }
        DistrictSchedule s = service.schedule(d.getCode()).schedule();
        uploadStart.setValue(s.uploadStart());
        uploadDeadline.setValue(s.uploadDeadline());
        supplementDeadline.setValue(s.supplementDeadline());
        resultsPublishAt.setValue(s.resultsPublishAt());
        List.of(uploadStart, uploadDeadline, supplementDeadline, resultsPublishAt).forEach(f -> f.setInvalid(false));
        changes.setItems(service.changes(d.getCode()));
    }

    private void save() {
        District d = district.getValue();
        if (d == null) {
            return;
        }
        DistrictSchedule proposed = new DistrictSchedule(uploadStart.getValue(), uploadDeadline.getValue(),
                supplementDeadline.getValue(), resultsPublishAt.getValue());
        ScheduleAdminService.ScheduleCheck check;
        try {
            check = service.check(d.getCode(), proposed);
        } catch (ShenchaException e) {
            AdminUi.failure(messages, e);
            return;
        }
        if (!check.problems().isEmpty()) {
            showProblems(check.problems());
            return;
        }
        List.of(uploadStart, uploadDeadline, supplementDeadline, resultsPublishAt).forEach(f -> f.setInvalid(false));
        if (check.reopensClosedWindow()) {
            confirm(getTranslation("admin.reopen.title"), getTranslation("admin.reopen.text", check.casesToReopen()),
                    () -> apply(d, proposed, true, check.cases()));
        } else if (check.closesOpenWindow()) {
            confirm(getTranslation("admin.closeNow.title"), getTranslation("admin.closeNow.text", check.casesToLock()),
                    () -> apply(d, proposed, false, check.cases()));
        } else {
            apply(d, proposed, false, check.cases());
        }
    }

    private void showProblems(List<String> problems) {
        for (String problem : problems) {
            ShanghaiDateTimeField field = switch (problem) {
                case "schedule.deadlineBeforeStart" -> uploadDeadline;
                case "schedule.supplementBeforeDeadline" -> supplementDeadline;
                case "schedule.publicationBeforeSupplement" -> resultsPublishAt;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(getTranslation(problem));
                field.setInvalid(true);
            }
        }
        AdminUi.failure(messages, new ShenchaException("SCHEDULE_INVALID",
                org.springframework.http.HttpStatus.BAD_REQUEST, problems));
    }

    private void apply(District d, DistrictSchedule proposed, boolean confirmReopen, int cases) {
        UI ui = UI.getCurrent();
        save.setEnabled(false);
        progress.setVisible(true);
        progressText.setVisible(true);
        progress.setMax(Math.max(1, cases));
        progress.setValue(0);
        progressText.setText(getTranslation("admin.schedule.progress", 0, cases));
        lastJob = jobs.run(ui,
                p -> service.changeSchedule(d.getCode(), proposed, confirmReopen, p),
                (done, total) -> {
                    progress.setMax(Math.max(1, total));
                    progress.setValue(done);
                    progressText.setText(getTranslation("admin.schedule.progress", done, total));
                },
                (result, failure) -> {
                    save.setEnabled(true);
                    progress.setVisible(false);
                    if (failure != null) {
                        progressText.setVisible(false);
                        AdminUi.failure(messages, failure);
                        return;
                    }
                    String text = getTranslation("admin.schedule.saved", result.timersMoved(),
                            result.reviewTasksMoved(), result.casesReopened());
                    progressText.setText(text);
                    AdminUi.success(text);
                    load();
                });
    }

    private void extend(boolean confirmReopen) {
        Instant deadline = extensionDeadline.getValue();
        try {
            ScheduleAdminService.ExtensionResult result = service.extendUploadDeadline(
                    extensionRegistrationNo.getValue(), deadline, extensionReason.getValue(), confirmReopen);
            AdminUi.success(getTranslation(result.reopened() ? "admin.extension.doneReopened" : "admin.extension.done",
                    extensionRegistrationNo.getValue().strip(), AdminUi.format(result.after()), result.timersMoved()));
            extensionRegistrationNo.clear();
            extensionDeadline.clear();
            extensionReason.clear();
            load();
        } catch (ShenchaException e) {
            if ("REOPEN_NOT_CONFIRMED".equals(e.getCode()) && !confirmReopen) {
                confirm(getTranslation("admin.reopen.title"), getTranslation("admin.extension.reopenText"),
                        () -> extend(true));
            } else {
                AdminUi.failure(messages, e);
            }
        }
    }

    private void confirm(String title, String text, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(title, text, getTranslation("admin.confirm.yes"), e -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.confirm.no"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void configureChanges() {
        PhoneGrid<ScheduleChange> changesCols = PhoneGrid.of(changes);
        changesCols.text(getTranslation("admin.changes.at"), c -> AdminUi.format(c.getChangedAt())).setAutoWidth(true);
        changesCols.text(getTranslation("admin.changes.by"), ScheduleChange::getChangedBy).setAutoWidth(true);
        changesCols.text(getTranslation("admin.changes.kind"), c -> getTranslation("admin.changes.kind." + c.getKind().name())
                        + (c.getRegistrationNo() == null ? "" : " " + c.getRegistrationNo())).setAutoWidth(true);
        changesCols.text(getTranslation("admin.changes.values"), this::describe).setFlexGrow(3);
        changesCols.text(getTranslation("admin.changes.reason"), c -> c.getReason() == null ? "" : c.getReason()).setFlexGrow(1);
        changesCols.text(getTranslation("admin.changes.effects"), this::effects).setAutoWidth(true);
        changesCols.cardsOnPhones();
        changes.setAllRowsVisible(true);
        changes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    }

    private String describe(ScheduleChange c) {
        List<String> parts = new ArrayList<>();
        part(parts, "admin.schedule.uploadStart", c.getOldUploadStart(), c.getNewUploadStart());
        part(parts, c.getKind() == ScheduleChange.Kind.EXTENSION ? "admin.extension.deadline" : "admin.schedule.uploadDeadline",
                c.getOldUploadDeadline(), c.getNewUploadDeadline());
        part(parts, "admin.schedule.supplementDeadline", c.getOldSupplementDeadline(), c.getNewSupplementDeadline());
        part(parts, "admin.schedule.resultsPublishAt", c.getOldResultsPublishAt(), c.getNewResultsPublishAt());
        return String.join("；", parts);
    }

    private void part(List<String> parts, String labelKey, Instant before, Instant after) {
        if (after != null && !after.equals(before)) {
            parts.add(getTranslation(labelKey) + " " + AdminUi.format(before) + " → " + AdminUi.format(after));
        }
    }

    private String effects(ScheduleChange c) {
        return switch (c.getKind()) {
            case PUBLICATION -> getTranslation("admin.changes.published", c.getVerdictsPublished());
            default -> getTranslation("admin.changes.moved", c.getTimersMoved(), c.getCasesReopened());
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.deadlines.title");
    }
}
