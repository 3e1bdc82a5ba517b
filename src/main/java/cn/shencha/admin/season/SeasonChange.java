package cn.shencha.admin.season;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded opening, closing or reopening of an exam season: who, when, what was copied. Never updated. */
@Entity
@Table(name = "season_change")
public class SeasonChange {

    public enum Action { OPENED, CLOSED, REOPENED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "season_code", nullable = false)
    private String seasonCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "from_season")
    private String fromSeason;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    private String detail;

    protected SeasonChange() {
    }

    SeasonChange(String seasonCode, Action action, String fromSeason, String changedBy, Instant changedAt,
                 String detail) {
        this.seasonCode = seasonCode;
        this.action = action;
        this.fromSeason = fromSeason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public String getSeasonCode() {
        return seasonCode;
    }

    public Action getAction() {
        return action;
    }

    public String getFromSeason() {
        return fromSeason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getDetail() {
        return detail;
    }
}
