package cn.shencha.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An exam season (考试年度), e.g. {@code 2026} "2026年医师资格考试": it owns each district's schedule and catalog,
 * its candidates and their cases. The current season is the newest one that is not closed (see {@link Seasons}).
 */
@Entity
@Table(name = "exam_season")
public class ExamSeason {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Version
    private long version;

    protected ExamSeason() {
    }

    public ExamSeason(String code, String name, Instant openedAt, String openedBy) {
        this.code = code;
        this.name = name;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public void close(Instant at, String by) {
        this.closedAt = at;
        this.closedBy = by;
    }

    public void reopen() {
        this.closedAt = null;
        this.closedBy = null;
    }

    public void rename(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }
}
