package cn.shencha.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reviewer's word on one material: OK, or REPLACE with a reason. */
@Entity
@Table(name = "review_material_verdict")
public class MaterialVerdict {

    public enum Verdict { OK, REPLACE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "material_type_id", nullable = false)
    private Long materialTypeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    private String reason;

    protected MaterialVerdict() {
    }

    public MaterialVerdict(Long materialTypeId, Verdict verdict, String reason) {
        this.materialTypeId = materialTypeId;
        this.verdict = verdict;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Long getMaterialTypeId() {
        return materialTypeId;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getReason() {
        return reason;
    }

    public boolean isReplace() {
        return verdict == Verdict.REPLACE;
    }
}
