package cn.shencha.exam.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.Verdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * 查看最终审核意见: hidden until the district publishes (the verdict is recorded earlier but published only
 * then), then the verdict and, for a rejection, the reason.
 */
@Route("result")
@RolesAllowed(Roles.CANDIDATE)
public class ResultView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CandidateRepository candidates;
    private final DistrictRepository districts;

    public ResultView(CandidateRepository candidates, DistrictRepository districts) {
        this.candidates = candidates;
        this.districts = districts;
        addClassName("sh-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Candidate candidate = candidates.findById(CurrentUser.candidateId()).orElseThrow();
        add(new H2(getTranslation("ui.result.title")));
        Div card = new Div();
        card.addClassName("sh-card");
        card.setId("result");
        if (!isPublished(candidate)) {
            card.add(new H3(getTranslation("error.NOT_PUBLISHED")));
            districts.findById(candidate.getDistrictCode()).ifPresent(d -> card.add(new Paragraph(
                    getTranslation("ui.result.plannedAt", ShanghaiTime.format(d.getResultsPublishAt())))));
            card.add(new Paragraph(getTranslation("ui.result.wait")));
        } else {
            boolean approved = candidate.getVerdict() == Verdict.APPROVED;
            H3 verdict = new H3(getTranslation(approved ? "ui.result.approved" : "ui.result.rejected"));
            verdict.addClassName(approved ? "sh-verdict-approved" : "sh-verdict-rejected");
            verdict.setId("result-verdict");
            card.add(verdict);
            if (!approved && candidate.getVerdictReason() != null) {
                Paragraph reason = new Paragraph(getTranslation("ui.result.reason", candidate.getVerdictReason()));
                reason.setId("result-reason");
                card.add(reason);
            }
            card.add(new Paragraph(getTranslation("ui.result.publishedAt", ShanghaiTime.format(candidate.getVerdictPublishedAt()))));
        }
        add(card);
    }

    /** The verdict is the candidate's to see only once the district published it. */
    static boolean isPublished(Candidate candidate) {
        return candidate.getVerdict() != null && candidate.getVerdictPublishedAt() != null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ui.result.title");
    }
}
