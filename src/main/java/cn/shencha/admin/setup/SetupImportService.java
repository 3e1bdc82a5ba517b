package cn.shencha.admin.setup;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.ExamCategories;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's districts, exam sites and catalogs from one YAML file (see docs/admin.md). Every entry is
 * checked and saved on its own, in its own transaction: good entries are applied, bad ones reported with
 * where they are and why. Loading the same file again changes nothing (every entry reports UNCHANGED).
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class SetupImportService {

    /** The file's shape: {@code districts: [{code, name, maxImageKb, sites: [...], catalog: [...]}]}. */
    public record SetupFile(List<DistrictEntry> districts) {
    }

    public record DistrictEntry(String code, String name, Integer maxImageKb, List<SiteEntry> sites,
                                List<TypeEntry> catalog) {
    }

    public record SiteEntry(String code, String name) {
    }

    /** {@code requiredFor}: exam categories, or {@code 全部}/{@code ALL} for every category. */
    public record TypeEntry(String code, String name, String nameEn, String description, Integer min, Integer max,
                            Integer order, List<String> requiredFor) {
    }

    public enum Kind { DISTRICT, SITE, MATERIAL_TYPE }

    public record Row(String where, Kind kind, String code, DistrictSetupService.Outcome outcome, String errorCode,
                      String message) {

        public boolean refused() {
            return errorCode != null;
        }
    }

    public record Report(boolean dryRun, int created, int updated, int unchanged, int refused, List<Row> rows) {
    }

    private static final Set<String> ALL_CATEGORIES = Set.of("全部", "ALL", "all");

    // An empty list item ("- " alone) is a mistake in the file, refused with where it is, not an entry to skip.
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    private final DistrictSetupService districts;
    private final CatalogAdminService catalog;
    private final TransactionTemplate tx;
    private final Messages messages;

    SetupImportService(DistrictSetupService districts, CatalogAdminService catalog, TransactionTemplate tx,
                       Messages messages) {
        this.districts = districts;
        this.catalog = catalog;
        this.tx = tx;
        this.messages = messages;
    }

    public Report load(byte[] content, boolean dryRun, Locale locale) {
        SetupFile file;
        try {
            file = yaml.readValue(content, SetupFile.class);
        } catch (IOException e) {
            throw new ShenchaException("SETUP_FILE_INVALID", HttpStatus.BAD_REQUEST, problem(e, locale));
        }
        if (file == null || file.districts() == null || file.districts().isEmpty()) {
            throw ShenchaException.badRequest("SETUP_FILE_EMPTY");
        }
        // A dry run checks every entry in one transaction rolled back at the end, so a new district's sites
        // and catalog are checked against it as a real load would.
        List<Row> rows = dryRun
                ? tx.execute(status -> {
                    status.setRollbackOnly();
                    return rows(file, locale);
                })
                : rows(file, locale);
        int created = count(rows, DistrictSetupService.Outcome.CREATED);
        int updated = count(rows, DistrictSetupService.Outcome.UPDATED);
        int unchanged = count(rows, DistrictSetupService.Outcome.UNCHANGED);
        int refused = (int) rows.stream().filter(Row::refused).count();
        return new Report(dryRun, created, updated, unchanged, refused, rows);
    }

    private List<Row> rows(SetupFile file, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < file.districts().size(); d++) {
            DistrictEntry entry = file.districts().get(d);
            String where = "districts[" + (d + 1) + "]";
            Row districtRow = apply(where, Kind.DISTRICT, entry.code(), locale,
                    () -> districts.saveDistrict(new DistrictSetupService.DistrictForm(entry.code(), entry.name(), entry.maxImageKb())));
            rows.add(districtRow);
            if (districtRow.refused()) {
                continue;
            }
            List<SiteEntry> sites = entry.sites() == null ? List.of() : entry.sites();
            for (int s = 0; s < sites.size(); s++) {
                SiteEntry site = sites.get(s);
                rows.add(apply(where + ".sites[" + (s + 1) + "]", Kind.SITE, site.code(), locale,
                        () -> districts.saveSite(entry.code(), new DistrictSetupService.SiteForm(site.code(), site.name()))));
            }
            List<TypeEntry> types = entry.catalog() == null ? List.of() : entry.catalog();
            Set<String> seen = new HashSet<>();
            for (int t = 0; t < types.size(); t++) {
                TypeEntry type = types.get(t);
                String typeWhere = where + ".catalog[" + (t + 1) + "]";
                if (type.code() != null && !seen.add(type.code())) {
                    rows.add(refusal(typeWhere, Kind.MATERIAL_TYPE, type.code(),
                            new ShenchaException("MATERIAL_TYPE_TWICE", HttpStatus.BAD_REQUEST, type.code()), locale));
                    continue;
                }
                int order = type.order() == null ? (t + 1) * 10 : type.order();
                rows.add(apply(typeWhere, Kind.MATERIAL_TYPE, type.code(), locale,
                        () -> catalog.save(entry.code(), new CatalogAdminService.TypeForm(type.code(), type.name(),
                                type.nameEn(), type.description(), type.min(), type.max(), order, categories(type.requiredFor())))));
            }
        }
        return rows;
    }

    /**
     * Where the file is wrong and why, in the user's words: the parser's own message names Java classes
     * ("Cannot deserialize value of type `java.lang.Integer`...") and is English only.
     */
    private String problem(IOException e, Locale locale) {
        JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
        Object line = at == null || at.getLineNr() < 1 ? "?" : at.getLineNr();
        if (e instanceof UnrecognizedPropertyException unknown) {
            // No line: the parser reports where it stopped after the field, the path names the field itself.
            return messages.get(locale, "setup.file.unknownField", line, path(unknown), unknown.getPropertyName());
        }
        if (e instanceof InvalidNullException empty) {
            return messages.get(locale, "setup.file.emptyEntry", line, path(empty));
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return messages.get(locale, "setup.file.numberTooLarge", line, e instanceof JsonMappingException m ? path(m) : "");
        }
        // A syntax error met inside an entry comes wrapped with the entry's path.
        JsonParseException syntax = e instanceof JsonParseException p ? p
                : e.getCause() instanceof JsonParseException p ? p : null;
        if (syntax == null && e instanceof JsonMappingException wrong) {
            return messages.get(locale, "setup.file.wrongValue", line, path(wrong));
        }
        JsonLocation where = syntax == null ? at : syntax.getLocation();
        return messages.get(locale, "setup.file.syntax", where == null || where.getLineNr() < 1 ? "?" : where.getLineNr(),
                where == null || where.getColumnNr() < 1 ? "?" : where.getColumnNr());
    }

    /** {@code districts[1].sites[2].name}: numbered from 1 as in the report. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static Set<String> categories(List<String> requiredFor) {
        if (requiredFor == null) {
            return Set.of();
        }
        if (requiredFor.stream().anyMatch(ALL_CATEGORIES::contains)) {
            return Set.copyOf(ExamCategories.ALL);
        }
        return new LinkedHashSet<>(requiredFor);
    }

    private interface Step {
        DistrictSetupService.Outcome run();
    }

    /** One entry in its own transaction (or in the dry run's): a refused entry changes nothing. */
    private Row apply(String where, Kind kind, String code, Locale locale, Step step) {
        try {
            DistrictSetupService.Outcome outcome = tx.execute(status -> step.run());
            return new Row(where, kind, code, outcome, null, null);
        } catch (ShenchaException e) {
            return refusal(where, kind, code, e, locale);
        }
    }

    private Row refusal(String where, Kind kind, String code, ShenchaException e, Locale locale) {
        return new Row(where, kind, code, null, e.getCode(), messages.describe(locale, e));
    }

    private static int count(List<Row> rows, DistrictSetupService.Outcome outcome) {
        return (int) rows.stream().filter(r -> outcome == r.outcome()).count();
    }
}
