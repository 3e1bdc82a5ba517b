package cn.shencha.exam.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.Countdown;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.Phase;
import cn.shencha.materials.LockReason;
import cn.shencha.materials.MaterialLockPolicy;
import cn.shencha.notify.ui.CandidateInbox;
import cn.shencha.notify.ui.MessagesView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * 报名信息: the candidate's registration, the upload window with a live countdown, where the case stands,
 * and the manuals' button 上传相关材料 that leads to the upload page.
 */
@Route("registration")
@RolesAllowed(Roles.CANDIDATE)
public class RegistrationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateInbox inbox;
    private final Clock clock;

    public RegistrationView(CandidateRepository candidates, DistrictRepository districts, ExamSiteRepository sites,
                            CandidateInbox inbox, Clock clock) {
        this.candidates = candidates;
        this.districts = districts;
        this.sites = sites;
        this.inbox = inbox;
        this.clock = clock;
        addClassName("sh-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Candidate candidate = candidates.findById(CurrentUser.candidateId()).orElseThrow();
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        Instant now = clock.instant();
        add(new H2(getTranslation("registration.title")), status(candidate, district, now), summary(candidate, district));
    }

    private Component status(Candidate candidate, District district, Instant now) {
        Div card = new Div();
        card.addClassName("sh-card");
        card.setId("registration-status");

        Div head = new Div(new H3(getTranslation("ui.registration.statusTitle")), CandidateStatus.phaseBadge(this, candidate));
        head.addClassName("sh-card-head");
        card.add(head);

        Instant deadline = candidate.effectiveUploadDeadline(district);
        Paragraph window = new Paragraph(getTranslation("registration.window") + getTranslation("ui.colon")
                + ShanghaiTime.format(district.getUploadStart()) + " – " + ShanghaiTime.format(deadline));
        window.setId("registration-window");
        card.add(window);
        card.add(deadlineLine(candidate, district, now));

        Button upload = new Button(getTranslation("registration.upload"), VaadinIcon.UPLOAD.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("materials")));
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        upload.setId("open-materials");
        card.add(upload);

        long unread = inbox.unreadCount(candidate.getId());
        if (unread > 0) {
            RouterLink messages = new RouterLink(getTranslation("ui.registration.unread", unread), MessagesView.class);
            card.add(new Paragraph(messages));
        }
        if (candidate.getVerdictPublishedAt() != null) {
            card.add(new Paragraph(new RouterLink(getTranslation("ui.registration.resultPublished"), ResultView.class)));
        }
        return card;
    }

    /** The countdown while changes are allowed, otherwise why not. The rule is MaterialLockPolicy's. */
    private Component deadlineLine(Candidate candidate, District district, Instant now) {
        Optional<LockReason> lock = MaterialLockPolicy.lockReason(candidate, district, null, Set.of(), now);
        if (lock.isEmpty()) {
            boolean supplement = candidate.getPhase() == Phase.SUPPLEMENT;
            Instant until = supplement ? district.getSupplementDeadline() : candidate.effectiveUploadDeadline(district);
            Countdown countdown = new Countdown(until, now,
                    supplement ? "ui.countdown.supplement" : "registration.countdown", "registration.closed");
            countdown.setId("registration-countdown");
            countdown.addReachedListener(e -> render());
            return new Paragraph(countdown);
        }
        Span text = new Span(switch (lock.get()) {
            case UPLOAD_NOT_OPEN -> getTranslation("registration.notOpen", ShanghaiTime.format(district.getUploadStart()));
            case SUBMITTED -> getTranslation("ui.registration.submitted");
            case REVIEW_FINISHED -> getTranslation("ui.registration.finished");
            default -> getTranslation("registration.closed");
        });
        text.setId("registration-countdown");
        return new Paragraph(text);
    }

    private Component summary(Candidate candidate, District district) {
        String siteName = sites.findById(candidate.getSiteCode()).map(s -> s.getName()).orElse(candidate.getSiteCode());
        DescriptionList list = new DescriptionList();
        item(list, "registration.name", candidate.getName());
        item(list, "registration.registrationNo", candidate.getRegistrationNo());
        item(list, "registration.idNumber", candidate.getMaskedIdNumber());
        item(list, "registration.category", candidate.getExamCategory());
        item(list, "registration.district", district.getName());
        item(list, "registration.site", siteName);
        Div card = new Div(new H3(getTranslation("ui.registration.summaryTitle")), list);
        card.addClassNames("sh-card", "sh-summary");
        card.setId("registration-summary");
        return card;
    }

    private void item(DescriptionList list, String labelKey, String value) {
        list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title");
    }
}
