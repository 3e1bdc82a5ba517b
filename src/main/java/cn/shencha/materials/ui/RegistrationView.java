package cn.shencha.materials.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.CandidatePage;
import cn.shencha.base.ui.Countdown;
import cn.shencha.base.ui.UnreadMessages;
import cn.shencha.materials.CandidateStage;
import cn.shencha.materials.CandidateStatus;
import cn.shencha.materials.CandidateStatusService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * 报名信息: the candidate's registration, the upload window with a live countdown, where the case stands,
 * and the manuals' button 上传相关材料 that leads to the upload page. What it says comes from
 * CandidateStatusService, the same read as the API's GET /api/v1/me.
 */
@Route("registration")
@RolesAllowed(Roles.CANDIDATE)
public class RegistrationView extends CandidatePage {

    private final CandidateStatusService statuses;
    private final UnreadMessages inbox;
    private final Clock clock;

    public RegistrationView(CandidateStatusService statuses, UnreadMessages inbox, Clock clock) {
        super("registration.title");
        this.statuses = statuses;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    protected void render() {
        removeAll();
        CandidateStatus status = statuses.status(CurrentUser.candidateId(), getLocale());
        add(heading(), statusCard(status), summary(status));
    }

    private Component statusCard(CandidateStatus status) {
        Div card = new Div();
        card.addClassName("sh-card");
        card.setId("registration-status");

        Span stage = new Span(status.stageText());
        stage.addClassNames("sh-badge", "sh-phase");
        stage.setId("registration-stage");
        Div head = new Div(new H3(getTranslation("ui.registration.statusTitle")), stage);
        head.addClassName("sh-card-head");
        card.add(head);

        Paragraph window = new Paragraph(getTranslation("registration.window") + getTranslation("ui.colon")
                + ShanghaiTime.format(status.uploadStart()) + " – " + ShanghaiTime.format(status.uploadDeadline()));
        window.setId("registration-window");
        card.add(window, deadlineLine(status));

        Button upload = new Button(getTranslation("registration.upload"), VaadinIcon.UPLOAD.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("materials")));
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        upload.setId("open-materials");
        card.add(upload);

        long unread = inbox.unreadCount(status.candidateId());
        if (unread > 0) {
            card.add(new Paragraph(new RouterLink(getTranslation("ui.registration.unread", unread), inbox.inboxView())));
        }
        if (status.verdictPublished()) {
            card.add(new Paragraph(new RouterLink(getTranslation("ui.registration.resultPublished"), ResultView.class)));
        }
        return card;
    }

    /** While materials may change: a live countdown to the deadline that applies; otherwise why not. */
    private Component deadlineLine(CandidateStatus status) {
        Component line;
        if (!status.locked()) {
            boolean supplement = status.stage() == CandidateStage.SUPPLEMENT;
            Countdown countdown = new Countdown(supplement ? status.supplementDeadline() : status.uploadDeadline(),
                    clock.instant(), supplement ? "ui.countdown.supplement" : "registration.countdown",
                    "registration.closed");
            countdown.addReachedListener(e -> render());
            line = countdown;
        } else {
            line = new Span(switch (status.lockReason()) {
                case UPLOAD_NOT_OPEN -> getTranslation("registration.notOpen", ShanghaiTime.format(status.uploadStart()));
                case SUBMITTED -> getTranslation("ui.registration.submitted");
                case REVIEW_FINISHED -> getTranslation("ui.registration.finished");
                case UPLOAD_DEADLINE_PASSED -> status.autoLocked()
                        ? getTranslation("phase.AUTO_LOCKED") : getTranslation("registration.closed");
                default -> status.lockReasonText();
            });
        }
        line.setId("registration-countdown");
        return new Paragraph(line);
    }

    private Component summary(CandidateStatus status) {
        DescriptionList list = new DescriptionList();
        item(list, "registration.name", status.name());
        item(list, "registration.registrationNo", status.registrationNo());
        item(list, "registration.idNumber", status.maskedIdNumber());
        item(list, "registration.category", status.examCategory());
        item(list, "registration.district", status.districtName());
        item(list, "registration.site", status.siteName());
        Div card = new Div(new H3(getTranslation("ui.registration.summaryTitle")), list);
        card.addClassNames("sh-card", "sh-summary");
        card.setId("registration-summary");
        return card;
    }

    private void item(DescriptionList list, String labelKey, String value) {
        list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
    }
}
