package cn.shencha.review;

/**
 * A reviewer's decision. PASS is the site's (on to the district), APPROVE the district's. A site's REJECT
 * passes the case to the district as recommended for rejection; only the district's decision is the verdict.
 */
public enum Decision {
    PASS,
    APPROVE,
    SUPPLEMENT,
    REJECT;

    public boolean allowedAt(ReviewLevel level) {
        return switch (this) {
            case PASS -> level == ReviewLevel.SITE;
            case APPROVE -> level == ReviewLevel.DISTRICT;
            case SUPPLEMENT, REJECT -> true;
        };
    }
}
