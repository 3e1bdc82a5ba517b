package cn.shencha.review;

import java.util.UUID;

/**
 * The upload deadline passed without a submission: the candidate's materials are locked as they are.
 * Published by the review process in the transaction of that step (Spring Modulith's event publication registry
 * stores it there); the notify module tells the candidate. {@code id} identifies the event, so that a listener run
 * again after a failure or a crash tells the candidate once.
 */
public record MaterialsAutoLocked(UUID id, Long candidateId, String candidateName) {

    public MaterialsAutoLocked {
        if (id == null || candidateId == null) {
            throw new IllegalArgumentException("id and candidateId are required");
        }
    }

    static MaterialsAutoLocked of(Long candidateId, String candidateName) {
        return new MaterialsAutoLocked(UUID.randomUUID(), candidateId, candidateName);
    }
}
