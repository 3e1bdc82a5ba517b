package cn.shencha.review;

import java.util.UUID;

/**
 * The supplement deadline passed without a resubmission: the unlocked materials are locked again.
 * Published by the review process in the transaction of that step (Spring Modulith's event publication registry
 * stores it there); the notify module tells the candidate. {@code id} identifies the event, so that a listener run
 * again after a failure or a crash tells the candidate once.
 */
public record SupplementExpired(UUID id, Long candidateId, String candidateName) {

    public SupplementExpired {
        if (id == null || candidateId == null) {
            throw new IllegalArgumentException("id and candidateId are required");
        }
    }

    static SupplementExpired of(Long candidateId, String candidateName) {
        return new SupplementExpired(UUID.randomUUID(), candidateId, candidateName);
    }
}
