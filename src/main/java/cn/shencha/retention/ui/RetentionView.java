package cn.shencha.retention.ui;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.base.ui.Toasts;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Seasons;
import cn.shencha.retention.RetentionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 数据保留: each district's retention period, the preview of every season's purge (what and when), holds of single
 * candidates with a reason, and the record of every purge. A thin view over {@link RetentionService}.
 */
@Route(RetentionView.ROUTE)
@RolesAllowed(Roles.ADMIN)
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionView.class);

    private final RetentionService service;
    private final Messages messages;

    final Grid<RetentionService.DistrictRetention> settings = new Grid<>();
    final Select<RetentionService.DistrictRetention> district = new Select<>();
    final IntegerField days = new IntegerField(getTranslation("retention.days"));
    final Button save = new Button(getTranslation("retention.save"));
    final Grid<RetentionService.Preview> preview = new Grid<>();
    final Button purgeNow = new Button(getTranslation("retention.purgeNow"));
    final TextField holdSeason = new TextField(getTranslation("retention.hold.season"));
    final TextField holdRegistrationNo = new TextField(getTranslation("retention.hold.registrationNo"));
    final TextField holdReason = new TextField(getTranslation("retention.hold.reason"));
    final Button hold = new Button(getTranslation("retention.hold.add"));
    final Grid<RetentionService.Hold> holds = new Grid<>();
    final TextField releaseReason = new TextField(getTranslation("retention.hold.releaseReason"));
    final Button release = new Button(getTranslation("retention.hold.release"));
    final Grid<RetentionService.Purge> purges = new Grid<>();

    public RetentionView(RetentionService service, Seasons seasons, Messages messages) {
        this.service = service;
        this.messages = messages;

        // Every grid shows its rows as cards on a phone (PhoneGrid), like the other admin pages.
        PhoneGrid<RetentionService.DistrictRetention> settingColumns = PhoneGrid.of(settings);
        settingColumns.text(getTranslation("retention.district"), s -> s.districtCode() + " " + s.districtName()).setAutoWidth(true);
        settingColumns.text(getTranslation("retention.days"),
                s -> getTranslation(s.isDefault() ? "retention.daysDefault" : "retention.daysSet", s.retentionDays())).setAutoWidth(true);
        settingColumns.text(getTranslation("retention.updated"),
                s -> s.updatedBy() == null ? "" : s.updatedBy() + " " + format(s.updatedAt())).setFlexGrow(1);
        settingColumns.cardsOnPhones();
        settings.setAllRowsVisible(true);
        district.setLabel(getTranslation("retention.district"));
        district.setItemLabelGenerator(s -> s.districtCode() + " " + s.districtName());
        district.addValueChangeListener(e -> days.setValue(e.getValue() == null ? null : e.getValue().retentionDays()));
        days.setMin(service.minDays());
        days.setMax(service.maxDays());
        days.setStepButtonsVisible(true);
        days.setHelperText(getTranslation("retention.bounds", service.minDays(), service.maxDays()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> act(() -> service.setRetention(district.getValue() == null ? "" : district.getValue().districtCode(),
                days.getValue() == null ? 0 : days.getValue()), "retention.saved"));

        PhoneGrid<RetentionService.Preview> previewColumns = PhoneGrid.of(preview);
        previewColumns.text(getTranslation("retention.season"), RetentionService.Preview::seasonCode).setAutoWidth(true);
        previewColumns.text(getTranslation("retention.district"), p -> p.districtCode() + " " + p.districtName()).setAutoWidth(true);
        previewColumns.text(getTranslation("retention.publishedAt"),
                p -> format(p.publishedAt()) + (p.published() ? "" : " " + getTranslation("retention.notYet"))).setAutoWidth(true);
        previewColumns.text(getTranslation("retention.dueAt"),
                p -> format(p.dueAt()) + " (" + getTranslation("retention.daysSet", p.retentionDays()) + ")").setAutoWidth(true);
        previewColumns.text(getTranslation("retention.toPurge"), p -> getTranslation("retention.counts", p.candidates(),
                p.images(), p.messages() + p.notifications(), p.addresses() + p.contacts(), p.processInstances())).setFlexGrow(1);
        previewColumns.text(getTranslation("retention.leftOut"),
                p -> getTranslation("retention.left", p.held(), p.running(), p.purged())).setAutoWidth(true);
        previewColumns.cardsOnPhones();
        preview.setAllRowsVisible(true);
        preview.asSingleSelect().addValueChangeListener(e -> purgeNow.setEnabled(e.getValue() != null && e.getValue().due()
                && e.getValue().candidates() + e.getValue().processInstances() > 0));
        purgeNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        purgeNow.setEnabled(false);
        purgeNow.addClickListener(e -> {
            RetentionService.Preview selected = preview.asSingleSelect().getValue();
            if (selected != null) {
                act(() -> service.purgeNow(selected.seasonCode(), selected.districtCode()), "retention.purged");
            }
        });

        holdSeason.setValue(seasons.currentCode());
        holdSeason.setMaxLength(4);
        holdSeason.setWidth("6em");
        holdReason.setMaxLength(500);
        holdReason.setWidth("24em");
        holdReason.setMaxWidth("100%");
        hold.addClickListener(e -> act(() -> service.hold(holdSeason.getValue(), holdRegistrationNo.getValue(),
                holdReason.getValue()), "retention.hold.added"));
        PhoneGrid<RetentionService.Hold> holdColumns = PhoneGrid.of(holds);
        holdColumns.text(getTranslation("retention.hold.candidate"),
                h -> h.seasonCode() + " " + h.registrationNo() + " " + h.candidateName()).setAutoWidth(true);
        holdColumns.text(getTranslation("retention.hold.reason"), RetentionService.Hold::reason).setFlexGrow(1);
        holdColumns.text(getTranslation("retention.hold.by"), h -> h.heldBy() + " " + format(h.heldAt())).setAutoWidth(true);
        holdColumns.text(getTranslation("retention.hold.state"), h -> h.active() ? getTranslation("retention.hold.active")
                : getTranslation("retention.hold.released", h.releasedBy(), format(h.releasedAt()), h.releaseReason()))
                .setAutoWidth(true);
        holdColumns.cardsOnPhones();
        holds.setAllRowsVisible(true);
        holds.asSingleSelect().addValueChangeListener(e -> release.setEnabled(e.getValue() != null && e.getValue().active()));
        releaseReason.setMaxLength(500);
        releaseReason.setWidth("24em");
        releaseReason.setMaxWidth("100%");
        release.setEnabled(false);
        release.addClickListener(e -> {
            RetentionService.Hold selected = holds.asSingleSelect().getValue();
            if (selected != null) {
                act(() -> service.release(selected.id(), releaseReason.getValue()), "retention.hold.releasedOk");
            }
        });

        PhoneGrid<RetentionService.Purge> purgeColumns = PhoneGrid.of(purges);
        purgeColumns.text(getTranslation("retention.purge.at"), p -> format(p.startedAt())).setAutoWidth(true);
        purgeColumns.text(getTranslation("retention.season"), p -> p.seasonCode() + " / " + p.districtCode()).setAutoWidth(true);
        purgeColumns.text(getTranslation("retention.purge.by"), RetentionService.Purge::startedBy).setAutoWidth(true);
        purgeColumns.text(getTranslation("retention.hold.state"), p -> getTranslation("retention.purge.state." + p.state()))
                .setAutoWidth(true);
        purgeColumns.text(getTranslation("retention.purge.deleted"), p -> getTranslation("retention.counts", p.candidates(),
                p.images(), p.messages() + p.notifications(), p.deliveries() + p.contacts(), p.processInstances())).setFlexGrow(1);
        purgeColumns.text(getTranslation("retention.leftOut"), p -> getTranslation("retention.purge.left", p.held(), p.running()))
                .setAutoWidth(true);
        purgeColumns.cardsOnPhones();
        purges.setAllRowsVisible(true);

        HorizontalLayout settingForm = new HorizontalLayout(district, days, save);
        settingForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        settingForm.setWrap(true); // the fields go below each other on a phone
        HorizontalLayout holdForm = new HorizontalLayout(holdSeason, holdRegistrationNo, holdReason, hold);
        holdForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        holdForm.setWrap(true); // the fields go below each other on a phone
        HorizontalLayout releaseForm = new HorizontalLayout(releaseReason, release);
        releaseForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        releaseForm.setWrap(true); // the fields go below each other on a phone
        add(new H2(getTranslation("retention.title")), new Paragraph(getTranslation("retention.hint",
                        service.minDays(), service.maxDays())),
                new H3(getTranslation("retention.settings")), settings, settingForm,
                new H3(getTranslation("retention.preview")), new Paragraph(getTranslation("retention.previewHint")),
                preview, purgeNow,
                new H3(getTranslation("retention.holds")), new Paragraph(getTranslation("retention.holdsHint")),
                holdForm, holds, releaseForm,
                new H3(getTranslation("retention.purges")), purges);
        load();
    }

    private void load() {
        var lines = service.settings();
        settings.setItems(lines);
        district.setItems(lines);
        preview.setItems(service.preview());
        holds.setItems(service.holds());
        purges.setItems(service.purges());
        purgeNow.setEnabled(false);
        release.setEnabled(false);
    }

    private void act(Supplier<?> action, String successKey) {
        try {
            action.get();
            Toasts.success(getTranslation(successKey));
            holdRegistrationNo.clear();
            holdReason.clear();
            releaseReason.clear();
            load();
        } catch (ShenchaException e) {
            Toasts.error(messages.describe(locale(), e));
        } catch (RuntimeException e) {
            log.error("Retention operation failed", e);
            Toasts.error(getTranslation("retention.error.unexpected"));
        }
    }

    private static Locale locale() {
        return UI.getCurrent() == null ? Messages.DEFAULT_LOCALE : Messages.currentLocaleOr(UI.getCurrent().getLocale());
    }

    private static String format(Instant instant) {
        return instant == null ? "" : ShanghaiTime.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.title");
    }
}
