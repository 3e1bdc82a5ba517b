package cn.shencha.admin.ui;

import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.admin.setup.DistrictSetupService;
import cn.shencha.admin.setup.SetupImportService;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.exam.District;
import cn.shencha.exam.ExamSite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

/** 考区设置: create and edit a district and its exam sites, or load a province's set-up from one YAML file. */
@Route(DistrictsView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class DistrictsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/districts";

    private final DistrictSetupService setup;
    private final SetupImportService importer;
    private final Messages messages;
    final Select<District> district;
    final TextField code = new TextField(getTranslation("admin.setup.district.code"));
    final TextField name = new TextField(getTranslation("admin.setup.district.name"));
    final IntegerField maxImageKb = new IntegerField(getTranslation("admin.setup.district.maxImageKb"));
    final Button saveDistrict = new Button(getTranslation("admin.setup.district.save"));
    final Button newDistrict = new Button(getTranslation("admin.setup.district.new"));
    final Grid<ExamSite> sites = new Grid<>();
    final TextField siteCode = new TextField(getTranslation("admin.setup.site.code"));
    final TextField siteName = new TextField(getTranslation("admin.setup.site.name"));
    final Button saveSite = new Button(getTranslation("admin.setup.site.save"));
    final Upload upload = new Upload();
    final Checkbox dryRun = new Checkbox(getTranslation("admin.setup.import.dryRun"));
    final Paragraph importSummary = new Paragraph();
    final Grid<SetupImportService.Row> importRows = new Grid<>();

    public DistrictsView(DistrictSetupService setup, SetupImportService importer, Messages messages) {
        this.setup = setup;
        this.importer = importer;
        this.messages = messages;
        district = AdminUi.districtSelect(getTranslation("admin.district"), setup.districts());
        district.addValueChangeListener(e -> show(e.getValue()));
        code.setPattern("\\d{2}");
        code.setHelperText(getTranslation("admin.setup.district.codeHint"));
        maxImageKb.setMin(50);
        maxImageKb.setMax(5120);
        maxImageKb.setSuffixComponent(new com.vaadin.flow.component.html.Span("KB"));
        saveDistrict.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDistrict.addClickListener(e -> saveDistrict());
        newDistrict.addClickListener(e -> district.clear());

        PhoneGrid<ExamSite> sitesCols = PhoneGrid.of(sites);
        sitesCols.text(getTranslation("admin.setup.site.code"), ExamSite::getCode).setAutoWidth(true);
        sitesCols.text(getTranslation("admin.setup.site.name"), ExamSite::getName).setFlexGrow(1);
        sitesCols.cardsOnPhones();
        sites.setAllRowsVisible(true);
        sites.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                siteCode.setValue(e.getValue().getCode());
                siteName.setValue(e.getValue().getName());
            }
        });
        siteCode.setHelperText(getTranslation("admin.setup.site.codeHint"));
        saveSite.addClickListener(e -> saveSite());

        UI ui = UI.getCurrent();
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        upload.setI18n(AdminUi.uploadI18n(this::getTranslation));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> importFile(bytes))));
        PhoneGrid<SetupImportService.Row> importRowsCols = PhoneGrid.of(importRows);
        importRowsCols.text(getTranslation("admin.setup.import.where"), SetupImportService.Row::where).setAutoWidth(true);
        importRowsCols.text(getTranslation("admin.setup.import.kind"), r -> getTranslation("admin.setup.kind." + r.kind().name())).setAutoWidth(true);
        importRowsCols.text(getTranslation("admin.setup.import.code"), SetupImportService.Row::code).setAutoWidth(true);
        importRowsCols.text(getTranslation("admin.setup.import.result"), r -> r.refused() ? r.message() : getTranslation("admin.setup.outcome." + r.outcome().name())).setFlexGrow(1);
        importRowsCols.cardsOnPhones();
        importRows.setAllRowsVisible(true);

        HorizontalLayout districtForm = new HorizontalLayout(code, name, maxImageKb, saveDistrict);
        districtForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout siteForm = new HorizontalLayout(siteCode, siteName, saveSite);
        siteForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout chooser = new HorizontalLayout(district, newDistrict);
        chooser.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("admin.setup.title")), new Paragraph(getTranslation("admin.setup.intro")),
                chooser, districtForm,
                new H3(getTranslation("admin.setup.sites")), sites, siteForm,
                new H3(getTranslation("admin.setup.import.title")), new Paragraph(getTranslation("admin.setup.import.hint")),
                dryRun, upload, importSummary, importRows);
        show(district.getValue());
    }

    private void show(District d) {
        code.setReadOnly(d != null);
        code.setValue(d == null ? "" : d.getCode());
        name.setValue(d == null ? "" : d.getName());
        maxImageKb.setValue(d == null ? 200 : d.getMaxImageBytes() / 1024);
        sites.setItems(d == null ? java.util.List.of() : setup.sites(d.getCode()));
        siteCode.setValue(d == null ? "" : d.getCode());
        siteName.clear();
        siteCode.setEnabled(d != null);
        siteName.setEnabled(d != null);
        saveSite.setEnabled(d != null);
    }

    private void saveDistrict() {
        try {
            DistrictSetupService.Outcome outcome = setup.saveDistrict(
                    new DistrictSetupService.DistrictForm(code.getValue(), name.getValue(), maxImageKb.getValue()));
            String saved = code.getValue().strip();
            reloadDistricts(saved);
            AdminUi.success(getTranslation("admin.setup.district.saved." + outcome.name(), saved));
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    private void saveSite() {
        District d = district.getValue();
        try {
            DistrictSetupService.Outcome outcome = setup.saveSite(d.getCode(),
                    new DistrictSetupService.SiteForm(siteCode.getValue(), siteName.getValue()));
            AdminUi.success(getTranslation("admin.setup.site.saved." + outcome.name(), siteCode.getValue().strip()));
            show(d);
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    void importFile(byte[] content) {
        try {
            SetupImportService.Report report = importer.load(content, dryRun.getValue(),
                    Messages.currentLocaleOr(getLocale()));
            importSummary.setText(getTranslation(report.dryRun() ? "admin.setup.import.summaryDry" : "admin.setup.import.summary",
                    report.created(), report.updated(), report.unchanged(), report.refused()));
            importRows.setItems(report.rows());
            reloadDistricts(district.getValue() == null ? null : district.getValue().getCode());
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    private void reloadDistricts(String selected) {
        var all = setup.districts();
        district.setItems(all);
        all.stream().filter(x -> x.getCode().equals(selected)).findFirst().or(() -> all.stream().findFirst())
                .ifPresentOrElse(district::setValue, () -> show(null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.setup.title");
    }
}
