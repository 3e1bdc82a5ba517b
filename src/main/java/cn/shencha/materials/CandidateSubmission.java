package cn.shencha.materials;

import java.util.Locale;

/**
 * 提交审核 as the upload page and the candidate API call it. The review module implements it (the submission
 * moves the review process on); materials only declares it, so that materials does not use review.
 */
public interface CandidateSubmission {

    enum Outcome { SUBMITTED, RESUBMITTED, ALREADY_SUBMITTED }

    /** Locks the candidate's materials and moves their case on; idempotent (a double click submits once). */
    Outcome submit(Long candidateId, Locale locale);
}
