package cn.shencha.exam;

/**
 * Where a candidate's case stands ({@link CaseState}). The process drives it (see review.PhaseListener); it is kept
 * in the review module's table so that lock checks and dashboards need no engine query.
 */
public enum Phase {
    UPLOADING,
    SITE_REVIEW,
    DISTRICT_REVIEW,
    SUPPLEMENT,
    APPROVED,
    REJECTED
}
