package cn.shencha.admin.ui;

import cn.shencha.admin.ConcurrentChange;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers the admin pages share. */
final class AdminUi {

    private static final Logger log = LoggerFactory.getLogger(AdminUi.class);
    private static final String DISTRICT_ATTRIBUTE = AdminUi.class.getName() + ".district";

    private AdminUi() {
    }

    /** Which exam season an admin page is about (the current one), for its header: 考试年度：2026年医师资格考试（2026）. */
    static com.vaadin.flow.component.html.Span seasonBadge(cn.shencha.exam.ExamSeason season,
                                                           java.util.function.BiFunction<String, Object[], String> t) {
        com.vaadin.flow.component.html.Span badge = new com.vaadin.flow.component.html.Span(
                t.apply("admin.season.badge", new Object[]{season.getName(), season.getCode()}));
        badge.getElement().getThemeList().add("badge");
        badge.setId("season-badge");
        return badge;
    }

    static String format(Instant instant) {
        return ShanghaiTime.format(instant);
    }

    /** A district chooser that remembers the choice across the admin pages of this session. */
    static Select<District> districtSelect(String label, List<District> districts) {
        Select<District> select = new Select<>();
        select.setLabel(label);
        select.setItems(districts);
        select.setItemLabelGenerator(d -> d.getCode() + " " + d.getName());
        Object remembered = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(DISTRICT_ATTRIBUTE);
        districts.stream().filter(d -> d.getCode().equals(remembered)).findFirst()
                .or(() -> districts.stream().findFirst())
                .ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (e.getValue() != null && VaadinSession.getCurrent() != null) {
                VaadinSession.getCurrent().setAttribute(DISTRICT_ATTRIBUTE, e.getValue().getCode());
            }
        });
        return select;
    }

    /** The upload button's texts in the administrator's language (the admin import bundle). */
    static UploadI18N uploadI18n(Function<String, String> t) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("admin.import.choose")).setMany(t.apply("admin.import.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("admin.import.drop")).setMany(t.apply("admin.import.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("admin.import.tooMany"))
                .setFileIsTooBig(t.apply("admin.import.tooBig")).setIncorrectFileType(t.apply("admin.import.wrongType")));
        return i18n;
    }

    static void success(String text) {
        Notification notification = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Tells the administrator why something was refused, in their language. */
    static void failure(Messages messages, Throwable failure) {
        Locale locale = UI.getCurrent() == null ? Messages.DEFAULT_LOCALE : Messages.currentLocaleOr(UI.getCurrent().getLocale());
        String text;
        if (failure instanceof ShenchaException refusal) {
            text = messages.describe(locale, refusal);
        } else if (ConcurrentChange.is(failure)) {
            text = messages.get(locale, "error.CONCURRENT_CHANGE");
        } else {
            log.error("Admin operation failed", failure);
            text = messages.get(locale, "admin.error.unexpected");
        }
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
