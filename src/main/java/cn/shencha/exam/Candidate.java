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
 * A registered candidate (考生), imported from the registration system. Where the candidate's review case stands
 * (phase, submission, lock, verdict) is the review module's, read through {@link CaseStates}.
 */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The exam season of this registration: a person registered in two years has two candidates. */
    @Column(name = "season_code", nullable = false, updatable = false)
    private String seasonCode;

    @Column(name = "registration_no", nullable = false)
    private String registrationNo;

    @Column(nullable = false)
    private String name;

    @Column(name = "id_number", nullable = false)
    private String idNumber;

    private String phone;

    @Column(name = "exam_category", nullable = false)
    private String examCategory;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(name = "site_code", nullable = false)
    private String siteCode;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "upload_deadline_override")
    private Instant uploadDeadlineOverride;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set by a retention purge (written by cn.shencha.retention, never by this entity). */
    @Column(name = "purged_at", insertable = false, updatable = false)
    private Instant purgedAt;

    /** The salted hash of the ID number a purge blanked ({@link IdNumberHash}). */
    @Column(name = "id_number_hash", insertable = false, updatable = false)
    private String idNumberHash;

    @Version
    private long version;

    protected Candidate() {
    }

    public Candidate(String seasonCode, String registrationNo, String name, String idNumber, String phone, String examCategory,
                     String districtCode, String siteCode, Instant createdAt) {
        this.seasonCode = seasonCode;
        this.registrationNo = registrationNo;
        this.createdAt = createdAt;
        register(name, idNumber, phone, examCategory, districtCode, siteCode);
    }

    public boolean isActivated() {
        return passwordHash != null;
    }

    public void activate(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.activatedAt = at;
    }

    public void updateRegistration(String name, String idNumber, String phone, String examCategory,
                                   String districtCode, String siteCode) {
        register(name, idNumber, phone, examCategory, districtCode, siteCode);
    }

    /** The registration system's data of the candidate, as imported first and on every re-import. */
    private void register(String name, String idNumber, String phone, String examCategory, String districtCode,
                          String siteCode) {
        this.name = name;
        this.idNumber = idNumber;
        this.phone = phone;
        this.examCategory = examCategory;
        this.districtCode = districtCode;
        this.siteCode = siteCode;
    }

    public Long getId() {
        return id;
    }

    public String getSeasonCode() {
        return seasonCode;
    }

    public String getRegistrationNo() {
        return registrationNo;
    }

    public String getName() {
        return name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    /** The ID number with its middle hidden, for lists and headers (PIPL). */
    public String getMaskedIdNumber() {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    public String getPhone() {
        return phone;
    }

    public String getExamCategory() {
        return examCategory;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getSiteCode() {
        return siteCode;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getUploadDeadlineOverride() {
        return uploadDeadlineOverride;
    }

    public void setUploadDeadlineOverride(Instant uploadDeadlineOverride) {
        this.uploadDeadlineOverride = uploadDeadlineOverride;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When a retention purge blanked this candidate's personal data; {@code null} while it is kept. */
    public Instant getPurgedAt() {
        return purgedAt;
    }

    public String getIdNumberHash() {
        return idNumberHash;
    }
}
