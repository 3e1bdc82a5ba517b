package cn.shencha.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exam site (考点): four digits, the first two being its district's code. */
@Entity
@Table(name = "exam_site")
public class ExamSite {

    @Id
    private String code;

    @Column(name = "district_code", nullable = false)
    private String districtCode;

    @Column(nullable = false)
    private String name;

    protected ExamSite() {
    }

    public ExamSite(String code, String districtCode, String name) {
        this.code = code;
        this.districtCode = districtCode;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
