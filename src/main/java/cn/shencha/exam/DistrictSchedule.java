package cn.shencha.exam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A district's season: the upload window, the supplement deadline and the publication of results.
 * Instants; shown and entered in Asia/Shanghai.
 */
public record DistrictSchedule(Instant uploadStart, Instant uploadDeadline, Instant supplementDeadline,
                               Instant resultsPublishAt) {

    /** Message keys of what is wrong with this schedule, empty when it is consistent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (uploadStart == null || uploadDeadline == null || supplementDeadline == null || resultsPublishAt == null) {
            problems.add("schedule.missing");
            return problems;
        }
        if (!uploadDeadline.isAfter(uploadStart)) {
            problems.add("schedule.deadlineBeforeStart");
        }
        if (!supplementDeadline.isAfter(uploadDeadline)) {
            problems.add("schedule.supplementBeforeDeadline");
        }
        if (!resultsPublishAt.isAfter(supplementDeadline)) {
            problems.add("schedule.publicationBeforeSupplement");
        }
        return problems;
    }
}
