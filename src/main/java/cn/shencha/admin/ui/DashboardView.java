package cn.shencha.admin.ui;

import cn.shencha.exam.Seasons;
import cn.shencha.admin.CaseStatus;
import cn.shencha.admin.DashboardService;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.security.Roles;
import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.exam.District;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** 进度看板: a district's cases per status and exam site, overdue reviews, and the days of the season. */
@Route(DashboardView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin";

    private final DashboardService dashboards;
    private final Select<District> district;
    private final Seasons seasons;
    final FlexLayout summary = new FlexLayout();
    final Grid<DashboardService.SiteLine> sites = new Grid<>();
    final Div chart = new Div();
    final Paragraph overdueNote = new Paragraph();

    public DashboardView(DashboardService dashboards, ScheduleAdminService schedules, Seasons seasons) {
        this.seasons = seasons;
        this.dashboards = dashboards;
        district = AdminUi.districtSelect(getTranslation("admin.district"), schedules.districts());
        district.addValueChangeListener(e -> refresh());
        Button refresh = new Button(getTranslation("admin.dashboard.refresh"), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(district, refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        summary.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        summary.getStyle().set("gap", "var(--lumo-space-s)");
        configureSites();
        chart.setWidthFull();
        chart.getStyle().set("overflow-x", "auto");

        add(new H2(getTranslation("admin.dashboard.title")), AdminUi.seasonBadge(seasons.current(), this::getTranslation), top, summary, overdueNote,
                new H3(getTranslation("admin.dashboard.sites")), sites,
                new H3(getTranslation("admin.dashboard.chart")), legend(), chart);
        refresh();
    }

    private void refresh() {
        if (district.getValue() == null) {
            return;
        }
        DashboardService.Dashboard d = dashboards.dashboard(district.getValue().getCode());
        summary.removeAll();
        summary.add(card(getTranslation("admin.dashboard.total"), d.district().total(), "#333"));
        for (CaseStatus status : CaseStatus.values()) {
            summary.add(card(getTranslation(status.labelKey()), d.district().count(status), StatusChart.COLORS.get(status)));
        }
        summary.add(card(getTranslation("admin.dashboard.overdue"), d.district().overdueReviews(), "#c00"));
        overdueNote.setText(getTranslation("admin.dashboard.overdueNote", d.overdueAfter().toDays()));
        List<DashboardService.SiteLine> lines = new ArrayList<>(d.sites());
        lines.add(d.district());
        sites.setItems(lines);
        chart.removeAll();
        chart.add(new Svg(StatusChart.svg(getTranslation("admin.dashboard.chart.title"), d.days(), s -> getTranslation(s.labelKey()),
                getTranslation("admin.dashboard.today"))));
    }

    private void configureSites() {
        // The district's own line (its code has two digits, a site's four) is the total.
        PhoneGrid<DashboardService.SiteLine> columns = PhoneGrid.of(sites);
        columns.text(getTranslation("admin.dashboard.site"), l -> l.siteCode().length() == 2
                        ? getTranslation("admin.dashboard.total") + " · " + l.siteName() : l.siteCode() + " " + l.siteName())
                .setAutoWidth(true).setFrozen(true);
        columns.text(getTranslation("admin.dashboard.total"), DashboardService.SiteLine::total)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        for (CaseStatus status : CaseStatus.values()) {
            columns.text(getTranslation(status.labelKey()), l -> l.count(status))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        columns.text(getTranslation("admin.dashboard.overdue"), DashboardService.SiteLine::overdueReviews)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        columns.cardsOnPhones();
        sites.setAllRowsVisible(true);
    }

    private Div card(String label, int value, String color) {
        Span number = new Span(String.valueOf(value));
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("color", color);
        Span text = new Span(label);
        text.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(number, new Div(text));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "7em");
        return card;
    }

    private FlexLayout legend() {
        FlexLayout legend = new FlexLayout();
        legend.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        legend.getStyle().set("gap", "var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        for (CaseStatus status : CaseStatus.values()) {
            Span swatch = new Span();
            swatch.getStyle().set("display", "inline-block").set("width", "0.9em").set("height", "0.9em")
                    .set("background", StatusChart.COLORS.get(status)).set("margin-right", "0.3em");
            legend.add(new Span(swatch, new Span(getTranslation(status.labelKey()))));
        }
        return legend;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.dashboard.title");
    }
}
