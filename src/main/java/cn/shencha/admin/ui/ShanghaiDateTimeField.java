package cn.shencha.admin.ui;

import cn.shencha.base.time.ShanghaiTime;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A date and time in Asia/Shanghai, whatever the browser's zone. The "24时" box enters the manuals' end of
 * day: 2月11日 with 24时 is 2026-02-12 00:00. A deadline field shows a stored midnight that way too.
 */
class ShanghaiDateTimeField extends CustomField<Instant> {

    private final DatePicker date = new DatePicker();
    private final TimePicker time = new TimePicker();
    private final Checkbox endOfDay = new Checkbox();
    private final boolean deadline;

    ShanghaiDateTimeField(String label, boolean deadline) {
        this.deadline = deadline;
        setLabel(label);
        date.setI18n(datePickerI18n());
        date.setWidth("11em");
        date.setAriaLabel(label);
        time.setStep(Duration.ofMinutes(30));
        time.setWidth("7em");
        time.setAriaLabel(label);
        endOfDay.setLabel(getTranslation("admin.field.endOfDay"));
        endOfDay.addValueChangeListener(e -> time.setEnabled(!e.getValue()));
        HorizontalLayout row = new HorizontalLayout(date, time, endOfDay);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(true);
        add(row);
        addValueChangeListener(e -> updateHelper());
    }

    @Override
    protected Instant generateModelValue() {
        LocalDate day = date.getValue();
        if (day == null) {
            return null;
        }
        if (endOfDay.getValue()) {
            return ShanghaiTime.endOfDay(day);
        }
        LocalTime at = time.getValue();
        return at == null ? null : ShanghaiTime.at(LocalDateTime.of(day, at));
    }

    @Override
    protected void setPresentationValue(Instant value) {
        if (value == null) {
            date.clear();
            time.clear();
            endOfDay.setValue(false);
            return;
        }
        ZonedDateTime local = value.atZone(ShanghaiTime.ZONE);
        boolean midnight = local.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (deadline && midnight) {
            date.setValue(local.toLocalDate().minusDays(1));
            time.setValue(null);
            endOfDay.setValue(true);
        } else {
            date.setValue(local.toLocalDate());
            time.setValue(local.toLocalTime());
            endOfDay.setValue(false);
        }
        updateHelper();
    }

    /** Sets the field from its parts, as a user would. */
    void set(LocalDate day, LocalTime at, boolean endOfDayChosen) {
        date.setValue(day);
        endOfDay.setValue(endOfDayChosen);
        time.setValue(endOfDayChosen ? null : at);
        updateValue();
    }

    private DatePicker.DatePickerI18n datePickerI18n() {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setFirstDayOfWeek(1);
        i18n.setMonthNames(List.of(getTranslation("admin.datepicker.months").split(",")));
        i18n.setWeekdays(List.of(getTranslation("admin.datepicker.weekdays").split(",")));
        i18n.setWeekdaysShort(List.of(getTranslation("admin.datepicker.weekdaysShort").split(",")));
        i18n.setToday(getTranslation("admin.datepicker.today"));
        i18n.setCancel(getTranslation("admin.datepicker.cancel"));
        return i18n;
    }

    private void updateHelper() {
        Instant value = getValue();
        setHelperText(value != null && endOfDay.getValue()
                ? getTranslation("admin.field.endOfDayIs", ShanghaiTime.format(value)) : null);
    }
}
