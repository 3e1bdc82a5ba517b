package cn.shencha.review;

/** 考点 (exam site) reviews first, then 考区 (district). */
public enum ReviewLevel {
    SITE,
    DISTRICT;

    public String taskDefinitionKey() {
        return this == SITE ? MaterialReviewProcess.SITE_REVIEW : MaterialReviewProcess.DISTRICT_REVIEW;
    }

    public String decisionVariable() {
        return this == SITE ? MaterialReviewProcess.VAR_SITE_DECISION : MaterialReviewProcess.VAR_DISTRICT_DECISION;
    }

    public static ReviewLevel ofTaskDefinitionKey(String key) {
        return switch (key) {
            case MaterialReviewProcess.SITE_REVIEW -> SITE;
            case MaterialReviewProcess.DISTRICT_REVIEW -> DISTRICT;
            default -> throw new IllegalArgumentException("Not a review task: " + key);
        };
    }
}
