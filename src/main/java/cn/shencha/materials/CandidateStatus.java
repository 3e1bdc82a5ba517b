package cn.shencha.materials;

import java.time.Instant;

/**
 * The candidate's registration and where it stands (GET /api/v1/me). {@code uploadDeadline} is the one that
 * applies to them (a personal extension included). {@code locked}: no material may be changed now, with the
 * reason code and text; {@code autoLocked}: the upload deadline passed without a submission.
 */
public record CandidateStatus(Long candidateId, String registrationNo, String name, String maskedIdNumber,
                              String examCategory, String districtCode, String districtName, String siteCode,
                              String siteName, CandidateStage stage, String stageText, Instant uploadStart,
                              Instant uploadDeadline, Instant supplementDeadline, Instant resultsPublishAt,
                              Instant submittedAt, boolean locked, LockReason lockReason, String lockReasonText,
                              boolean autoLocked, boolean verdictPublished) {
}
