package cn.shencha.admin.ui;

import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.admin.season.SeasonAdminService;
import cn.shencha.admin.season.SeasonChange;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamSeason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Function;

/**
 * 考试年度: the seasons (the current one marked), opening next year's season with a preview of its shifted dates
 * (Beijing time), closing a season or opening a closed one again, and the record of every such change.
 */
@Route(SeasonsView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class SeasonsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/seasons";

    private final SeasonAdminService service;
    private final Messages messages;

    final Paragraph current = new Paragraph();
    final Grid<SeasonAdminService.SeasonLine> seasons = new Grid<>();
    final Button close = new Button(getTranslation("admin.seasons.close"));
    final Button reopen = new Button(getTranslation("admin.seasons.reopen"));
    final TextField name = new TextField(getTranslation("admin.seasons.name"));
    final Button previewButton = new Button(getTranslation("admin.seasons.preview"));
    final Paragraph previewSummary = new Paragraph();
    final Grid<SeasonAdminService.ShiftedSchedule> preview = new Grid<>();
    final Button open = new Button(getTranslation("admin.seasons.open"));
    final Grid<SeasonChange> changes = new Grid<>();

    public SeasonsView(SeasonAdminService service, Messages messages) {
        this.service = service;
        this.messages = messages;

        PhoneGrid<SeasonAdminService.SeasonLine> seasonsCols = PhoneGrid.of(seasons);
        seasonsCols.text(getTranslation("admin.seasons.code"), l -> l.season().getCode()).setAutoWidth(true);
        seasonsCols.text(getTranslation("admin.seasons.name"), l -> l.season().getName()).setFlexGrow(1);
        seasonsCols.text(getTranslation("admin.seasons.state"), l -> getTranslation(l.current() ? "admin.seasons.state.current"
                : l.season().isClosed() ? "admin.seasons.state.closed" : "admin.seasons.state.open")).setAutoWidth(true);
        seasonsCols.text(getTranslation("admin.seasons.candidates"), SeasonAdminService.SeasonLine::candidates).setAutoWidth(true);
        seasonsCols.text(getTranslation("admin.seasons.openedAt"), l -> AdminUi.format(l.season().getOpenedAt())).setAutoWidth(true);
        seasonsCols.text(getTranslation("admin.seasons.closedAt"), l -> l.season().getClosedAt() == null ? "" : AdminUi.format(l.season().getClosedAt())).setAutoWidth(true);
        seasonsCols.cardsOnPhones();
        seasons.setAllRowsVisible(true);
        seasons.asSingleSelect().addValueChangeListener(e -> selectionChanged());
        close.addClickListener(e -> act(service::close, "admin.seasons.closed"));
        reopen.addClickListener(e -> act(service::reopen, "admin.seasons.reopened"));

        name.setWidth("24em");
        name.setMaxLength(100);
        previewButton.addClickListener(e -> showPreview());
        PhoneGrid<SeasonAdminService.ShiftedSchedule> previewCols = PhoneGrid.of(preview);
        previewCols.text(getTranslation("admin.district"), s -> s.districtCode() + " " + s.districtName()).setAutoWidth(true);
        addDates(previewCols, "admin.schedule.uploadStart", DistrictSchedule::uploadStart);
        addDates(previewCols, "admin.schedule.uploadDeadline", DistrictSchedule::uploadDeadline);
        addDates(previewCols, "admin.schedule.supplementDeadline", DistrictSchedule::supplementDeadline);
        addDates(previewCols, "admin.schedule.resultsPublishAt", DistrictSchedule::resultsPublishAt);
        previewCols.cardsOnPhones();
        preview.setAllRowsVisible(true);
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickListener(e -> openNext());

        PhoneGrid<SeasonChange> changesCols = PhoneGrid.of(changes);
        changesCols.text(getTranslation("admin.changes.at"), c -> AdminUi.format(c.getChangedAt())).setAutoWidth(true);
        changesCols.text(getTranslation("admin.seasons.code"), c -> c.getSeasonCode()).setAutoWidth(true);
        changesCols.text(getTranslation("admin.seasons.action"), c -> getTranslation("admin.seasons.action." + c.getAction().name())
                + (c.getFromSeason() == null ? "" : getTranslation("admin.seasons.from", c.getFromSeason()))).setAutoWidth(true);
        changesCols.text(getTranslation("admin.changes.by"), SeasonChange::getChangedBy).setAutoWidth(true);
        changesCols.text(getTranslation("admin.seasons.detail"), c -> c.getDetail() == null ? "" : c.getDetail()).setFlexGrow(1);
        changesCols.cardsOnPhones();
        changes.setAllRowsVisible(true);

        add(new H2(getTranslation("admin.seasons.title")), new Paragraph(getTranslation("admin.seasons.hint")),
                current, seasons, new HorizontalLayout(close, reopen),
                new H3(getTranslation("admin.seasons.openTitle")), new Paragraph(getTranslation("admin.seasons.openHint")),
                new HorizontalLayout(name, previewButton), previewSummary, preview, open,
                new H3(getTranslation("admin.seasons.changes")), changes);
        load();
    }

    private void addDates(PhoneGrid<SeasonAdminService.ShiftedSchedule> grid, String key,
                          Function<DistrictSchedule, java.time.Instant> field) {
        grid.text(getTranslation(key), s -> getTranslation("admin.seasons.shift", AdminUi.format(field.apply(s.from())),
                AdminUi.format(field.apply(s.to())))).setAutoWidth(true);
    }

    private void load() {
        List<SeasonAdminService.SeasonLine> lines = service.seasons();
        seasons.setItems(lines);
        ExamSeason now = service.current();
        current.setText(getTranslation("admin.seasons.current", now.getName(), now.getCode()));
        changes.setItems(service.changes());
        preview.setItems(List.of());
        previewSummary.setText("");
        open.setEnabled(false);
        selectionChanged();
    }

    private void selectionChanged() {
        SeasonAdminService.SeasonLine selected = seasons.asSingleSelect().getValue();
        close.setEnabled(selected != null && !selected.season().isClosed());
        reopen.setEnabled(selected != null && selected.season().isClosed());
    }

    private void showPreview() {
        try {
            SeasonAdminService.Preview p = service.preview(name.getValue());
            previewSummary.setText(getTranslation("admin.seasons.previewSummary", p.code(), p.name(), p.fromSeason(),
                    p.schedules().size(), p.materialTypes()));
            preview.setItems(p.schedules());
            open.setEnabled(true);
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    private void openNext() {
        try {
            ExamSeason opened = service.openNext(name.getValue());
            AdminUi.success(getTranslation("admin.seasons.opened", opened.getName(), opened.getCode()));
            name.clear();
            load();
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    private void act(Function<String, ExamSeason> action, String successKey) {
        SeasonAdminService.SeasonLine selected = seasons.asSingleSelect().getValue();
        if (selected == null) {
            return;
        }
        try {
            ExamSeason season = action.apply(selected.season().getCode());
            AdminUi.success(getTranslation(successKey, season.getName(), season.getCode()));
            load();
        } catch (RuntimeException e) {
            AdminUi.failure(messages, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.seasons.title");
    }
}
