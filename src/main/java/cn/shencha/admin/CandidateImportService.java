package cn.shencha.admin;

import cn.shencha.exam.ExamSeason;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.Phase;
import cn.shencha.review.CandidateProcessStarter;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports candidates from the registration system's CSV export (header
 * {@code registrationNo,name,idNumber,phone,examCategory,districtCode,siteCode}, UTF-8 or GBK). Every row is
 * checked on its own and refused with its reasons; the good rows are imported. Re-importing is safe: a known
 * registration number updates that candidate, an unchanged row changes nothing. Each new candidate's material
 * review starts at once. Rows are written in chunks, each in its own transaction.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class CandidateImportService {

    public static final List<String> HEADER = List.of(
            "registrationNo", "name", "idNumber", "phone", "examCategory", "districtCode", "siteCode");
    static final int CHUNK = 200;
    private static final Pattern REGISTRATION_NO = Pattern.compile("\\d{1,32}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final Logger log = LoggerFactory.getLogger(CandidateImportService.class);

    public record RowError(int line, String registrationNo, String code, String message) {
    }

    public record ImportReport(String encoding, boolean dryRun, int rows, int created, int updated, int unchanged,
                               int processesStarted, int refusedRows, List<RowError> errors) {
    }

    /** One data row of the file, trimmed. */
    record Row(int line, String registrationNo, String name, String idNumber, String phone, String examCategory,
               String districtCode, String siteCode) {
    }

    private record Outcome(int created, int updated, int unchanged, int started, List<RowError> errors) {
    }

    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final AdminQueries queries;
    private final CandidateProcessStarter processStarter;
    private final CaseStates cases;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Seasons seasons;

    CandidateImportService(CandidateRepository candidates, DistrictRepository districts, ExamSiteRepository sites,
                           AdminQueries queries, CandidateProcessStarter processStarter, CaseStates cases,
                           Messages messages, PlatformTransactionManager transactionManager, Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.candidates = candidates;
        this.districts = districts;
        this.sites = sites;
        this.queries = queries;
        this.processStarter = processStarter;
        this.cases = cases;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @param encoding "auto" (or blank), "UTF-8" or "GBK"
     * @param dryRun   check and count only, change nothing
     */
    public ImportReport importCsv(byte[] content, String encoding, boolean dryRun, Progress progress) {
        return importCsv(null, content, encoding, dryRun, progress);
    }

    /**
     * Imports into one season: a registration number is looked up (and created) in that season only, so a person
     * registered again next year gets a new candidate and a new case. A closed season takes no import.
     *
     * @param seasonCode the season, {@code null} for the current one
     */
    public ImportReport importCsv(String seasonCode, byte[] content, String encoding, boolean dryRun,
                                  Progress progress) {
        ExamSeason target = seasons.require(seasonCode);
        if (target.isClosed()) {
            throw ShenchaException.conflict("SEASON_CLOSED", target.getCode());
        }
        String season = target.getCode();
        Locale locale = Messages.currentLocale();
        CsvEncoding.Decoded decoded = CsvEncoding.of(encoding).decode(content);
        List<Row> rows = parse(decoded.text());

        Map<String, ExamSite> siteByCode = sites.findAll().stream()
                .collect(Collectors.toMap(ExamSite::getCode, Function.identity()));
        Set<String> districtCodes = districts.findAll().stream().map(District::getCode).collect(Collectors.toSet());
        Map<String, List<Integer>> linesByNo = rows.stream().collect(Collectors.groupingBy(Row::registrationNo,
                LinkedHashMap::new, Collectors.mapping(Row::line, Collectors.toList())));
        Map<String, List<Integer>> linesByIdNumber = rows.stream().filter(r -> !r.idNumber().isEmpty())
                .collect(Collectors.groupingBy(Row::idNumber, Collectors.mapping(Row::line, Collectors.toList())));

        List<RowError> errors = new ArrayList<>();
        List<Row> valid = new ArrayList<>();
        for (Row row : rows) {
            List<RowError> rowErrors = check(row, siteByCode, districtCodes, linesByNo, linesByIdNumber, locale);
            if (rowErrors.isEmpty()) {
                valid.add(row);
            } else {
                errors.addAll(rowErrors);
            }
        }

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int started = 0;
        progress.update(0, valid.size());
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Row> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            List<Outcome> outcomes = new ArrayList<>();
            try {
                outcomes.add(applyInTransaction(season, chunk, dryRun, locale));
            } catch (RuntimeException chunkFailed) {
                // Something no check foresaw (e.g. the same number imported at the same moment elsewhere):
                // find the row, let the others through.
                log.warn("Import chunk failed, retrying row by row: {}", chunkFailed.toString());
                for (Row row : chunk) {
                    try {
                        outcomes.add(applyInTransaction(season, List.of(row), dryRun, locale));
                    } catch (RuntimeException rowFailed) {
                        log.warn("Import of line {} failed", row.line(), rowFailed);
                        errors.add(error(row, "ROW_FAILED", locale));
                    }
                }
            }
            for (Outcome outcome : outcomes) {
                created += outcome.created();
                updated += outcome.updated();
                unchanged += outcome.unchanged();
                started += outcome.started();
                errors.addAll(outcome.errors());
            }
            progress.update(from + chunk.size(), valid.size());
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        int refused = (int) errors.stream().map(RowError::line).distinct().count();
        log.info("Candidate import ({}{}): {} rows, {} created, {} updated, {} unchanged, {} refused",
                decoded.encoding().label(), dryRun ? ", dry run" : "", rows.size(), created, updated, unchanged, refused);
        return new ImportReport(decoded.encoding().label(), dryRun, rows.size(), created, updated, unchanged, started,
                refused, List.copyOf(errors));
    }

    List<Row> parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw ShenchaException.badRequest("IMPORT_EMPTY");
            }
            List<String> missing = HEADER.stream()
                    .filter(column -> header.stream().noneMatch(h -> h.equalsIgnoreCase(column)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ShenchaException("IMPORT_HEADER_INVALID", HttpStatus.BAD_REQUEST, missing);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                // The header is line 1; a quoted value across line breaks makes the count approximate.
                int line = (int) record.getRecordNumber() + 1;
                rows.add(new Row(line, value(record, "registrationNo"), value(record, "name"),
                        value(record, "idNumber").toUpperCase(Locale.ROOT), value(record, "phone"),
                        value(record, "examCategory"), value(record, "districtCode"), value(record, "siteCode")));
            }
            if (rows.isEmpty()) {
                throw ShenchaException.badRequest("IMPORT_EMPTY");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ShenchaException.badRequest("IMPORT_CSV_INVALID", String.valueOf(e.getMessage()));
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? Objects.requireNonNullElse(record.get(column), "").strip() : "";
    }

    private List<RowError> check(Row row, Map<String, ExamSite> siteByCode, Set<String> districtCodes,
                                 Map<String, List<Integer>> linesByNo, Map<String, List<Integer>> linesByIdNumber,
                                 Locale locale) {
        List<RowError> errors = new ArrayList<>();
        if (!REGISTRATION_NO.matcher(row.registrationNo()).matches()) {
            errors.add(error(row, "INVALID_REGISTRATION_NO", locale));
        } else if (linesByNo.get(row.registrationNo()).size() > 1) {
            errors.add(error(row, "DUPLICATE_IN_FILE", locale, others(linesByNo.get(row.registrationNo()), row.line())));
        }
        if (row.name().isEmpty() || row.name().length() > 50) {
            errors.add(error(row, "INVALID_NAME", locale));
        }
        if (!IdNumbers.isValid(row.idNumber())) {
            errors.add(error(row, "INVALID_ID_NUMBER", locale));
        } else if (linesByIdNumber.get(row.idNumber()).size() > 1) {
            errors.add(error(row, "DUPLICATE_ID_NUMBER_IN_FILE", locale,
                    others(linesByIdNumber.get(row.idNumber()), row.line())));
        }
        if (!row.phone().isEmpty() && !PHONE.matcher(row.phone()).matches()) {
            errors.add(error(row, "INVALID_PHONE", locale));
        }
        if (!ExamCategories.isKnown(row.examCategory())) {
            errors.add(error(row, "UNKNOWN_CATEGORY", locale, row.examCategory()));
        }
        boolean districtKnown = districtCodes.contains(row.districtCode());
        if (!districtKnown) {
            errors.add(error(row, "UNKNOWN_DISTRICT", locale, row.districtCode()));
        }
        ExamSite site = siteByCode.get(row.siteCode());
        if (site == null) {
            errors.add(error(row, "UNKNOWN_SITE", locale, row.siteCode()));
        } else if (districtKnown && !site.getDistrictCode().equals(row.districtCode())) {
            errors.add(error(row, "SITE_NOT_IN_DISTRICT", locale, row.siteCode(), row.districtCode()));
        }
        return errors;
    }

    private static String others(List<Integer> lines, int line) {
        return lines.stream().filter(l -> l != line).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private Outcome applyInTransaction(String season, List<Row> rows, boolean dryRun, Locale locale) {
        return tx.execute(status -> {
            Outcome outcome = apply(season, rows, dryRun, locale);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return outcome;
        });
    }

    private Outcome apply(String season, List<Row> rows, boolean dryRun, Locale locale) {
        Map<String, Candidate> existing = queries.byRegistrationNos(season, rows.stream().map(Row::registrationNo).toList())
                .stream().collect(Collectors.toMap(Candidate::getRegistrationNo, Function.identity()));
        Map<Long, CaseState> states = cases.of(existing.values().stream().map(Candidate::getId).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int started = 0;
        List<RowError> errors = new ArrayList<>();
        for (Row row : rows) {
            Candidate candidate = existing.get(row.registrationNo());
            if (candidate == null) {
                if (!dryRun) {
                    candidate = candidates.save(new Candidate(season, row.registrationNo(), row.name(), row.idNumber(),
                            emptyToNull(row.phone()), row.examCategory(), row.districtCode(), row.siteCode(),
                            clock.instant()));
                    processStarter.start(candidate);
                }
                created++;
                started++;
                continue;
            }
            if (!candidate.getDistrictCode().equals(row.districtCode())) {
                errors.add(error(row, "DISTRICT_CHANGE_NOT_ALLOWED", locale, candidate.getDistrictCode()));
                continue;
            }
            CaseState state = states.get(candidate.getId());
            boolean siteChanged = !candidate.getSiteCode().equals(row.siteCode());
            if (siteChanged && state.phase() != Phase.UPLOADING) {
                errors.add(error(row, "SITE_CHANGE_NOT_ALLOWED", locale, candidate.getSiteCode()));
                continue;
            }
            boolean same = candidate.getName().equals(row.name()) && candidate.getIdNumber().equals(row.idNumber())
                    && Objects.equals(candidate.getPhone(), emptyToNull(row.phone()))
                    && candidate.getExamCategory().equals(row.examCategory()) && !siteChanged;
            if (same) {
                unchanged++;
            } else {
                if (!dryRun) {
                    candidate.updateRegistration(row.name(), row.idNumber(), emptyToNull(row.phone()),
                            row.examCategory(), row.districtCode(), row.siteCode());
                    if (siteChanged) {
                        processStarter.moveToSite(candidate);
                    }
                }
                updated++;
            }
            if (state.processInstanceId() == null) {
                if (!dryRun) {
                    processStarter.start(candidate);
                }
                started++;
            }
        }
        return new Outcome(created, updated, unchanged, started, errors);
    }

    private RowError error(Row row, String code, Locale locale, Object... args) {
        return new RowError(row.line(), row.registrationNo(), code,
                messages.get(locale, "admin.import.error." + code, args));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
