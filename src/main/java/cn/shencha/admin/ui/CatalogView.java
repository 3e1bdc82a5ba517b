package cn.shencha.admin.ui;

import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.exam.Seasons;
import cn.shencha.admin.setup.CatalogAdminService;
import cn.shencha.admin.setup.CatalogChange;
import cn.shencha.admin.setup.DistrictSetupService;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.exam.District;
import cn.shencha.exam.ExamCategories;
import cn.shencha.materials.MaterialType;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;

/**
 * 材料目录: a district's material types, per exam category required or optional, how many images, the order,
 * the texts and the 示例 image; the record of every change. Candidates who have not submitted see a change
 * at once.
 */
@Route(CatalogView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/catalog";

    private final CatalogAdminService catalog;
    private final Messages messages;
    private final Seasons seasons;
    final Select<District> district;
    final Grid<MaterialType> types = new Grid<>();
    final TextField code = new TextField(getTranslation("admin.catalog.code"));
    final TextField name = new TextField(getTranslation("admin.catalog.name"));
    final TextField nameEn = new TextField(getTranslation("admin.catalog.nameEn"));
    final TextArea description = new TextArea(getTranslation("admin.catalog.description"));
    final IntegerField minCount = new IntegerField(getTranslation("admin.catalog.min"));
    final IntegerField maxCount = new IntegerField(getTranslation("admin.catalog.max"));
    final IntegerField sortOrder = new IntegerField(getTranslation("admin.catalog.order"));
    final CheckboxGroup<String> requiredFor = new CheckboxGroup<>(getTranslation("admin.catalog.requiredFor"));
    final Button save = new Button(getTranslation("admin.catalog.save"));
    final Button newType = new Button(getTranslation("admin.catalog.new"));
    final Image example = new Image();
    final Upload exampleUpload = new Upload();
    final Grid<CatalogChange> changes = new Grid<>();

    public CatalogView(DistrictSetupService setup, CatalogAdminService catalog, Messages messages, Seasons seasons) {
        this.seasons = seasons;
        this.catalog = catalog;
        this.messages = messages;
        district = AdminUi.districtSelect(getTranslation("admin.district"), setup.districts());
        district.addValueChangeListener(e -> refresh(null));

        PhoneGrid<MaterialType> typesCols = PhoneGrid.of(types);
        typesCols.text(getTranslation("admin.catalog.order"), MaterialType::getSortOrder).setAutoWidth(true);
        typesCols.text(getTranslation("admin.catalog.code"), MaterialType::getCode).setAutoWidth(true);
        typesCols.text(getTranslation("admin.catalog.name"), MaterialType::getName).setAutoWidth(true);
        typesCols.text(getTranslation("admin.catalog.count"), t -> t.getMinCount() + "–" + t.getMaxCount()).setAutoWidth(true);
        typesCols.text(getTranslation("admin.catalog.requiredFor"), this::requiredText).setFlexGrow(1);
        typesCols.cardsOnPhones();
        types.setAllRowsVisible(true);
        types.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        requiredFor.setItems(ExamCategories.ALL);
        description.setWidthFull();
        description.setMaxLength(1000);
        minCount.setMin(0);
        maxCount.setMin(1);
        maxCount.setMax(20);
        code.setHelperText(getTranslation("admin.catalog.codeHint"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        newType.addClickListener(e -> types.asSingleSelect().clear());
        example.setMaxHeight("120px");
        UI ui = UI.getCurrent();
        exampleUpload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        exampleUpload.setI18n(AdminUi.uploadI18n(this::getTranslation));
        exampleUpload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> uploadExample(bytes))));

        PhoneGrid<CatalogChange> changesCols = PhoneGrid.of(changes);
        changesCols.text(getTranslation("admin.catalog.changedAt"), c -> AdminUi.format(c.getChangedAt())).setAutoWidth(true);
        changesCols.text(getTranslation("admin.catalog.changedBy"), CatalogChange::getChangedBy).setAutoWidth(true);
        changesCols.text(getTranslation("admin.catalog.code"), CatalogChange::getTypeCode).setAutoWidth(true);
        changesCols.text(getTranslation("admin.catalog.action"), c -> getTranslation("admin.catalog.action." + c.getAction().name())).setAutoWidth(true);
        changesCols.text(getTranslation("admin.catalog.change"), c -> (c.getBefore() == null ? "" : c.getBefore() + " → ") + c.getAfter()).setFlexGrow(1);
        changesCols.cardsOnPhones();

        HorizontalLayout counts = new HorizontalLayout(minCount, maxCount, sortOrder);
        HorizontalLayout names = new HorizontalLayout(code, name, nameEn);
        HorizontalLayout exampleRow = new HorizontalLayout(example, exampleUpload);
        exampleRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2(getTranslation("admin.catalog.title")), AdminUi.seasonBadge(seasons.current(), this::getTranslation), new Paragraph(getTranslation("admin.catalog.intro")),
                district, types, new H3(getTranslation("admin.catalog.edit")), names, description, counts,
                requiredFor, new HorizontalLayout(save, newType),
                new H3(getTranslation("admin.catalog.example")), exampleRow,
                new H3(getTranslation("admin.catalog.changes")), changes);
        refresh(null);
    }

    private String requiredText(MaterialType t) {
        if (t.getRequiredFor().isEmpty()) {
            return getTranslation("admin.catalog.optional");
        }
        if (t.getRequiredFor().containsAll(ExamCategories.ALL)) {
            return getTranslation("admin.catalog.requiredAll");
        }
        return String.join("、", ExamCategories.ALL.stream().filter(t.getRequiredFor()::contains).toList());
    }

    private void refresh(String selectCode) {
        District d = district.getValue();
        List<MaterialType> all = d == null ? List.of() : catalog.catalog(d.getCode());
        types.setItems(all);
        changes.setItems(d == null ? List.of() : catalog.changes(d.getCode()));
        all.stream().filter(t -> t.getCode().equals(selectCode)).findFirst()
                .ifPresentOrElse(types::select, () -> edit(null));
    }

    private void edit(MaterialType t) {
        code.setReadOnly(t != null);
        code.setValue(t == null ? "" : t.getCode());
        name.setValue(t == null ? "" : t.getName());
        nameEn.setValue(t == null ? "" : t.getNameEn());
        description.setValue(t == null ? "" : t.getDescription());
        minCount.setValue(t == null ? 1 : t.getMinCount());
        maxCount.setValue(t == null ? 1 : t.getMaxCount());
        sortOrder.setValue(t == null ? nextOrder() : t.getSortOrder());
        requiredFor.setValue(t == null ? Set.of() : t.getRequiredFor());
        example.setVisible(t != null && t.getExampleImage() != null);
        if (t != null && t.getExampleImage() != null) {
            example.setSrc(t.getExampleImage());
            example.setAlt(getTranslation("admin.catalog.example"));
        }
        exampleUpload.setVisible(t != null);
    }

    private int nextOrder() {
        District d = district.getValue();
        return d == null ? 10 : catalog.catalog(d.getCode()).stream().mapToInt(MaterialType::getSortOrder).max().orElse(0) + 10;
    }

    void save() {
        District d = district.getValue();
        if (d == null) {
            return;
        }
        try {
            DistrictSetupService.Outcome outcome = catalog.save(d.getCode(), new CatalogAdminService.TypeForm(
                    code.getValue(), name.getValue(), nameEn.getValue(), description.getValue(), minCount.getValue(),
                    maxCount.getValue(), sortOrder.getValue(), requiredFor.getValue()));
            AdminUi.success(getTranslation("admin.catalog.saved." + outcome.name(), code.getValue().strip()));
            refresh(code.getValue().strip());
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    void uploadExample(byte[] content) {
        MaterialType t = types.asSingleSelect().getValue();
        if (t == null) {
            return;
        }
        try {
            catalog.setExample(district.getValue().getCode(), t.getCode(), content);
            AdminUi.success(getTranslation("admin.catalog.exampleSaved", t.getCode()));
            refresh(t.getCode());
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.catalog.title");
    }
}
