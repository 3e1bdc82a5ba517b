package cn.shencha.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A district's deadlines in one season: the upload window, the supplement deadline and the publication of
 * results. A case's timers read the schedule of the candidate's own season, so opening the next season never
 * moves last season's deadlines.
 */
@Entity
@Table(name = "season_schedule")
public class SeasonSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "season_code", nullable = false)
    private String seasonCode;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(name = "upload_start", nullable = false)
    private Instant uploadStart;

    @Column(name = "upload_deadline", nullable = false)
    private Instant uploadDeadline;

    @Column(name = "supplement_deadline", nullable = false)
    private Instant supplementDeadline;

    @Column(name = "results_publish_at", nullable = false)
    private Instant resultsPublishAt;

    @Version
    private long version;

    protected SeasonSchedule() {
    }

    public SeasonSchedule(String seasonCode, String districtCode, DistrictSchedule schedule) {
        this.seasonCode = seasonCode;
        this.districtCode = districtCode;
        applySchedule(schedule);
    }

    public DistrictSchedule schedule() {
        return new DistrictSchedule(uploadStart, uploadDeadline, supplementDeadline, resultsPublishAt);
    }

    public void applySchedule(DistrictSchedule schedule) {
        this.uploadStart = schedule.uploadStart();
        this.uploadDeadline = schedule.uploadDeadline();
        this.supplementDeadline = schedule.supplementDeadline();
        this.resultsPublishAt = schedule.resultsPublishAt();
    }

    public boolean resultsPublished(Instant now) {
        return !resultsPublishAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getSeasonCode() {
        return seasonCode;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public Instant getUploadStart() {
        return uploadStart;
    }

    public Instant getUploadDeadline() {
        return uploadDeadline;
    }

    public Instant getSupplementDeadline() {
        return supplementDeadline;
    }

    public Instant getResultsPublishAt() {
        return resultsPublishAt;
    }
}
