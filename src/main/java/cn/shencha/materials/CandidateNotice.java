package cn.shencha.materials;

import java.time.Instant;

/** One of the candidate's in-app messages (feedback, notices), as written by notify.Notifier. */
public record CandidateNotice(Long id, String kind, String title, String body, Instant createdAt, boolean read) {
}
