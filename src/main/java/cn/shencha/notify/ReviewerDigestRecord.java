package cn.shencha.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer's daily digest that was sent (or is being sent) for one Shanghai day. */
@Entity
@Table(name = "notification_digest")
class ReviewerDigestRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "digest_day", nullable = false)
    private String day;

    @Column(name = "task_count", nullable = false)
    private int taskCount;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ReviewerDigestRecord() {
    }

    ReviewerDigestRecord(String userId, String day, int taskCount, Instant sentAt) {
        this.userId = userId;
        this.day = day;
        this.taskCount = taskCount;
        this.sentAt = sentAt;
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    String getDay() {
        return day;
    }

    int getTaskCount() {
        return taskCount;
    }
}
