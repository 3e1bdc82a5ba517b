package cn.shencha.review;

/**
 * A reviewer's decision. PASS is the site's (on to the district), APPROVE the district's. A site's REJECT
 * passes the case to the district as recommended for rejection; only the district's decision is the verdict.
 */
public enum Decision {
    PASS(false, Replacements.FORBIDDEN),
    APPROVE(false, Replacements.FORBIDDEN),
    SUPPLEMENT(false, Replacements.REQUIRED),
    REJECT(true, Replacements.ALLOWED);

    /** The longest reason a decision or a material verdict may carry. */
    public static final int MAX_REASON = 500;

    /** Whether the decision may, must or must not mark materials to be replaced. */
    public enum Replacements { ALLOWED, REQUIRED, FORBIDDEN }

    private final boolean reasonRequired;
    private final Replacements replacements;

    Decision(boolean reasonRequired, Replacements replacements) {
        this.reasonRequired = reasonRequired;
        this.replacements = replacements;
    }

    /**
     * The rules of a decision, owned here: ReviewDecisionService enforces them, the review desk's form reads them
     * from the case (ReviewCase.Option) to say what is wrong before sending, so the two cannot drift apart.
     */
    public boolean reasonRequired() {
        return reasonRequired;
    }

    public Replacements replacements() {
        return replacements;
    }

    public boolean allowedAt(ReviewLevel level) {
        return switch (this) {
            case PASS -> level == ReviewLevel.SITE;
            case APPROVE -> level == ReviewLevel.DISTRICT;
            case SUPPLEMENT, REJECT -> true;
        };
    }
}
