package cn.shencha.admin.setup;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.Seasons;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.MaterialCatalog;
import cn.shencha.materials.image.FileKind;
import cn.shencha.materials.storage.ImageStore;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A district's material catalog in one season (the current one unless a season is named): types, texts, the 示例 image, per exam category whether it is required, the
 * number of images, the order. The catalog is read live by the upload page and the submission check, so a
 * change applies at once to every candidate who has not submitted yet (what is submitted is locked and stays);
 * every change is recorded with who and when.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class CatalogAdminService {

    private static final Logger log = LoggerFactory.getLogger(CatalogAdminService.class);
    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int MAX_EXAMPLE_BYTES = 1024 * 1024;
    static final int MAX_COUNT = 20;
    private static final String EXAMPLE_PATH = MaterialType.UPLOADED_EXAMPLE_PATH;

    public record TypeForm(String code, String name, String nameEn, String description, Integer minCount,
                           Integer maxCount, Integer sortOrder, Set<String> requiredFor) {
    }

    private final DistrictSetupService districts;
    private final MaterialCatalog types;
    private final CatalogChangeRepository changes;
    private final ImageStore store;
    private final Seasons seasons;
    private final Clock clock;

    CatalogAdminService(DistrictSetupService districts, MaterialCatalog types, CatalogChangeRepository changes,
                        ImageStore store, Seasons seasons, Clock clock) {
        this.seasons = seasons;
        this.districts = districts;
        this.types = types;
        this.changes = changes;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MaterialType> catalog(String districtCode) {
        return catalog(null, districtCode);
    }

    /** @param seasonCode the season, {@code null} for the current one */
    @Transactional(readOnly = true)
    public List<MaterialType> catalog(String seasonCode, String districtCode) {
        String season = seasons.require(seasonCode).getCode();
        districts.district(districtCode);
        return types.of(season, districtCode);
    }

    @Transactional(readOnly = true)
    public MaterialType type(String districtCode, String typeCode) {
        return type(null, districtCode, typeCode);
    }

    @Transactional(readOnly = true)
    public MaterialType type(String seasonCode, String districtCode, String typeCode) {
        String season = seasons.require(seasonCode).getCode();
        districts.district(districtCode);
        return types.find(season, districtCode, typeCode)
                .orElseThrow(() -> ShenchaException.notFound("MATERIAL_TYPE_NOT_FOUND", typeCode));
    }

    @Transactional(readOnly = true)
    public List<CatalogChange> changes(String districtCode) {
        return changes(null, districtCode);
    }

    @Transactional(readOnly = true)
    public List<CatalogChange> changes(String seasonCode, String districtCode) {
        String season = seasons.require(seasonCode).getCode();
        districts.district(districtCode);
        return changes.findBySeasonCodeAndDistrictCodeOrderByChangedAtDescIdDesc(season, districtCode);
    }

    @Transactional
    public DistrictSetupService.Outcome save(String districtCode, TypeForm form) {
        return save(null, districtCode, form);
    }

    /** Creates the type or changes it; UNCHANGED (and nothing recorded) when the form says what is there. */
    @Transactional
    public DistrictSetupService.Outcome save(String seasonCode, String districtCode, TypeForm form) {
        String season = seasons.require(seasonCode).getCode();
        districts.district(districtCode);
        TypeForm valid = validate(form);
        MaterialType existing = types.find(season, districtCode, valid.code()).orElse(null);
        if (existing == null) {
            MaterialType created = types.add(new MaterialType(season, districtCode, valid.code(), valid.name(),
                    valid.nameEn(), valid.description(), null, valid.minCount(), valid.maxCount(), valid.sortOrder(),
                    valid.requiredFor()));
            record(season, districtCode, valid.code(), CatalogChange.Action.CREATED, null, describe(created));
            return DistrictSetupService.Outcome.CREATED;
        }
        String before = describe(existing);
        existing.update(valid.name(), valid.nameEn(), valid.description(), valid.minCount(), valid.maxCount(),
                valid.sortOrder(), valid.requiredFor());
        String after = describe(existing);
        if (before.equals(after)) {
            return DistrictSetupService.Outcome.UNCHANGED;
        }
        record(season, districtCode, valid.code(), CatalogChange.Action.UPDATED, before, after);
        return DistrictSetupService.Outcome.UPDATED;
    }

    @Transactional
    public MaterialType setExample(String districtCode, String typeCode, byte[] content) {
        return setExample(null, districtCode, typeCode, content);
    }

    /** The 示例 image candidates see beside the upload button: a JPEG or PNG up to 1 MB. */
    @Transactional
    public MaterialType setExample(String seasonCode, String districtCode, String typeCode, byte[] content) {
        MaterialType type = type(seasonCode, districtCode, typeCode);
        String extension = extension(content);
        if (content.length > MAX_EXAMPLE_BYTES) {
            throw ShenchaException.badRequest("EXAMPLE_TOO_LARGE", MAX_EXAMPLE_BYTES / 1024);
        }
        String key;
        try {
            key = store.put(content, extension);
        } catch (IOException e) {
            log.error("Cannot store the example image of {}/{}", districtCode, typeCode, e);
            throw ShenchaException.storageFailed();
        }
        String before = type.getExampleImage();
        filesFollowTheRow(key, before);
        type.setExampleImage(EXAMPLE_PATH + key);
        record(type.getSeasonCode(), districtCode, typeCode, CatalogChange.Action.EXAMPLE, before, type.getExampleImage());
        return type;
    }

    /**
     * The file and the row go together, as for the candidates' images: if this transaction does not commit, the
     * new file goes at once; if it does, the replaced uploaded example goes (the orphan sweeper is the fallback).
     */
    private void filesFollowTheRow(String newKey, String replaced) {
        String replacedKey = replaced != null && replaced.startsWith(EXAMPLE_PATH) ? replaced.substring(EXAMPLE_PATH.length()) : null;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                String obsolete = status == STATUS_COMMITTED ? replacedKey : newKey;
                if (obsolete != null) {
                    try {
                        store.delete(obsolete);
                    } catch (IOException | RuntimeException e) {
                        log.warn("Cannot remove example file {} now; the orphan sweeper will: {}", obsolete, e.getMessage());
                    }
                }
            }
        });
    }

    /** By the file's first bytes, as for the candidates' uploads (FileKind), never by its name. */
    private static String extension(byte[] content) {
        return switch (FileKind.of(content)) {
            case JPEG -> "jpg";
            case PNG -> "png";
            default -> throw ShenchaException.badRequest("EXAMPLE_NOT_AN_IMAGE");
        };
    }

    private void record(String seasonCode, String districtCode, String typeCode, CatalogChange.Action action,
                        String before, String after) {
        changes.save(new CatalogChange(seasonCode, districtCode, typeCode, action, CurrentUser.require().username(), clock.instant(),
                before, after));
    }

    /** The type's rules as one line for the record, in a fixed order so equal rules read equal. */
    static String describe(MaterialType t) {
        return "%s｜%s｜%s｜%d-%d张｜顺序%d｜必需：%s｜%s".formatted(t.getName(), t.getNameEn(), t.getDescription(),
                t.getMinCount(), t.getMaxCount(), t.getSortOrder(),
                t.getRequiredFor().isEmpty() ? "无" : String.join("、", ordered(t.getRequiredFor())),
                t.getExampleImage() == null ? "" : t.getExampleImage());
    }

    private static List<String> ordered(Set<String> categories) {
        return ExamCategories.ALL.stream().filter(categories::contains).toList();
    }

    /** Every rule checked at once, so the administrator sees all the reasons together. */
    static TypeForm validate(TypeForm form) {
        List<String> problems = new ArrayList<>();
        String code = DistrictSetupService.trim(form.code());
        if (code == null || !TYPE_CODE.matcher(code).matches()) {
            problems.add("code");
        }
        String name = DistrictSetupService.trim(form.name());
        if (name == null || name.length() > 100) {
            problems.add("name");
        }
        String nameEn = DistrictSetupService.trim(form.nameEn());
        if (nameEn != null && nameEn.length() > 100) {
            problems.add("nameEn");
        }
        String description = DistrictSetupService.trim(form.description());
        if (description == null || description.length() > 1000) {
            problems.add("description");
        }
        int min = form.minCount() == null ? 0 : form.minCount();
        int max = form.maxCount() == null ? 1 : form.maxCount();
        if (min < 0 || max < 1 || max > MAX_COUNT || min > max) {
            problems.add("count");
        }
        Set<String> requiredFor = new TreeSet<>(form.requiredFor() == null ? Set.of() : form.requiredFor());
        List<String> unknown = requiredFor.stream().filter(c -> !ExamCategories.isKnown(c)).toList();
        if (!unknown.isEmpty()) {
            problems.add("requiredFor");
        }
        if (!requiredFor.isEmpty() && min < 1) {
            problems.add("count");
        }
        if (!problems.isEmpty()) {
            throw new ShenchaException("MATERIAL_TYPE_INVALID", HttpStatus.BAD_REQUEST,
                    problems.stream().distinct().map(p -> "catalog.field." + p).toList());
        }
        return new TypeForm(code, name, nameEn == null ? name : nameEn, description, min, max,
                form.sortOrder() == null ? 0 : form.sortOrder(), requiredFor);
    }
}
