package cn.shencha.admin;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.review.DeadlineTimers;
import cn.shencha.review.Deadlines;
import cn.shencha.review.UploadDeadlineTriggers;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every deadline timer that waits for a district's cases of one season the due date its BPMN expression would
 * compute now: the district's upload-deadline triggers (UploadDeadlineTriggers), and in each case the supplement and
 * publication timers (and the upload timer of a case of an earlier process version), by the same rule as the
 * {@code deadlines} bean; and every open review task of them the due date its task listener would set now, chunk by
 * chunk so that a progress bar can follow thousands of cases. Runs in the caller's transaction: the schedule and all
 * timers change together or not at all.
 */
@Component
class DistrictTimers {

    static final int CHUNK = 500;

    private final AdminQueries queries;
    private final DeadlineTimers deadlineTimers;
    private final UploadDeadlineTriggers triggers;

    DistrictTimers(AdminQueries queries, DeadlineTimers deadlineTimers, UploadDeadlineTriggers triggers) {
        this.queries = queries;
        this.deadlineTimers = deadlineTimers;
        this.triggers = triggers;
    }

    /** @return for how many cases timer jobs got a new due date, and how many open review tasks did */
    @Transactional(propagation = Propagation.MANDATORY)
    DeadlineTimers.Moved moveAll(SeasonSchedule schedule, Progress progress) {
        List<AdminQueries.CaseRef> cases = queries.casesWithProcess(schedule.getSeasonCode(), schedule.getDistrictCode());
        int total = cases.size();
        // The upload deadline: the district's trigger and its candidates' own, not one timer per case.
        DeadlineTimers.Moved moved = new DeadlineTimers.Moved(triggers.moveDistrict(schedule), 0);
        progress.update(0, total);
        for (int from = 0; from < total; from += CHUNK) {
            List<AdminQueries.CaseRef> chunk = cases.subList(from, Math.min(total, from + CHUNK));
            Map<String, AdminQueries.CaseRef> caseByInstance = new HashMap<>();
            chunk.forEach(c -> caseByInstance.put(c.processInstanceId(), c));
            // From the projection, not from entities: 20,000 managed candidates would make every query of the
            // transaction dirty-check them all.
            moved = moved.plus(deadlineTimers.move(caseByInstance.keySet(), (timer, processInstanceId) -> Date.from(
                    Deadlines.dueDate(timer, caseByInstance.get(processInstanceId).uploadDeadlineOverride(), schedule)),
                    schedule));
            progress.update(from + chunk.size(), total);
        }
        return moved;
    }

    /** How many cases of this district in the season have a process (the progress bar's 100 %). */
    int caseCount(String seasonCode, String districtCode) {
        return queries.casesWithProcess(seasonCode, districtCode).size();
    }
}
