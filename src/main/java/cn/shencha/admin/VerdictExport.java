package cn.shencha.admin;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.Verdict;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's verdicts as CSV, for the registration system and for Excel: UTF-8 with a byte-order mark
 * (Excel then reads the Chinese correctly) or GBK. Full ID numbers: administrators only. No cell can be a formula
 * ({@link CsvCells}).
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class VerdictExport {

    static final String[] HEADER = {"registrationNo", "name", "idNumber", "examCategory", "districtCode", "siteCode",
            "verdict", "verdictText", "reason", "decidedAt", "publishedAt"};

    private final AdminQueries queries;
    private final DistrictRepository districts;
    private final Messages messages;
    private final Seasons seasons;
    private final CaseStates cases;

    VerdictExport(AdminQueries queries, DistrictRepository districts, Messages messages, Seasons seasons,
                  CaseStates cases) {
        this.seasons = seasons;
        this.cases = cases;
        this.queries = queries;
        this.districts = districts;
        this.messages = messages;
    }

    /** Verdicts decided and published so far. */
    public record Summary(int approved, int rejected, int published) {
    }

    @Transactional(readOnly = true)
    public Summary summary(String districtCode) {
        return summary(null, districtCode);
    }

    /** @param seasonCode the season, {@code null} for the current one */
    @Transactional(readOnly = true)
    public Summary summary(String seasonCode, String districtCode) {
        Collection<CaseState> decided = verdicts(seasons.require(seasonCode).getCode(), districtCode).values();
        int approved = (int) decided.stream().filter(s -> s.verdict() == Verdict.APPROVED).count();
        int published = (int) decided.stream().filter(s -> s.verdictPublishedAt() != null).count();
        return new Summary(approved, decided.size() - approved, published);
    }

    public static String fileName(String seasonCode, String districtCode) {
        return "verdicts-" + seasonCode + "-" + districtCode + ".csv";
    }

    /** @return how many verdicts were written */
    @Transactional(readOnly = true)
    public int write(String districtCode, String encoding, OutputStream out) throws IOException {
        return write(null, districtCode, encoding, out);
    }

    /** @param seasonCode the season, {@code null} for the current one */
    @Transactional(readOnly = true)
    public int write(String seasonCode, String districtCode, String encoding, OutputStream out) throws IOException {
        String season = seasons.require(seasonCode).getCode();
        if (!districts.existsById(districtCode)) {
            throw ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode);
        }
        CsvEncoding csvEncoding = CsvEncoding.of(encoding);
        Charset charset = csvEncoding == CsvEncoding.GBK ? CsvEncoding.GB18030 : StandardCharsets.UTF_8;
        if (charset == StandardCharsets.UTF_8) {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int n = 0;
        Writer writer = new OutputStreamWriter(out, charset);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        for (Map.Entry<Candidate, CaseState> verdict : verdicts(season, districtCode).entrySet()) {
            Candidate c = verdict.getKey();
            CaseState s = verdict.getValue();
            printer.printRecord(Stream.of(c.getRegistrationNo(), c.getName(), c.getIdNumber(), c.getExamCategory(),
                    c.getDistrictCode(), c.getSiteCode(), s.verdict().name(),
                    messages.get(Messages.DEFAULT_LOCALE, "admin.verdict." + s.verdict().name()),
                    s.verdictReason(), iso(s.verdictDecidedAt()), iso(s.verdictPublishedAt()))
                    .map(CsvCells::neutralized));
            n++;
        }
        printer.flush();
        return n;
    }

    /** The district's decided candidates in export order, each with its case. */
    private Map<Candidate, CaseState> verdicts(String seasonCode, String districtCode) {
        List<Candidate> decided = queries.verdicts(seasonCode, districtCode);
        Map<Long, CaseState> states = cases.of(decided.stream().map(Candidate::getId).toList());
        Map<Candidate, CaseState> result = new LinkedHashMap<>();
        decided.forEach(c -> result.put(c, states.get(c.getId())));
        return result;
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : OffsetDateTime.ofInstant(instant, ShanghaiTime.ZONE).toString();
    }
}
