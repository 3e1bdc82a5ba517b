package cn.shencha.materials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One stored image of a candidate's material. The file lives in the image store under {@code storageKey}. */
@Entity
@Table(name = "material_image")
public class MaterialImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(name = "material_type_id", nullable = false)
    private Long materialTypeId;

    /** The slot while ACTIVE, NULL once REPLACED: a unique key lets one upload win a slot. */
    @Column(name = "active_slot")
    private Integer activeSlot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImageState state = ImageState.ACTIVE;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "original_size_bytes", nullable = false)
    private int originalSizeBytes;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(nullable = false)
    private boolean submitted;

    @Column(name = "replaced_at")
    private Instant replacedAt;

    @Column(name = "replaced_reason")
    private String replacedReason;

    @Column(name = "replaced_by_decision_id")
    private Long replacedByDecisionId;

    /** Quality hints given at upload (codes of {@code QualityWarning}, comma separated), shown again later. */
    @Column(name = "quality_warnings")
    private String qualityWarnings;

    @Version
    private long version;

    protected MaterialImage() {
    }

    public MaterialImage(Long candidateId, Long materialTypeId, int slot, String storageKey, String contentType,
                         int sizeBytes, int originalSizeBytes, int width, int height, String sha256, Instant uploadedAt) {
        this.candidateId = candidateId;
        this.materialTypeId = materialTypeId;
        this.activeSlot = slot;
        this.storageKey = storageKey;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.originalSizeBytes = originalSizeBytes;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    public void recordQualityWarnings(Collection<String> codes) {
        this.qualityWarnings = codes == null || codes.isEmpty() ? null : String.join(",", codes);
    }

    public List<String> getQualityWarnings() {
        return qualityWarnings == null || qualityWarnings.isBlank()
                ? List.of() : List.of(qualityWarnings.split(","));
    }

    public boolean isActive() {
        return state == ImageState.ACTIVE;
    }

    public void markSubmitted() {
        this.submitted = true;
    }

    /** Keeps a submitted image in the material's history, with who asked for the replacement and why. */
    public void markReplaced(Instant at, String reason, Long decisionId) {
        this.state = ImageState.REPLACED;
        this.activeSlot = null;
        this.replacedAt = at;
        this.replacedReason = reason;
        this.replacedByDecisionId = decisionId;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getMaterialTypeId() {
        return materialTypeId;
    }

    public Integer getActiveSlot() {
        return activeSlot;
    }

    public ImageState getState() {
        return state;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public int getOriginalSizeBytes() {
        return originalSizeBytes;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }

    public String getReplacedReason() {
        return replacedReason;
    }

    public Long getReplacedByDecisionId() {
        return replacedByDecisionId;
    }
}
