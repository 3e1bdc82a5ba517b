package cn.shencha.review;

/**
 * Ids of the upload-deadline process model (processes/upload-deadline.bpmn): the timer that waits for the upload
 * deadline of a whole district, or of one candidate with a later personal extension, and tells the cases.
 */
public final class UploadDeadlineProcess {

    public static final String KEY = "upload-deadline";
    public static final String RESOURCE = "upload-deadline.bpmn";

    // Activities
    public static final String DEADLINE_DUE = "uploadDeadlineDue";
    public static final String CLOSE_UPLOADS = "closeUploads";

    /** The message the cases' "upload materials" waits for (its boundary event uploadDeadlinePassed). */
    public static final String MSG_UPLOAD_DEADLINE_PASSED = "UploadDeadlinePassed";

    /** The business key of a district's trigger in a season. */
    public static String districtKey(String seasonCode, String districtCode) {
        return KEY + ":" + seasonCode + ":" + districtCode;
    }

    /** The business key of one candidate's trigger (a personal extension, or a case that began at the deadline). */
    public static String candidateKey(String seasonCode, String districtCode, Long candidateId) {
        return districtKey(seasonCode, districtCode) + ":" + candidateId;
    }

    private UploadDeadlineProcess() {
    }
}
