package cn.shencha.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** How many candidates of an exam site had a status at the end of a day: the dashboard's history. */
@Entity
@Table(name = "admin_daily_count")
class DailyCount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "snapshot_date", nullable = false)
    private LocalDate snapshotDate;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(name = "site_code", nullable = false)
    private String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(nullable = false)
    private int candidates;

    protected DailyCount() {
    }

    DailyCount(LocalDate snapshotDate, String districtCode, String siteCode, CaseStatus status, int candidates) {
        this.snapshotDate = snapshotDate;
        this.districtCode = districtCode;
        this.siteCode = siteCode;
        this.status = status;
        this.candidates = candidates;
    }

    void setCandidates(int candidates) {
        this.candidates = candidates;
    }

    LocalDate getSnapshotDate() {
        return snapshotDate;
    }

    String getDistrictCode() {
        return districtCode;
    }

    String getSiteCode() {
        return siteCode;
    }

    CaseStatus getStatus() {
        return status;
    }

    int getCandidates() {
        return candidates;
    }
}
