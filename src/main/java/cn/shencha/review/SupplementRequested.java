package cn.shencha.review;

import java.util.UUID;

/**
 * A reviewer sent materials back: {@code materials} names them with the reviewer's reasons (in Chinese, as the
 * candidate reads them), {@code deadline} is the supplement deadline as shown (Asia/Shanghai).
 * Published by the review process in the transaction of that step (Spring Modulith's event publication registry
 * stores it there); the notify module tells the candidate. {@code id} identifies the event, so that a listener run
 * again after a failure or a crash tells the candidate once.
 */
public record SupplementRequested(UUID id, Long candidateId, String candidateName, String materials, String deadline) {

    public SupplementRequested {
        if (id == null || candidateId == null) {
            throw new IllegalArgumentException("id and candidateId are required");
        }
    }

    static SupplementRequested of(Long candidateId, String candidateName, String materials, String deadline) {
        return new SupplementRequested(UUID.randomUUID(), candidateId, candidateName, materials, deadline);
    }
}
