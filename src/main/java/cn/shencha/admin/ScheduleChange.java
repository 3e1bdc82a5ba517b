package cn.shencha.admin;

import cn.shencha.exam.DistrictSchedule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded change of deadlines: a district's schedule, a candidate's personal extension (only the upload
 * deadline columns are used, with the reason) or a "publish now". Never updated once written.
 */
@Entity
@Table(name = "admin_schedule_change")
public class ScheduleChange {

    public enum Kind { SCHEDULE, EXTENSION, PUBLICATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "season_code")
    private String seasonCode;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(name = "candidate_id")
    private Long candidateId;

    @Column(name = "registration_no")
    private String registrationNo;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "old_upload_start")
    private Instant oldUploadStart;

    @Column(name = "old_upload_deadline")
    private Instant oldUploadDeadline;

    @Column(name = "old_supplement_deadline")
    private Instant oldSupplementDeadline;

    @Column(name = "old_results_publish_at")
    private Instant oldResultsPublishAt;

    @Column(name = "new_upload_start")
    private Instant newUploadStart;

    @Column(name = "new_upload_deadline")
    private Instant newUploadDeadline;

    @Column(name = "new_supplement_deadline")
    private Instant newSupplementDeadline;

    @Column(name = "new_results_publish_at")
    private Instant newResultsPublishAt;

    private String reason;

    @Column(name = "timers_moved", nullable = false)
    private int timersMoved;

    @Column(name = "cases_reopened", nullable = false)
    private int casesReopened;

    @Column(name = "verdicts_published", nullable = false)
    private int verdictsPublished;

    protected ScheduleChange() {
    }

    private ScheduleChange(Kind kind, String seasonCode, String districtCode, String changedBy, Instant changedAt) {
        this.kind = kind;
        this.seasonCode = seasonCode;
        this.districtCode = districtCode;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    static ScheduleChange schedule(String seasonCode, String districtCode, String changedBy, Instant changedAt,
                                   DistrictSchedule before, DistrictSchedule after, int timersMoved, int casesReopened) {
        ScheduleChange change = new ScheduleChange(Kind.SCHEDULE, seasonCode, districtCode, changedBy, changedAt);
        change.setBefore(before);
        change.setAfter(after);
        change.timersMoved = timersMoved;
        change.casesReopened = casesReopened;
        return change;
    }

    static ScheduleChange extension(String seasonCode, String districtCode, Long candidateId, String registrationNo, String changedBy,
                                    Instant changedAt, Instant oldDeadline, Instant newDeadline, String reason,
                                    int timersMoved, int casesReopened) {
        ScheduleChange change = new ScheduleChange(Kind.EXTENSION, seasonCode, districtCode, changedBy, changedAt);
        change.candidateId = candidateId;
        change.registrationNo = registrationNo;
        change.oldUploadDeadline = oldDeadline;
        change.newUploadDeadline = newDeadline;
        change.reason = reason;
        change.timersMoved = timersMoved;
        change.casesReopened = casesReopened;
        return change;
    }

    static ScheduleChange publication(String seasonCode, String districtCode, String changedBy, Instant changedAt,
                                      DistrictSchedule before, DistrictSchedule after, int verdictsPublished) {
        ScheduleChange change = new ScheduleChange(Kind.PUBLICATION, seasonCode, districtCode, changedBy, changedAt);
        change.setBefore(before);
        change.setAfter(after);
        change.verdictsPublished = verdictsPublished;
        return change;
    }

    private void setBefore(DistrictSchedule s) {
        oldUploadStart = s.uploadStart();
        oldUploadDeadline = s.uploadDeadline();
        oldSupplementDeadline = s.supplementDeadline();
        oldResultsPublishAt = s.resultsPublishAt();
    }

    private void setAfter(DistrictSchedule s) {
        newUploadStart = s.uploadStart();
        newUploadDeadline = s.uploadDeadline();
        newSupplementDeadline = s.supplementDeadline();
        newResultsPublishAt = s.resultsPublishAt();
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSeasonCode() {
        return seasonCode;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getRegistrationNo() {
        return registrationNo;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Instant getOldUploadStart() {
        return oldUploadStart;
    }

    public Instant getOldUploadDeadline() {
        return oldUploadDeadline;
    }

    public Instant getOldSupplementDeadline() {
        return oldSupplementDeadline;
    }

    public Instant getOldResultsPublishAt() {
        return oldResultsPublishAt;
    }

    public Instant getNewUploadStart() {
        return newUploadStart;
    }

    public Instant getNewUploadDeadline() {
        return newUploadDeadline;
    }

    public Instant getNewSupplementDeadline() {
        return newSupplementDeadline;
    }

    public Instant getNewResultsPublishAt() {
        return newResultsPublishAt;
    }

    public String getReason() {
        return reason;
    }

    public int getTimersMoved() {
        return timersMoved;
    }

    public int getCasesReopened() {
        return casesReopened;
    }

    public int getVerdictsPublished() {
        return verdictsPublished;
    }
}
