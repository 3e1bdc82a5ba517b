package cn.shencha.exam.ui;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** How a candidate's phase reads on the candidate's pages (registration, upload). */
public final class CandidateStatus {

    private CandidateStatus() {
    }

    /** A badge with the phase in the candidate's words. */
    public static Span phaseBadge(Component owner, Candidate candidate) {
        Span badge = new Span(phaseText(owner, candidate));
        badge.addClassNames("sh-badge", "sh-phase");
        return badge;
    }

    public static String phaseText(Component owner, Candidate candidate) {
        if (candidate.getPhase() == Phase.SITE_REVIEW && candidate.getSubmittedAt() == null) {
            // The deadline passed without a submission: the process locked the materials and moved on.
            return owner.getTranslation("phase.AUTO_LOCKED");
        }
        return owner.getTranslation("phase." + candidate.getPhase().name());
    }
}
