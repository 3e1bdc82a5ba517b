package cn.shencha.materials;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A kind of material a district asks for in one season (身份证明, 学历证书, ...), with its rules. */
@Entity
@Table(name = "material_type")
public class MaterialType {

    /** Where the 示例 images administrators upload are served (public, like the built-in ones under /examples/). */
    public static final String UPLOADED_EXAMPLE_PATH = "/examples/uploaded/";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "season_code", nullable = false, updatable = false)
    private String seasonCode;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private String description;

    @Column(name = "example_image")
    private String exampleImage;

    @Column(name = "min_count", nullable = false)
    private int minCount;

    @Column(name = "max_count", nullable = false)
    private int maxCount;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** The exam categories (as the registration system names them) that must provide this material. */
    // Subselect: a catalog of n types reads their requirements with one query, not one per type.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "material_requirement", joinColumns = @JoinColumn(name = "material_type_id"))
    @Column(name = "exam_category")
    private Set<String> requiredFor = new HashSet<>();

    protected MaterialType() {
    }

    public MaterialType(String seasonCode, String districtCode, String code, String name, String nameEn, String description,
                        String exampleImage, int minCount, int maxCount, int sortOrder, Set<String> requiredFor) {
        this.seasonCode = seasonCode;
        this.districtCode = districtCode;
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.description = description;
        this.exampleImage = exampleImage;
        this.minCount = minCount;
        this.maxCount = maxCount;
        this.sortOrder = sortOrder;
        this.requiredFor = new HashSet<>(requiredFor);
    }

    /** Changes the rules and texts; the code (used by the API and in uploads) stays. */
    public void update(String name, String nameEn, String description, int minCount, int maxCount, int sortOrder,
                       Set<String> requiredFor) {
        this.name = name;
        this.nameEn = nameEn;
        this.description = description;
        this.minCount = minCount;
        this.maxCount = maxCount;
        this.sortOrder = sortOrder;
        this.requiredFor.clear();
        this.requiredFor.addAll(requiredFor);
    }

    public void setExampleImage(String exampleImage) {
        this.exampleImage = exampleImage;
    }

    public boolean isRequiredFor(String examCategory) {
        return requiredFor.contains(examCategory);
    }

    /**
     * The order the candidate's page shows a district's catalog in, and so the review form too: the materials
     * required of this exam category first, then the optional ones, each in catalog order ({@code sort_order}).
     */
    public static List<MaterialType> inPageOrder(List<MaterialType> catalog, String examCategory) {
        return catalog.stream()
                .sorted(Comparator.comparing((MaterialType t) -> !t.isRequiredFor(examCategory))
                        .thenComparingInt(MaterialType::getSortOrder))
                .toList();
    }

    public String displayName(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? name : nameEn;
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

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getDescription() {
        return description;
    }

    public String getExampleImage() {
        return exampleImage;
    }

    public int getMinCount() {
        return minCount;
    }

    public int getMaxCount() {
        return maxCount;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public Set<String> getRequiredFor() {
        return Set.copyOf(requiredFor);
    }
}
