package cn.shencha.materials;

/**
 * Where the candidate's case stands, as the candidate may know it. The process's APPROVED/REJECTED phase
 * is shown as REVIEW_FINISHED until the district publishes its results: the verdict never leaks early.
 */
public enum CandidateStage {
    UPLOADING,
    SITE_REVIEW,
    DISTRICT_REVIEW,
    SUPPLEMENT,
    REVIEW_FINISHED,
    APPROVED,
    REJECTED
}
