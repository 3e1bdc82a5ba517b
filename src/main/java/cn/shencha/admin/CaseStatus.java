package cn.shencha.admin;

import cn.shencha.exam.Phase;

/**
 * Where a candidate's case stands, as the dashboard counts it. Derived from the candidate's phase, whether
 * they submitted, whether they uploaded anything, and whether the site review has begun (a reviewer claimed
 * the task, or decided on the case before).
 */
public enum CaseStatus {
    NOT_STARTED,
    UPLOADING,
    SUBMITTED,
    AUTO_LOCKED,
    IN_SITE_REVIEW,
    IN_DISTRICT_REVIEW,
    IN_SUPPLEMENT,
    APPROVED,
    REJECTED;

    public String labelKey() {
        return "admin.status." + name();
    }

    public static CaseStatus of(Phase phase, boolean submitted, boolean hasImages, boolean siteReviewBegun) {
        return switch (phase) {
            case UPLOADING -> hasImages ? UPLOADING : NOT_STARTED;
            case SITE_REVIEW -> siteReviewBegun ? IN_SITE_REVIEW : submitted ? SUBMITTED : AUTO_LOCKED;
            case DISTRICT_REVIEW -> IN_DISTRICT_REVIEW;
            case SUPPLEMENT -> IN_SUPPLEMENT;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
        };
    }
}
