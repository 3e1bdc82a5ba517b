package cn.shencha.admin;

import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.review.DeadlineTimers;
import cn.shencha.review.Deadlines;
import cn.shencha.review.MaterialReviewProcess;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every deadline timer that waits in a district's cases the due date its BPMN expression would compute
 * now (through the same {@code deadlines} bean), chunk by chunk so that a progress bar can follow thousands
 * of cases. Runs in the caller's transaction: the schedule and all timers change together or not at all.
 */
@Component
class DistrictTimers {

    static final int CHUNK = 200;

    private final AdminQueries queries;
    private final CandidateRepository candidates;
    private final DeadlineTimers deadlineTimers;
    private final Deadlines deadlines;

    DistrictTimers(AdminQueries queries, CandidateRepository candidates, DeadlineTimers deadlineTimers,
                   Deadlines deadlines) {
        this.queries = queries;
        this.candidates = candidates;
        this.deadlineTimers = deadlineTimers;
        this.deadlines = deadlines;
    }

    /** @return how many timer jobs got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int moveAll(District district, Progress progress) {
        List<AdminQueries.CaseRef> cases = queries.casesWithProcess(district.getCode());
        int total = cases.size();
        int moved = 0;
        progress.update(0, total);
        for (int from = 0; from < total; from += CHUNK) {
            List<AdminQueries.CaseRef> chunk = cases.subList(from, Math.min(total, from + CHUNK));
            Map<String, Long> candidateByInstance = new HashMap<>();
            chunk.forEach(c -> candidateByInstance.put(c.processInstanceId(), c.candidateId()));
            // Loaded once here, the deadlines bean then finds them in the persistence context.
            candidates.findAllById(chunk.stream().map(AdminQueries.CaseRef::candidateId).toList());
            moved += deadlineTimers.move(candidateByInstance.keySet(),
                    (timer, processInstanceId) -> dueDate(timer, candidateByInstance.get(processInstanceId)));
            progress.update(from + chunk.size(), total);
        }
        return moved;
    }

    /** How many cases of this district have a process (the progress bar's 100 %). */
    int caseCount(String districtCode) {
        return queries.casesWithProcess(districtCode).size();
    }

    /** The same expressions as the timers in material-review.bpmn. */
    private Date dueDate(String timer, Long candidateId) {
        return switch (timer) {
            case MaterialReviewProcess.UPLOAD_DEADLINE_PASSED -> deadlines.uploadDeadline(candidateId);
            case MaterialReviewProcess.SUPPLEMENT_DEADLINE_PASSED -> deadlines.supplementDeadline(candidateId);
            case MaterialReviewProcess.RESULTS_PUBLICATION_DUE -> deadlines.resultsPublishAt(candidateId);
            default -> throw new IllegalArgumentException("Not a deadline timer: " + timer);
        };
    }
}
