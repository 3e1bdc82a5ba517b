package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialTypeRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The materials module's API to a season's catalog of material types, for the administrators' catalog pages and the
 * opening of a season (admin); the repository stays the module's own.
 */
@Service
public class MaterialCatalog {

    private final MaterialTypeRepository types;

    MaterialCatalog(MaterialTypeRepository types) {
        this.types = types;
    }

    /** The district's catalog in the season, in page order. */
    public List<MaterialType> of(String seasonCode, String districtCode) {
        return types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(seasonCode, districtCode);
    }

    public Optional<MaterialType> find(String seasonCode, String districtCode, String code) {
        return types.findBySeasonCodeAndDistrictCodeAndCode(seasonCode, districtCode, code);
    }

    /** A new material type (the caller's transaction; the unique code per season and district holds). */
    public MaterialType add(MaterialType type) {
        return types.save(type);
    }
}
