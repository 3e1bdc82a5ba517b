package cn.shencha.admin.api;

import cn.shencha.admin.setup.CatalogAdminService;
import cn.shencha.admin.setup.CatalogChange;
import cn.shencha.admin.setup.DistrictSetupService;
import cn.shencha.admin.setup.SetupImportService;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.exam.District;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.materials.MaterialType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Administrators set a district up: the district, its exam sites, its material catalog, or all from one file. */
@RestController
@RequestMapping("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin API")
class AdminSetupController {

    record DistrictRequest(String code, String name, Integer maxImageKb) {
    }

    record DistrictDto(String code, String name, int maxImageKb) {
        static DistrictDto of(District d) {
            return new DistrictDto(d.getCode(), d.getName(), d.getMaxImageBytes() / 1024);
        }
    }

    record SiteRequest(String code, String name) {
    }

    record SiteDto(String code, String districtCode, String name) {
        static SiteDto of(ExamSite s) {
            return new SiteDto(s.getCode(), s.getDistrictCode(), s.getName());
        }
    }

    record TypeRequest(String name, String nameEn, String description, Integer minCount, Integer maxCount,
                       Integer sortOrder, Set<String> requiredFor) {
    }

    record TypeDto(String code, String name, String nameEn, String description, String exampleImage, int minCount,
                   int maxCount, int sortOrder, List<String> requiredFor) {
        static TypeDto of(MaterialType t) {
            return new TypeDto(t.getCode(), t.getName(), t.getNameEn(), t.getDescription(), t.getExampleImage(),
                    t.getMinCount(), t.getMaxCount(), t.getSortOrder(),
                    ExamCategories.ALL.stream().filter(t.getRequiredFor()::contains).toList());
        }
    }

    record TypeSaved(String outcome, TypeDto type) {
    }

    record CatalogChangeDto(Long id, String typeCode, String action, String changedBy, OffsetDateTime changedAt,
                            String before, String after) {
        static CatalogChangeDto of(CatalogChange c) {
            return new CatalogChangeDto(c.getId(), c.getTypeCode(), c.getAction().name(), c.getChangedBy(),
                    ApiDateTimes.format(c.getChangedAt()), c.getBefore(), c.getAfter());
        }
    }

    private final DistrictSetupService districts;
    private final CatalogAdminService catalog;
    private final SetupImportService importer;
    private final Messages messages;

    AdminSetupController(DistrictSetupService districts, CatalogAdminService catalog, SetupImportService importer,
                         Messages messages) {
        this.districts = districts;
        this.catalog = catalog;
        this.importer = importer;
        this.messages = messages;
    }

    @PostMapping("/districts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a district (code, name, image size limit in KB); it starts with the standard catalog")
    DistrictDto createDistrict(@RequestBody DistrictRequest request) {
        return DistrictDto.of(districts.createDistrict(
                new DistrictSetupService.DistrictForm(request.code(), request.name(), request.maxImageKb())));
    }

    @PutMapping("/districts/{code}")
    @Operation(summary = "Change a district's name or image size limit")
    DistrictDto updateDistrict(@PathVariable String code, @RequestBody DistrictRequest request) {
        return DistrictDto.of(districts.updateDistrict(code,
                new DistrictSetupService.DistrictForm(code, request.name(), request.maxImageKb())));
    }

    @GetMapping("/districts/{code}/sites")
    @Operation(summary = "A district's exam sites")
    List<SiteDto> sites(@PathVariable String code) {
        return districts.sites(code).stream().map(SiteDto::of).toList();
    }

    @PostMapping("/districts/{code}/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an exam site (four digits starting with the district's code); its reviewer group follows")
    SiteDto createSite(@PathVariable String code, @RequestBody SiteRequest request) {
        return SiteDto.of(districts.createSite(code, new DistrictSetupService.SiteForm(request.code(), request.name())));
    }

    @PutMapping("/districts/{code}/sites/{site}")
    @Operation(summary = "Rename an exam site")
    SiteDto renameSite(@PathVariable String code, @PathVariable String site, @RequestBody SiteRequest request) {
        return SiteDto.of(districts.renameSite(code, site, request.name()));
    }

    @GetMapping({"/districts/{code}/catalog", "/seasons/{season}/districts/{code}/catalog"})
    @Operation(summary = "The district's material catalog in the season (default: the current one), in order")
    List<TypeDto> catalog(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code) {
        return catalog.catalog(season, code).stream().map(TypeDto::of).toList();
    }

    @PutMapping({"/districts/{code}/catalog/{type}", "/seasons/{season}/districts/{code}/catalog/{type}"})
    @Operation(summary = "Create or change a material type of the season's catalog; requiredFor lists the exam categories that must provide it")
    TypeSaved saveType(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code,
                       @PathVariable String type, @RequestBody TypeRequest request) {
        DistrictSetupService.Outcome outcome = catalog.save(season, code, new CatalogAdminService.TypeForm(type, request.name(),
                request.nameEn(), request.description(), request.minCount(), request.maxCount(), request.sortOrder(),
                request.requiredFor()));
        return new TypeSaved(outcome.name(), TypeDto.of(catalog.type(season, code, type)));
    }

    @PostMapping({"/districts/{code}/catalog/{type}/example", "/seasons/{season}/districts/{code}/catalog/{type}/example"})
    @Operation(summary = "Upload the 示例 image of a material type (JPEG or PNG, up to 1 MB)")
    TypeDto uploadExample(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code,
                          @PathVariable String type, @RequestParam("file") MultipartFile file) throws IOException {
        return TypeDto.of(catalog.setExample(season, code, type, file.getBytes()));
    }

    @GetMapping({"/districts/{code}/catalog/changes", "/seasons/{season}/districts/{code}/catalog/changes"})
    @Operation(summary = "Every recorded change of the district's catalog in the season, newest first")
    List<CatalogChangeDto> catalogChanges(@SeasonPath @PathVariable(required = false) String season,
                                          @PathVariable String code) {
        return catalog.changes(season, code).stream().map(CatalogChangeDto::of).toList();
    }

    @PostMapping("/setup/import")
    @Operation(summary = "Load districts, exam sites and catalogs from one YAML file, with a report per entry")
    SetupImportService.Report importSetup(@RequestParam("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return importer.load(file.getBytes(), dryRun, Messages.currentLocale());
    }
}
