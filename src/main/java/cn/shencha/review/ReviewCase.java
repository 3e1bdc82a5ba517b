package cn.shencha.review;

import java.util.List;

/**
 * What a reviewer sees of one candidate's case: the registration summary (ID number masked), every
 * material type with all its images and flags, and the earlier rounds' decisions. Times are shown as
 * Asia/Shanghai {@code yyyy-MM-dd HH:mm}; the texts are in the reader's language.
 */
public record ReviewCase(
        Summary candidate,
        TaskInfo task,
        SiteRecommendation siteRecommendation,
        List<MaterialView> materials,
        List<DecisionView> decisions,
        List<String> commonReasons,
        String viewer) {

    public record Summary(String registrationNo, String name, String maskedIdNumber, String examCategory,
                          String districtCode, String districtName, String siteCode, String siteName,
                          String phase, String phaseLabel, String submittedAt, String supplementDeadline) {
    }

    /**
     * The open review task of the case, when the reader may work on it. {@code afterSupplement}: the case came
     * back after this level asked for a supplement; {@code supplementUnanswered}: and the candidate let the
     * supplement deadline pass without a response.
     */
    public record TaskInfo(String id, String level, String name, String assignee, String created, String due,
                           boolean afterSupplement, boolean supplementUnanswered, List<Option> decisions) {
    }

    /**
     * A decision the reader may take, with its rules (Decision): whether it needs a reason, and whether it may
     * ({@code ALLOWED}), must ({@code REQUIRED}) or must not ({@code FORBIDDEN}) mark materials for replacement.
     * The form checks them before sending; the server checks them again.
     */
    public record Option(String value, String label, boolean reasonRequired, String replacements, int maxReason) {
    }

    /** The site's "recommended for rejection", shown to the district. */
    public record SiteRecommendation(String decision, String label, String reason, String reviewer, String decidedAt) {
    }

    public record MaterialView(String typeCode, String name, String description, boolean required, int minCount,
                               int maxCount, List<ImageInfo> images, List<ImageInfo> replacedImages,
                               List<Flag> flags, String unlockReason, VerdictView lastVerdict) {
    }

    public record ImageInfo(Long id, String url, String thumbUrl, int width, int height, int sizeBytes,
                            String uploadedAt, String state, String replacedAt, String replacedReason,
                            List<Flag> flags) {
    }

    /** A warning on a material or an image: a stable code and the text for the reader. */
    public record Flag(String code, String text) {
    }

    public record VerdictView(String level, String levelLabel, String verdict, String verdictLabel, String reason,
                              String decidedAt) {
    }

    public record DecisionView(Long id, String level, String levelLabel, String decision, String decisionLabel,
                               String reason, String reviewer, String decidedAt, String supplementAnsweredAt,
                               String supplementExpiredAt, List<MaterialVerdictView> materials) {
    }

    public record MaterialVerdictView(String typeCode, String typeName, String verdict, String verdictLabel,
                                      String reason) {
    }
}
