package cn.shencha.materials;

/** Why a material cannot be changed now; each is also an error code with a message in the bundles. */
public enum LockReason {
    UPLOAD_NOT_OPEN,
    UPLOAD_DEADLINE_PASSED,
    SUBMITTED,
    NOT_UNLOCKED,
    SUPPLEMENT_DEADLINE_PASSED,
    REVIEW_FINISHED
}
