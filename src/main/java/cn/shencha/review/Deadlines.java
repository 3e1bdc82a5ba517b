package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The due dates of the process's deadline timers, read from the district's schedule (and a candidate's
 * personal extension). Called from the BPMN timer expressions as {@code ${deadlines.uploadDeadline(candidateId)}}.
 */
@Component("deadlines")
public class Deadlines {

    private final CandidateRepository candidates;
    private final DistrictRepository districts;

    Deadlines(CandidateRepository candidates, DistrictRepository districts) {
        this.candidates = candidates;
        this.districts = districts;
    }

    public Date uploadDeadline(Long candidateId) {
        Candidate candidate = candidate(candidateId);
        return Date.from(candidate.effectiveUploadDeadline(district(candidate)));
    }

    public Date supplementDeadline(Long candidateId) {
        return Date.from(district(candidate(candidateId)).getSupplementDeadline());
    }

    public Date resultsPublishAt(Long candidateId) {
        return Date.from(district(candidate(candidateId)).getResultsPublishAt());
    }

    /** The due date a deadline timer of this candidate should have now. */
    static Instant dueDate(String timerActivityId, Candidate candidate, District district) {
        return dueDate(timerActivityId, candidate.getUploadDeadlineOverride(), district);
    }

    /** The same from the candidate's personal extension alone (no entity needed: thousands at a time). */
    public static Instant dueDate(String timerActivityId, Instant uploadDeadlineOverride, District district) {
        return switch (timerActivityId) {
            case MaterialReviewProcess.UPLOAD_DEADLINE_PASSED ->
                    Candidate.effectiveUploadDeadline(uploadDeadlineOverride, district.getUploadDeadline());
            case MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED -> district.getSupplementDeadline();
            case MaterialReviewProcess.RESULTS_PUBLICATION_DUE -> district.getResultsPublishAt();
            default -> throw new IllegalArgumentException("Not a deadline timer: " + timerActivityId);
        };
    }

    private Candidate candidate(Long candidateId) {
        return candidates.findById(candidateId)
                .orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
    }

    private District district(Candidate candidate) {
        return districts.findById(candidate.getDistrictCode())
                .orElseThrow(() -> new IllegalStateException("No district " + candidate.getDistrictCode()));
    }
}
