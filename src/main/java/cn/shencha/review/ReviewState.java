package cn.shencha.review;

import cn.shencha.exam.CaseState;
import cn.shencha.exam.Phase;
import cn.shencha.exam.Verdict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The review module's aggregate of one candidate's case: where its process stands, when the materials were
 * submitted and locked, the verdict and its publication. Created with the process (CandidateProcessStarter), changed
 * only by this module's services, delegates and listeners; other modules read {@link CaseState} (exam.CaseStates).
 */
@Entity
@Table(name = "review_case")
class ReviewState {

    @Id
    @Column(name = "candidate_id")
    private Long candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase = Phase.UPLOADING;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    @Column(name = "verdict_reason")
    private String verdictReason;

    @Column(name = "verdict_decided_at")
    private Instant verdictDecidedAt;

    @Column(name = "verdict_published_at")
    private Instant verdictPublishedAt;

    /** A wrapper, so that Spring Data sees a new case (version null) although its id is the candidate's. */
    @Version
    private Long version;

    protected ReviewState() {
    }

    ReviewState(Long candidateId) {
        this.candidateId = candidateId;
    }

    CaseState view() {
        return new CaseState(candidateId, phase, processInstanceId, submittedAt, lockedAt, verdict, verdictReason,
                verdictDecidedAt, verdictPublishedAt);
    }

    void enter(Phase phase) {
        this.phase = phase;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void markSubmitted(Instant at) {
        this.submittedAt = at;
    }

    /** {@code null}: unlocked again (an administrator reopened the upload). */
    void markLocked(Instant at) {
        this.lockedAt = at;
    }

    /** The district's decision, hidden until publication; the case ends in the verdict's phase. */
    void decide(Verdict verdict, String reason, Instant at) {
        this.verdict = verdict;
        this.verdictReason = reason;
        this.verdictDecidedAt = at;
        this.phase = verdict == Verdict.APPROVED ? Phase.APPROVED : Phase.REJECTED;
    }

    void markVerdictPublished(Instant at) {
        this.verdictPublishedAt = at;
    }

    Long getCandidateId() {
        return candidateId;
    }

    Phase getPhase() {
        return phase;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    Instant getLockedAt() {
        return lockedAt;
    }
}
