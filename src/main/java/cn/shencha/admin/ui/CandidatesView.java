package cn.shencha.admin.ui;

import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.exam.Seasons;
import cn.shencha.admin.CandidateImportService;
import cn.shencha.admin.CandidateSearchService;
import cn.shencha.admin.ScheduleChange;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.review.ReviewCase;
import cn.shencha.review.ReviewCaseService;
import cn.shencha.review.ui.CasePictures;
import cn.shencha.review.ui.ImageViewsView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** 考生管理: import from the registration system's CSV (with the row-by-row report), search, a candidate's case. */
@Route(CandidatesView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class CandidatesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/candidates";
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private final CandidateImportService importer;
    private final CandidateSearchService search;
    private final AdminJobs jobs;
    private final Messages messages;
    private final ReviewCaseService reviewCases;
    private final Clock clock;
    private final Seasons seasons;

    final Select<String> encoding = new Select<>();
    final Checkbox dryRun = new Checkbox(getTranslation("admin.import.dryRun"));
    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar();
    final Span reportSummary = new Span();
    final Grid<CandidateImportService.RowError> errors = new Grid<>();
    final TextField query = new TextField();
    final Grid<CandidateSearchService.CandidateSummary> results = new Grid<>();
    final VerticalLayout detail = new VerticalLayout();

    /** The job of the last import, for tests. */
    CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);

    public CandidatesView(CandidateImportService importer, CandidateSearchService search, AdminJobs jobs,
                          Messages messages, ReviewCaseService reviewCases, Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.importer = importer;
        this.search = search;
        this.jobs = jobs;
        this.messages = messages;
        this.reviewCases = reviewCases;
        this.clock = clock;

        encoding.setLabel(getTranslation("admin.import.encoding"));
        encoding.setItems("auto", "UTF-8", "GBK");
        encoding.setItemLabelGenerator(e -> getTranslation("admin.import.encoding." + e));
        encoding.setValue("auto");
        HorizontalLayout options = new HorizontalLayout(encoding, dryRun);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);

        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> startImport(bytes))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setMaxFiles(1);
        upload.setI18n(AdminUi.uploadI18n(this::getTranslation));
        progress.setVisible(false);
        progress.setWidth("24em");

        PhoneGrid<CandidateImportService.RowError> errorsCols = PhoneGrid.of(errors);
        errorsCols.text(getTranslation("admin.import.line"), CandidateImportService.RowError::line).setAutoWidth(true);
        errorsCols.text(getTranslation("admin.candidate.registrationNo"), CandidateImportService.RowError::registrationNo).setAutoWidth(true);
        errorsCols.text(getTranslation("admin.import.problem"), CandidateImportService.RowError::message).setFlexGrow(1);
        errorsCols.cardsOnPhones();
        errors.setVisible(false);
        errors.setAllRowsVisible(true);
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);

        query.setPlaceholder(getTranslation("admin.search.placeholder"));
        query.setWidth("20em");
        query.addKeyPressListener(Key.ENTER, e -> runSearch());
        Button searchButton = new Button(getTranslation("admin.search.submit"), e -> runSearch());
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout searchBar = new HorizontalLayout(query, searchButton);
        PhoneGrid<CandidateSearchService.CandidateSummary> resultsCols = PhoneGrid.of(results);
        resultsCols.text(getTranslation("admin.candidate.registrationNo"), CandidateSearchService.CandidateSummary::registrationNo).setAutoWidth(true);
        resultsCols.text(getTranslation("admin.candidate.name"), CandidateSearchService.CandidateSummary::name).setAutoWidth(true);
        resultsCols.text(getTranslation("admin.candidate.idNumber"), CandidateSearchService.CandidateSummary::maskedIdNumber).setAutoWidth(true);
        resultsCols.text(getTranslation("admin.candidate.site"), s -> s.districtCode() + " / " + s.siteCode()).setAutoWidth(true);
        resultsCols.text(getTranslation("admin.candidate.phase"), s -> getTranslation("admin.phase." + s.phase().name())).setAutoWidth(true);
        resultsCols.cardsOnPhones();
        results.addItemClickListener(e -> showDetail(e.getItem().registrationNo()));
        results.setAllRowsVisible(true);
        results.setVisible(false);
        detail.setPadding(false);

        add(new H2(getTranslation("admin.candidates.title")), AdminUi.seasonBadge(seasons.current(), this::getTranslation),
                new H3(getTranslation("admin.import.title")), new Paragraph(getTranslation("admin.import.hint")),
                options, upload, progress, reportSummary, errors,
                new H3(getTranslation("admin.search.title")), searchBar, results, detail);
    }

    void startImport(byte[] bytes) {
        UI ui = UI.getCurrent();
        String chosen = encoding.getValue();
        boolean check = dryRun.getValue();
        progress.setVisible(true);
        progress.setIndeterminate(true);
        reportSummary.setText(getTranslation("admin.import.running"));
        errors.setVisible(false);
        lastJob = jobs.run(ui,
                p -> importer.importCsv(bytes, chosen, check, p),
                (done, total) -> {
                    progress.setIndeterminate(false);
                    progress.setMax(Math.max(1, total));
                    progress.setValue(done);
                },
                (report, failure) -> {
                    progress.setVisible(false);
                    upload.clearFileList();
                    if (failure != null) {
                        reportSummary.setText("");
                        AdminUi.failure(messages, failure);
                        return;
                    }
                    showReport(report);
                });
    }

    private void showReport(CandidateImportService.ImportReport report) {
        reportSummary.setText(getTranslation(report.dryRun() ? "admin.import.reportDryRun" : "admin.import.report",
                report.encoding(), report.rows(), report.created(), report.updated(), report.unchanged(),
                report.refusedRows(), report.processesStarted()));
        errors.setItems(report.errors());
        errors.setVisible(!report.errors().isEmpty());
        // A long report scrolls instead of growing the page.
        errors.setAllRowsVisible(report.errors().size() <= 20);
        errors.setHeight(report.errors().size() <= 20 ? null : "30em");
    }

    void runSearch() {
        detail.removeAll();
        List<CandidateSearchService.CandidateSummary> found = search.search(query.getValue());
        results.setItems(found);
        results.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            detail.add(new Paragraph(getTranslation("admin.search.none")));
        } else if (found.size() == 1) {
            showDetail(found.get(0).registrationNo());
        }
    }

    void showDetail(String registrationNo) {
        detail.removeAll();
        CandidateSearchService.CandidateDetail d;
        try {
            d = search.detail(registrationNo, Messages.currentLocaleOr(getLocale()));
        } catch (ShenchaException e) {
            AdminUi.failure(messages, e);
            return;
        }
        FormLayout info = new FormLayout();
        info.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        item(info, "admin.candidate.registrationNo", d.registrationNo());
        item(info, "admin.candidate.name", d.name());
        item(info, "admin.candidate.idNumber", d.maskedIdNumber());
        item(info, "admin.candidate.phone", d.phone());
        item(info, "admin.candidate.category", d.examCategory());
        item(info, "admin.candidate.site", d.districtName() + " / " + d.siteCode() + " " + d.siteName());
        item(info, "admin.candidate.activated", getTranslation(d.activated() ? "admin.yes" : "admin.no"));
        item(info, "admin.candidate.phase", getTranslation("admin.phase." + d.phase().name()));
        item(info, "admin.candidate.status", getTranslation(d.status().labelKey()));
        item(info, "admin.candidate.uploadDeadline", AdminUi.format(d.uploadDeadline())
                + (d.uploadDeadlineOverride() == null ? "" : " " + getTranslation("admin.candidate.extended")));
        item(info, "admin.candidate.submittedAt", AdminUi.format(d.submittedAt()));
        item(info, "admin.candidate.lockedAt", AdminUi.format(d.lockedAt()));
        item(info, "admin.candidate.verdict", d.verdict() == null ? "" : getTranslation("admin.verdict." + d.verdict())
                + (d.verdictReason() == null ? "" : "（" + d.verdictReason() + "）"));
        item(info, "admin.candidate.verdictPublishedAt", AdminUi.format(d.verdictPublishedAt()));

        Grid<CandidateSearchService.MaterialLine> materials = new Grid<>();
        PhoneGrid<CandidateSearchService.MaterialLine> materialsCols = PhoneGrid.of(materials);
        materialsCols.text(getTranslation("admin.material.name"), CandidateSearchService.MaterialLine::name).setFlexGrow(1);
        materialsCols.text(getTranslation("admin.material.required"), m -> getTranslation(m.required() ? "admin.yes" : "admin.no")).setAutoWidth(true);
        materialsCols.text(getTranslation("admin.material.images"), CandidateSearchService.MaterialLine::images).setAutoWidth(true);
        materialsCols.text(getTranslation("admin.material.replaced"), CandidateSearchService.MaterialLine::replaced).setAutoWidth(true);
        materialsCols.text(getTranslation("admin.material.submitted"), m -> getTranslation(m.submitted() ? "admin.yes" : "admin.no")).setAutoWidth(true);
        materialsCols.text(getTranslation("admin.material.unlocked"), m -> m.unlocked() ? getTranslation("admin.material.unlockedFor", m.unlockReason() == null ? "" : m.unlockReason()) : "").setAutoWidth(true);
        materialsCols.text(getTranslation("admin.material.lastUpload"), m -> AdminUi.format(m.lastUploadAt())).setAutoWidth(true);
        materialsCols.cardsOnPhones();
        materials.setItems(d.materials());
        materials.setAllRowsVisible(true);
        // Reasons are read in full: the cells wrap instead of ending in "…".
        materials.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        Grid<CandidateSearchService.DecisionLine> decisions = new Grid<>();
        PhoneGrid<CandidateSearchService.DecisionLine> decisionsCols = PhoneGrid.of(decisions);
        decisionsCols.text(getTranslation("admin.decision.at"), x -> AdminUi.format(x.decidedAt())).setAutoWidth(true);
        decisionsCols.text(getTranslation("admin.decision.level"), x -> getTranslation("admin.decision.level." + x.level())).setAutoWidth(true);
        decisionsCols.text(getTranslation("admin.decision.decision"), x -> getTranslation("admin.decision." + x.decision())).setAutoWidth(true);
        decisionsCols.text(getTranslation("admin.decision.reviewer"), CandidateSearchService.DecisionLine::reviewer).setAutoWidth(true);
        decisionsCols.text(getTranslation("admin.decision.reason"), x -> join(x.reason(), String.join("；", x.replacements()))).setFlexGrow(1);
        decisionsCols.cardsOnPhones();
        decisions.setItems(d.decisions());
        decisions.setAllRowsVisible(true);
        decisions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        Grid<CandidateSearchService.HistoryLine> history = new Grid<>();
        PhoneGrid<CandidateSearchService.HistoryLine> historyCols = PhoneGrid.of(history);
        historyCols.text(getTranslation("admin.history.start"), h -> AdminUi.format(h.start())).setAutoWidth(true);
        historyCols.text(getTranslation("admin.history.end"), h -> AdminUi.format(h.end())).setAutoWidth(true);
        historyCols.text(getTranslation("admin.history.step"), h -> h.activityName() == null ? h.activityId() : h.activityName()).setFlexGrow(1);
        historyCols.text(getTranslation("admin.history.assignee"), h -> h.assignee() == null ? "" : h.assignee()).setAutoWidth(true);
        historyCols.text(getTranslation("admin.history.outcome"), h -> h.canceled() ? getTranslation("admin.history.canceled") : "").setAutoWidth(true);
        historyCols.cardsOnPhones();
        history.setItems(d.history());
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        detail.add(new H3(d.name() + " " + d.registrationNo()), info,
                new H4(getTranslation("admin.candidate.materials")), materials,
                new H4(getTranslation("admin.candidate.pictures")), pictures(d.registrationNo()),
                new H4(getTranslation("admin.candidate.decisions")), decisions,
                new H4(getTranslation("admin.candidate.history")), history);
        if (!d.extensions().isEmpty()) {
            Grid<ScheduleChange> extensions = new Grid<>();
            PhoneGrid<ScheduleChange> extensionsCols = PhoneGrid.of(extensions);
            extensionsCols.text(getTranslation("admin.changes.at"), c -> AdminUi.format(c.getChangedAt())).setAutoWidth(true);
            extensionsCols.text(getTranslation("admin.changes.by"), ScheduleChange::getChangedBy).setAutoWidth(true);
            extensionsCols.text(getTranslation("admin.extension.deadline"), c -> AdminUi.format(c.getOldUploadDeadline()) + " → " + AdminUi.format(c.getNewUploadDeadline())).setAutoWidth(true);
            extensionsCols.text(getTranslation("admin.changes.reason"), ScheduleChange::getReason).setFlexGrow(1);
            extensionsCols.cardsOnPhones();
            extensions.setItems(d.extensions());
            extensions.setAllRowsVisible(true);
            detail.add(new H4(getTranslation("admin.candidate.extensions")), extensions);
        }
    }

    /**
     * The pictures as a reviewer sees them: the reviewer API's images (each view checked and recorded in the
     * image-view log), with the review form's watermark; a link to this candidate's image-view log.
     */
    private Component pictures(String registrationNo) {
        Locale locale = Messages.currentLocaleOr(getLocale());
        StaffScope scope = CurrentUser.staffScope();
        ReviewCase reviewCase = reviewCases.forCandidate(scope, registrationNo, locale);
        String watermark = messages.get(locale, "review.form.watermark") + "  " + scope.userId() + "  "
                + ShanghaiTime.format(clock.instant());
        CasePictures pictures = new CasePictures(reviewCase.materials(), watermark,
                getTranslation("review.form.noImages"));
        RouterLink log = new RouterLink(getTranslation("admin.candidate.imageViews"), ImageViewsView.class);
        log.setQueryParameters(QueryParameters.of(ImageViewsView.REGISTRATION_NO, registrationNo));
        return new VerticalLayout(pictures, log);
    }

    private void item(FormLayout form, String labelKey, String value) {
        form.addFormItem(new Span(value == null ? "" : value), getTranslation(labelKey));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "；" + b;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.candidates.title");
    }
}
