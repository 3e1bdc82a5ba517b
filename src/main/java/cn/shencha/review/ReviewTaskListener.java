package cn.shencha.review;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Makes a new review task readable in Tasklist without exposing the full ID number: the name carries the
 * candidate's name and masked ID number, the description the registration number and any site
 * recommendation; the due date is the district's deadline for that level; a task that comes back after a
 * supplement is marked for the "补充材料后待复审" filter, and says whether the candidate supplemented or let the
 * supplement deadline pass without a response.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

    /**
     * Task-local: true when the case came back to this level after the candidate was asked for a supplement; absent
     * otherwise.
     */
    static final String VAR_AFTER_SUPPLEMENT = "afterSupplement";

    private final CandidateLookup candidates;
    private final DistrictRepository districts;
    private final ReviewDecisionRepository decisions;
    private final Messages messages;
    private final Seasons seasons;

    ReviewTaskListener(CandidateLookup candidates, DistrictRepository districts, ReviewDecisionRepository decisions,
                       Messages messages, Seasons seasons) {
        this.seasons = seasons;
        this.candidates = candidates;
        this.districts = districts;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewLevel level = ReviewLevel.ofTaskDefinitionKey(task.getTaskDefinitionKey());
        Candidate candidate = candidates.of(task);
        SeasonSchedule schedule = seasons.schedule(candidate);
        // One read of the case's decisions (a handful at most) serves both the last one and the site's recommendation.
        List<ReviewDecision> decided = decisions.findByCandidateIdOrderByDecidedAtDescIdDesc(candidate.getId());
        Optional<ReviewDecision> last = decided.stream().findFirst();
        boolean afterSupplement = last.filter(d -> d.getDecision() == Decision.SUPPLEMENT && d.getLevel() == level).isPresent();

        task.setName(messages.get(Messages.DEFAULT_LOCALE, "review.task.name." + level.name(),
                candidate.getName(), candidate.getMaskedIdNumber()));
        StringBuilder description = new StringBuilder(messages.get(Messages.DEFAULT_LOCALE, "review.task.description",
                candidate.getRegistrationNo(), candidate.getExamCategory(), candidate.getSiteCode()));
        if (afterSupplement) {
            // The docs' "no response": the deadline passed without a resubmission (ExpireSupplementDelegate marked it).
            boolean unanswered = last.map(ReviewDecision::getSupplementExpiredAt).isPresent();
            description.append(messages.get(Messages.DEFAULT_LOCALE,
                    unanswered ? "review.task.supplementUnanswered" : "review.task.afterSupplement"));
        }
        if (level == ReviewLevel.DISTRICT) {
            decided.stream()
                    .filter(d -> d.getLevel() == ReviewLevel.SITE)
                    .findFirst()
                    .filter(d -> d.getDecision() == Decision.REJECT)
                    .ifPresent(d -> description.append(messages.get(Messages.DEFAULT_LOCALE,
                            "review.task.recommendedRejection", d.getReason())));
        }
        task.setDescription(description.toString());
        task.setDueDate(Date.from(dueDate(level, schedule)));
        if (afterSupplement) {
            // Written only when true: the filter asks for true, readers take a missing one as false, and most tasks
            // (every one of the deadline night) are first reviews, which then cost no variable row to insert and delete.
            task.setVariableLocal(VAR_AFTER_SUPPLEMENT, true);
        }
    }

    /** A site review is due by the supplement deadline (a request after it could not be answered), a district review by publication. */
    static Instant dueDate(ReviewLevel level, SeasonSchedule schedule) {
        // Review tasks do not depend on a personal extension of the upload deadline.
        CaseDeadlines deadlines = CaseDeadlines.of((Instant) null, schedule);
        return level == ReviewLevel.SITE ? deadlines.supplement() : deadlines.resultsPublishAt();
    }
}
