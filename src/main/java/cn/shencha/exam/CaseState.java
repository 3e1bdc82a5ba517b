package cn.shencha.exam;

import java.time.Instant;

/**
 * Where one candidate's review case stands, as every module reads it: the review module owns and writes this state
 * (its table {@code review_case}); this record is the read side, from {@link CaseStates}. A candidate whose process
 * has not been started has the state {@link #notStarted}: uploading, nothing submitted, locked or decided.
 *
 * @param verdict the district's decision; hidden from the candidate until it is published
 */
public record CaseState(Long candidateId, Phase phase, String processInstanceId, Instant submittedAt, Instant lockedAt,
                        Verdict verdict, String verdictReason, Instant verdictDecidedAt, Instant verdictPublishedAt) {

    public static CaseState notStarted(Long candidateId) {
        return new CaseState(candidateId, Phase.UPLOADING, null, null, null, null, null, null, null);
    }

    /** Submitted (提交审核) or locked by the deadline: from then on, and only then, reviewers see the case. */
    public boolean upForReview() {
        return submittedAt != null || lockedAt != null;
    }

    public boolean submitted() {
        return submittedAt != null;
    }
}
