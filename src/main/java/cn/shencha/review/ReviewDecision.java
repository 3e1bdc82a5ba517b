package cn.shencha.review;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One review round's record: who decided what, when, and the word on each material. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;

    private String reason;

    @Column(nullable = false)
    private String reviewer;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "supplement_answered_at")
    private Instant supplementAnsweredAt;

    @Column(name = "supplement_expired_at")
    private Instant supplementExpiredAt;

    // Not updatable: a verdict is inserted with its decision's id and never moves, so Hibernate writes the key in the
    // insert alone instead of following each insert with an UPDATE of it (four statements per decision).
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "decision_id", nullable = false, updatable = false)
    private List<MaterialVerdict> materialVerdicts = new ArrayList<>();

    protected ReviewDecision() {
    }

    public ReviewDecision(Long candidateId, ReviewLevel level, Decision decision, String reason, String reviewer,
                          String taskId, Instant decidedAt, List<MaterialVerdict> materialVerdicts) {
        this.candidateId = candidateId;
        this.level = level;
        this.decision = decision;
        this.reason = reason;
        this.reviewer = reviewer;
        this.taskId = taskId;
        this.decidedAt = decidedAt;
        this.materialVerdicts = new ArrayList<>(materialVerdicts);
    }

    public List<MaterialVerdict> replacements() {
        return materialVerdicts.stream().filter(MaterialVerdict::isReplace).toList();
    }

    public void markSupplementAnswered(Instant at) {
        this.supplementAnsweredAt = at;
    }

    public void markSupplementExpired(Instant at) {
        this.supplementExpiredAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public ReviewLevel getLevel() {
        return level;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getTaskId() {
        return taskId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getSupplementAnsweredAt() {
        return supplementAnsweredAt;
    }

    public Instant getSupplementExpiredAt() {
        return supplementExpiredAt;
    }

    public List<MaterialVerdict> getMaterialVerdicts() {
        return List.copyOf(materialVerdicts);
    }
}
