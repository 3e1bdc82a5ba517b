package cn.shencha.admin.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change of a district's material catalog (who, when, the type before and after). Never updated. */
@Entity
@Table(name = "catalog_change")
public class CatalogChange {

    public enum Action { CREATED, UPDATED, EXAMPLE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "season_code")
    private String seasonCode;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(name = "type_code", nullable = false)
    private String typeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "before_value")
    private String before;

    @Column(name = "after_value", nullable = false)
    private String after;

    protected CatalogChange() {
    }

    CatalogChange(String seasonCode, String districtCode, String typeCode, Action action, String changedBy,
                  Instant changedAt, String before, String after) {
        this.seasonCode = seasonCode;
        this.districtCode = districtCode;
        this.typeCode = typeCode;
        this.action = action;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.before = before;
        this.after = after;
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

    public String getTypeCode() {
        return typeCode;
    }

    public Action getAction() {
        return action;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
