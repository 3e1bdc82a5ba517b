package cn.shencha.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder of the upload deadline that was sent: which lead (48 h, 6 h), for which deadline, when. */
@Entity
@Table(name = "notification_reminder")
class UploadReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "lead_hours", nullable = false)
    private int leadHours;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "notification_id", nullable = false)
    private Long notificationId;

    protected UploadReminder() {
    }

    UploadReminder(Long candidateId, int leadHours, Instant deadline, Instant sentAt, Long notificationId) {
        this.candidateId = candidateId;
        this.leadHours = leadHours;
        this.deadline = deadline;
        this.sentAt = sentAt;
        this.notificationId = notificationId;
    }

    Long getCandidateId() {
        return candidateId;
    }

    int getLeadHours() {
        return leadHours;
    }

    Instant getDeadline() {
        return deadline;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
