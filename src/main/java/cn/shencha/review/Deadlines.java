package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The due dates of the process's deadline timers: which of the case's deadlines (exam.CaseDeadlines) each timer
 * waits for. Called from the BPMN timer expressions as {@code ${deadlines.uploadDeadline(candidateId)}}.
 */
@Component("deadlines")
public class Deadlines {

    private final CandidateRepository candidates;
    private final Seasons seasons;

    Deadlines(CandidateRepository candidates, Seasons seasons) {
        this.candidates = candidates;
        this.seasons = seasons;
    }

    public Date uploadDeadline(Long candidateId) {
        return Date.from(seasons.deadlines(candidate(candidateId)).upload());
    }

    public Date supplementDeadline(Long candidateId) {
        return Date.from(seasons.deadlines(candidate(candidateId)).supplement());
    }

    public Date resultsPublishAt(Long candidateId) {
        return Date.from(seasons.deadlines(candidate(candidateId)).resultsPublishAt());
    }

    /** The due date a deadline timer of this candidate should have now. */
    static Instant dueDate(String timerActivityId, Candidate candidate, SeasonSchedule schedule) {
        return dueDate(timerActivityId, candidate.getUploadDeadlineOverride(), schedule);
    }

    /** The same from the candidate's personal extension alone (no entity needed: thousands at a time). */
    public static Instant dueDate(String timerActivityId, Instant uploadDeadlineOverride, SeasonSchedule schedule) {
        CaseDeadlines deadlines = CaseDeadlines.of(uploadDeadlineOverride, schedule);
        return switch (timerActivityId) {
            case MaterialReviewProcess.UPLOAD_DEADLINE_PASSED -> deadlines.upload();
            case MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED -> deadlines.supplement();
            case MaterialReviewProcess.RESULTS_PUBLICATION_DUE -> deadlines.resultsPublishAt();
            default -> throw new IllegalArgumentException("Not a deadline timer: " + timerActivityId);
        };
    }

    private Candidate candidate(Long candidateId) {
        return candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
    }
}
