package cn.shencha.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One fetch of a candidate's image by a staff member (PIPL audit): who, when, which image, which size. */
@Entity
@Table(name = "review_image_view")
public class ImageViewRecord {

    public enum Size { FULL, THUMB }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "image_id", nullable = false)
    private Long imageId;

    @Column(name = "candidate_id", nullable = false)
    private Long candidateId;

    @Column(nullable = false)
    private String viewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "image_size", nullable = false)
    private Size size;

    @Column(name = "viewed_at", nullable = false)
    private Instant viewedAt;

    protected ImageViewRecord() {
    }

    public ImageViewRecord(Long imageId, Long candidateId, String viewer, Size size, Instant viewedAt) {
        this.imageId = imageId;
        this.candidateId = candidateId;
        this.viewer = viewer;
        this.size = size;
        this.viewedAt = viewedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getImageId() {
        return imageId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getViewer() {
        return viewer;
    }

    public Size getSize() {
        return size;
    }

    public Instant getViewedAt() {
        return viewedAt;
    }
}
