package cn.shencha.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An exam district (考区), identified by its NMEC province code, with its season's deadlines. */
@Entity
@Table(name = "district")
public class District {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "upload_start", nullable = false)
    private Instant uploadStart;

    @Column(name = "upload_deadline", nullable = false)
    private Instant uploadDeadline;

    @Column(name = "supplement_deadline", nullable = false)
    private Instant supplementDeadline;

    @Column(name = "results_publish_at", nullable = false)
    private Instant resultsPublishAt;

    @Column(name = "max_image_bytes", nullable = false)
    private int maxImageBytes = 200 * 1024;

    @Version
    private long version;

    protected District() {
    }

    public District(String code, String name, DistrictSchedule schedule) {
        this.code = code;
        this.name = name;
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

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
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

    public int getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setMaxImageBytes(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }
}
