package cn.shencha.materials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A material a reviewer marked "replace": unlocked for the candidate until resubmission or the deadline. */
@Entity
@Table(name = "material_unlock")
public class MaterialUnlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "material_type_id", nullable = false)
    private Long materialTypeId;

    @Column(name = "decision_id", nullable = false)
    private Long decisionId;

    private String reason;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Closed by the supplement deadline, the candidate never resubmitted. */
    @Column(nullable = false)
    private boolean expired;

    protected MaterialUnlock() {
    }

    public MaterialUnlock(Long candidateId, Long materialTypeId, Long decisionId, String reason, Instant openedAt) {
        this.candidateId = candidateId;
        this.materialTypeId = materialTypeId;
        this.decisionId = decisionId;
        this.reason = reason;
        this.openedAt = openedAt;
    }

    public void close(Instant at) {
        this.closedAt = at;
    }

    /** The supplement deadline passed without a resubmission. */
    public void expire(Instant at) {
        this.closedAt = at;
        this.expired = true;
    }

    public boolean isExpired() {
        return expired;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getMaterialTypeId() {
        return materialTypeId;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
