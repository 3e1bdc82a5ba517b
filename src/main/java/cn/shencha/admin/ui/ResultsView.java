package cn.shencha.admin.ui;

import cn.shencha.exam.Seasons;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.admin.VerdictExport;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import cn.shencha.exam.SeasonSchedule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** 结果公布: when the district's verdicts are published, "publish now", and the verdicts as CSV. */
@Route(ResultsView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class ResultsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/results";

    private final ScheduleAdminService schedules;
    private final VerdictExport export;
    private final Messages messages;
    private final Clock clock;
    private final Select<District> district;
    private final Seasons seasons;
    final Paragraph publication = new Paragraph();
    final Paragraph counts = new Paragraph();
    final Button publishNow = new Button(getTranslation("admin.results.publishNow"));
    final HorizontalLayout downloads = new HorizontalLayout();

    public ResultsView(ScheduleAdminService schedules, VerdictExport export, Messages messages, Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.schedules = schedules;
        this.export = export;
        this.messages = messages;
        this.clock = clock;
        district = AdminUi.districtSelect(getTranslation("admin.district"), schedules.districts());
        district.addValueChangeListener(e -> refresh());
        publishNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        publishNow.addClickListener(e -> confirmPublish());
        add(new H2(getTranslation("admin.results.title")), AdminUi.seasonBadge(seasons.current(), this::getTranslation), district, publication, counts, publishNow,
                new H3(getTranslation("admin.results.export")), new Paragraph(getTranslation("admin.results.exportHint")),
                downloads);
        refresh();
    }

    private void refresh() {
        District d = district.getValue();
        if (d == null) {
            return;
        }
        SeasonSchedule fresh = schedules.schedule(d.getCode());
        boolean published = fresh.resultsPublished(clock.instant());
        publication.setText(getTranslation(published ? "admin.results.publishedAt" : "admin.results.publishAt",
                AdminUi.format(fresh.getResultsPublishAt())));
        VerdictExport.Summary summary = export.summary(d.getCode());
        counts.setText(getTranslation("admin.results.counts", summary.approved(), summary.rejected(), summary.published()));
        downloads.removeAll();
        downloads.add(download(d.getCode(), "UTF-8", "admin.results.downloadUtf8"),
                download(d.getCode(), "GBK", "admin.results.downloadGbk"));
    }

    private SeasonSchedule fresh(String districtCode) {
        return schedules.schedule(districtCode);
    }

    private Anchor download(String districtCode, String encoding, String labelKey) {
        DownloadHandler handler = event -> {
            event.setFileName(VerdictExport.fileName(fresh(districtCode).getSeasonCode(), districtCode));
            event.setContentType("text/csv; charset=" + ("GBK".equals(encoding) ? "GB18030" : "UTF-8"));
            export.write(districtCode, encoding, event.getOutputStream());
        };
        Anchor anchor = new Anchor(handler, getTranslation(labelKey));
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private void confirmPublish() {
        District d = district.getValue();
        if (d == null) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("admin.results.confirmTitle"),
                getTranslation("admin.results.confirmText", d.getName()), getTranslation("admin.results.publishNow"),
                e -> publish(d));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.confirm.no"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void publish(District d) {
        try {
            ScheduleAdminService.PublicationResult result = schedules.publishNow(d.getCode());
            AdminUi.success(getTranslation("admin.results.done", result.verdictsPublished()));
        } catch (ShenchaException e) {
            AdminUi.failure(messages, e);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.results.title");
    }
}
