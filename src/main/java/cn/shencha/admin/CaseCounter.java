package cn.shencha.admin;

import cn.shencha.review.MaterialReviewProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Counts a district's cases per exam site and status, and the reviews waiting too long. */
@Component
class CaseCounter {

    /** Counts of one exam site (or the whole district). */
    record Counts(Map<CaseStatus, Integer> byStatus, int overdueReviews) {

        int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        int of(CaseStatus status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    private final AdminQueries queries;
    private final TaskService taskService;
    private final Clock clock;
    private final Duration overdueAfter;

    CaseCounter(AdminQueries queries, TaskService taskService, Clock clock,
                @Value("${shencha.admin.review-overdue-after:P3D}") Duration overdueAfter) {
        this.queries = queries;
        this.taskService = taskService;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
    }

    Duration overdueAfter() {
        return overdueAfter;
    }

    /**
     * Per exam site code, in code order, of one season's cases. The task queries cover the district's tasks of
     * every season; only the rows of this season's cases are looked up in them.
     */
    Map<String, Counts> bySite(String seasonCode, String districtCode) {
        List<AdminQueries.CaseRow> rows = queries.caseRows(seasonCode, districtCode);
        Set<String> claimedSiteReviews = taskService.createTaskQuery()
                .taskDefinitionKey(MaterialReviewProcess.SITE_REVIEW)
                .processVariableValueEquals(MaterialReviewProcess.VAR_DISTRICT_CODE, districtCode)
                .taskAssigned()
                .list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Set<String> overdue = taskService.createTaskQuery()
                .taskDefinitionKeyIn(MaterialReviewProcess.SITE_REVIEW, MaterialReviewProcess.DISTRICT_REVIEW)
                .processVariableValueEquals(MaterialReviewProcess.VAR_DISTRICT_CODE, districtCode)
                .taskCreatedBefore(Date.from(clock.instant().minus(overdueAfter)))
                .list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());

        Map<String, Map<CaseStatus, Integer>> statusBySite = new TreeMap<>();
        Map<String, Integer> overdueBySite = new HashMap<>();
        for (AdminQueries.CaseRow row : rows) {
            boolean begun = row.decisions() > 0
                    || (row.processInstanceId() != null && claimedSiteReviews.contains(row.processInstanceId()));
            CaseStatus status = CaseStatus.of(row.phase(), row.submitted(), row.images() > 0, begun);
            statusBySite.computeIfAbsent(row.siteCode(), s -> new EnumMap<>(CaseStatus.class)).merge(status, 1, Integer::sum);
            if (row.processInstanceId() != null && overdue.contains(row.processInstanceId())) {
                overdueBySite.merge(row.siteCode(), 1, Integer::sum);
            }
        }
        Map<String, Counts> result = new TreeMap<>();
        statusBySite.forEach((site, counts) -> result.put(site, new Counts(counts, overdueBySite.getOrDefault(site, 0))));
        return result;
    }

    static Counts sum(Iterable<Counts> parts) {
        Map<CaseStatus, Integer> total = new EnumMap<>(CaseStatus.class);
        int overdue = 0;
        for (Counts part : parts) {
            part.byStatus().forEach((status, n) -> total.merge(status, n, Integer::sum));
            overdue += part.overdueReviews();
        }
        return new Counts(total, overdue);
    }
}
