package cn.shencha.exam;

import java.time.Instant;

/**
 * The deadlines one candidate's case runs on: the district's schedule in the candidate's own season, with the
 * candidate's personal extension of the upload deadline. The one place that says "when is this candidate's
 * deadline"; the timers (review.Deadlines), the lock rule (materials.MaterialLockPolicy), the candidate's page and
 * the admin pages all read it from here.
 */
public record CaseDeadlines(Instant uploadStart, Instant upload, Instant supplement, Instant resultsPublishAt) {

    public static CaseDeadlines of(Candidate candidate, SeasonSchedule schedule) {
        return of(candidate.getUploadDeadlineOverride(), schedule);
    }

    /** From the personal extension alone (no entity needed: thousands at a time). */
    public static CaseDeadlines of(Instant uploadDeadlineOverride, SeasonSchedule schedule) {
        Instant district = schedule.getUploadDeadline();
        // A personal extension only ever moves the deadline later; an older, earlier one no longer counts.
        Instant upload = uploadDeadlineOverride != null && uploadDeadlineOverride.isAfter(district)
                ? uploadDeadlineOverride : district;
        return new CaseDeadlines(schedule.getUploadStart(), upload, schedule.getSupplementDeadline(),
                schedule.getResultsPublishAt());
    }

    public boolean uploadNotOpen(Instant now) {
        return now.isBefore(uploadStart);
    }

    /** From the deadline second on the upload window is closed. */
    public boolean uploadPassed(Instant now) {
        return !now.isBefore(upload);
    }

    public boolean supplementPassed(Instant now) {
        return !now.isBefore(supplement);
    }
}
