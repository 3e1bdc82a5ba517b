package cn.shencha.review;

import java.util.UUID;

/**
 * The district published its results: the candidate may see the verdict.
 * Published by the review process in the transaction of that step (Spring Modulith's event publication registry
 * stores it there); the notify module tells the candidate. {@code id} identifies the event, so that a listener run
 * again after a failure or a crash tells the candidate once.
 */
public record VerdictPublished(UUID id, Long candidateId, String candidateName) {

    public VerdictPublished {
        if (id == null || candidateId == null) {
            throw new IllegalArgumentException("id and candidateId are required");
        }
    }

    static VerdictPublished of(Long candidateId, String candidateName) {
        return new VerdictPublished(UUID.randomUUID(), candidateId, candidateName);
    }
}
