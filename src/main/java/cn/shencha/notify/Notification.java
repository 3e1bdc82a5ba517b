package cn.shencha.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An outbox entry: one thing a candidate is told, written in the transaction of the change that causes it.
 * Its deliveries (one per channel) say how far each channel got.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, unique = true, updatable = false)
    private String idempotencyKey;

    @Column(name = "candidate_id", nullable = false, updatable = false)
    private Long candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NoticeKind kind;

    @Column(nullable = false, updatable = false)
    private String params;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {
    }

    Notification(Long candidateId, NoticeKind kind, List<String> params, String title, String body,
                 Long messageId, Instant createdAt) {
        this(UUID.randomUUID().toString(), candidateId, kind, params, title, body, messageId, createdAt);
    }

    /** @param idempotencyKey the key of the event that caused it, so that the event handled again finds it */
    Notification(String idempotencyKey, Long candidateId, NoticeKind kind, List<String> params, String title,
                 String body, Long messageId, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.candidateId = candidateId;
        this.kind = kind;
        this.params = TemplateParams.toJson(params);
        this.title = title;
        this.body = body;
        this.messageId = messageId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public NoticeKind getKind() {
        return kind;
    }

    /** The template arguments, in the order of {@link NoticeKind#params()}. */
    public List<String> getParams() {
        return TemplateParams.fromJson(params);
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
