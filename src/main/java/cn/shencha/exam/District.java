package cn.shencha.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An exam district (考区), identified by its NMEC province code. Its deadlines are per season: {@link SeasonSchedule}. */
@Entity
@Table(name = "district")
public class District {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "max_image_bytes", nullable = false)
    private int maxImageBytes = 200 * 1024;

    @Version
    private long version;

    protected District() {
    }

    public District(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setMaxImageBytes(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }
}
