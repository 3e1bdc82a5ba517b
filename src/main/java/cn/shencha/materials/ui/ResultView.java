package cn.shencha.materials.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.ui.CandidatePage;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Verdict;
import cn.shencha.materials.CandidateStatus;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.internal.EarlierVerdict;
import cn.shencha.materials.internal.PublishedVerdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;

/**
 * 查看最终审核意见: hidden until the district publishes, then the verdict and, for a rejection, the reason; below,
 * the same person's published verdicts of earlier exam seasons.
 * Whether it is published is CandidateStatusService's rule, as for the API's GET /api/v1/me/verdict.
 */
@Route("result")
@RolesAllowed(Roles.CANDIDATE)
public class ResultView extends CandidatePage {

    private final CandidateStatusService statuses;

    public ResultView(CandidateStatusService statuses) {
        super("ui.result.title");
        this.statuses = statuses;
    }

    @Override
    protected void render() {
        removeAll();
        Long candidateId = CurrentUser.candidateId();
        add(heading());
        Div card = new Div();
        card.addClassName("sh-card");
        card.setId("result");
        try {
            PublishedVerdict verdict = statuses.verdict(candidateId, getLocale());
            boolean approved = verdict.verdict() == Verdict.APPROVED;
            H3 title = new H3(verdict.verdictText());
            title.addClassName(approved ? "sh-verdict-approved" : "sh-verdict-rejected");
            title.setId("result-verdict");
            card.add(title);
            if (!approved && verdict.reason() != null) {
                Paragraph reason = new Paragraph(getTranslation("ui.result.reason", verdict.reason()));
                reason.setId("result-reason");
                card.add(reason);
            }
            card.add(new Paragraph(getTranslation("ui.result.publishedAt", ShanghaiTime.format(verdict.publishedAt()))));
        } catch (ShenchaException notPublished) {
            if (!"NOT_PUBLISHED".equals(notPublished.getCode())) {
                throw notPublished;
            }
            CandidateStatus status = statuses.status(candidateId, getLocale());
            card.add(new H3(getTranslation("error.NOT_PUBLISHED")),
                    new Paragraph(getTranslation("ui.result.plannedAt", ShanghaiTime.format(status.resultsPublishAt()))),
                    new Paragraph(getTranslation("ui.result.wait")));
        }
        add(card);
        List<EarlierVerdict> earlier = statuses.earlierVerdicts(candidateId, getLocale());
        if (!earlier.isEmpty()) {
            Div history = new Div();
            history.addClassName("sh-card");
            history.setId("result-history");
            history.add(new H3(getTranslation("ui.result.history")));
            for (EarlierVerdict v : earlier) {
                Paragraph line = new Paragraph(getTranslation("ui.result.historyLine", v.seasonName(), v.verdictText(),
                        ShanghaiTime.format(v.publishedAt())));
                history.add(line);
                if (v.reason() != null) {
                    history.add(new Paragraph(getTranslation("ui.result.reason", v.reason())));
                }
            }
            add(history);
        }
    }
}
