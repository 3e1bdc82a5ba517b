package cn.shencha.review;

/** Ids of the material-review process model, so that a typo is a compile error. */
public final class MaterialReviewProcess {

    public static final String KEY = "material-review";
    public static final String RESOURCE = "material-review.bpmn";

    // Activities
    public static final String AWAIT_SUBMISSION = "awaitSubmission";
    public static final String UPLOAD_DEADLINE_PASSED = "uploadDeadlinePassed";
    public static final String AUTO_LOCK_MATERIALS = "autoLockMaterials";
    public static final String SITE_REVIEW = "siteReview";
    public static final String DISTRICT_REVIEW = "districtReview";
    public static final String UNLOCK_REQUESTED_MATERIALS = "unlockRequestedMaterials";
    public static final String AWAIT_SUPPLEMENT = "awaitSupplement";
    public static final String SUPPLEMENT_DEADLINE_PASSED = "supplementDeadlinePassed";
    public static final String EXPIRE_SUPPLEMENT = "expireSupplement";
    public static final String RECORD_VERDICT = "recordVerdict";
    public static final String AWAIT_PUBLICATION = "awaitPublication";
    public static final String RESULTS_PUBLICATION_DUE = "resultsPublicationDue";
    public static final String PUBLISH_NOW_RECEIVED = "publishNowReceived";
    public static final String PUBLISH_VERDICT = "publishVerdict";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    // Messages
    public static final String MSG_MATERIALS_SUBMITTED = "MaterialsSubmitted";
    public static final String MSG_MATERIALS_RESUBMITTED = "MaterialsResubmitted";
    public static final String MSG_RESULTS_PUBLISH_NOW = "ResultsPublishNow";

    // Variables: ids and small decisions only
    public static final String VAR_CANDIDATE_ID = "candidateId";
    public static final String VAR_SITE_CODE = "siteCode";
    public static final String VAR_DISTRICT_CODE = "districtCode";
    /**
     * The candidate's exam season, like the site and district codes a scope for the engine's own queries (Tasklist
     * filters, "publish now", review due dates); the application reads the season from the candidate row.
     */
    public static final String VAR_SEASON_CODE = "seasonCode";
    public static final String VAR_SITE_DECISION = "siteDecision";
    public static final String VAR_DISTRICT_DECISION = "districtDecision";
    public static final String VAR_SUPPLEMENT_LEVEL = "supplementLevel";
    public static final String VAR_LAST_DECISION_ID = "lastDecisionId";

    /**
     * The timers whose due dates follow the district's deadlines. UPLOAD_DEADLINE_PASSED is a message now (the
     * upload-deadline process sends it); its timer is still moved for instances of the process versions before it.
     */
    public static final String[] DEADLINE_TIMERS = {UPLOAD_DEADLINE_PASSED, SUPPLEMENT_DEADLINE_PASSED, RESULTS_PUBLICATION_DUE};

    public static String siteGroup(String siteCode) {
        return "site" + siteCode;
    }

    public static String districtGroup(String districtCode) {
        return "district" + districtCode;
    }

    private MaterialReviewProcess() {
    }
}
