package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.Phase;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;

/** Candidate import from the registration system's CSV, in UTF-8 and GBK. Runs on H2 and on MariaDB. */
abstract class CandidateImportContract {

    static final String HEADER = "registrationNo,name,idNumber,phone,examCategory,districtCode,siteCode";
    static final Charset GBK = Charset.forName("GBK");
    private static final AtomicInteger ID_SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 9000));

    @Autowired
    ApplicationContext context;
    @Autowired
    CandidateImportService importer;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SubmissionService submissions;
    @Autowired
    TestData testData;

    AdminTestData data;

    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        AdminTestData.signInAsAdmin();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        AdminTestData.signOut();
        LocaleContextHolder.resetLocaleContext();
    }

    /** A new registration number and a valid, distinct ID number. */
    record Person(String registrationNo, String idNumber) {
        static Person next() {
            return new Person(TestData.uniqueRegistrationNo(AdminTestData.SITE),
                    IdNumbers.withCheckCharacter("31010119900101" + String.format("%03d", ID_SEQUENCE.incrementAndGet() % 1000)));
        }

        String row(String name, String category, String district, String site) {
            return String.join(",", registrationNo, name, idNumber, "13912345678", category, district, site);
        }
    }

    static byte[] csv(Charset charset, String... rows) {
        return (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(charset);
    }

    @Test
    void goodBadAndRepeatedRowsInUtf8() {
        goodBadAndRepeatedRows(StandardCharsets.UTF_8, "auto", "UTF-8");
    }

    @Test
    void goodBadAndRepeatedRowsInGbk() {
        goodBadAndRepeatedRows(GBK, "auto", "GBK");
    }

    @Test
    void gbkChosenExplicitly() {
        goodBadAndRepeatedRows(GBK, "GBK", "GBK");
    }

    private void goodBadAndRepeatedRows(Charset charset, String encoding, String detected) {
        Person zhang = Person.next();
        Person wang = Person.next();
        Person badId = Person.next();
        Person unknownSite = Person.next();
        Person foreignSite = Person.next();
        Person unknownCategory = Person.next();
        Person twice = Person.next();
        Person twiceAgain = new Person(twice.registrationNo(), Person.next().idNumber());
        String wrongCheck = badId.idNumber().substring(0, 17) + (badId.idNumber().endsWith("0") ? "1" : "0");
        byte[] file = csv(charset,
                zhang.row("张伟", "临床执业医师", "31", "3101"),                                     // line 2
                wang.row("王芳", "口腔执业助理医师", "31", "3102"),                                  // line 3
                String.join(",", badId.registrationNo(), "李娜", wrongCheck, "", "临床执业医师", "31", "3101"), // 4
                unknownSite.row("刘洋", "中医执业医师", "31", "3999"),                               // line 5
                foreignSite.row("陈静", "公共卫生执业医师", "31", AdminTestData.FOREIGN_SITE),       // line 6
                unknownCategory.row("杨磊", "兽医", "31", "3101"),                                   // line 7
                twice.row("赵敏", "临床执业医师", "31", "3101"),                                     // line 8
                twiceAgain.row("赵敏", "临床执业医师", "31", "3101"));                               // line 9

        CandidateImportService.ImportReport report = importer.importCsv(file, encoding, false, Progress.NONE);

        assertThat(report.encoding()).isEqualTo(detected);
        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.processesStarted()).isEqualTo(2);
        assertThat(report.refusedRows()).isEqualTo(6);
        Map<Integer, List<String>> codesByLine = report.errors().stream().collect(Collectors.groupingBy(
                CandidateImportService.RowError::line, Collectors.mapping(CandidateImportService.RowError::code, Collectors.toList())));
        assertThat(codesByLine).containsOnlyKeys(4, 5, 6, 7, 8, 9);
        assertThat(codesByLine.get(4)).containsExactly("INVALID_ID_NUMBER");
        assertThat(codesByLine.get(5)).containsExactly("UNKNOWN_SITE");
        assertThat(codesByLine.get(6)).containsExactly("SITE_NOT_IN_DISTRICT");
        assertThat(codesByLine.get(7)).containsExactly("UNKNOWN_CATEGORY");
        assertThat(codesByLine.get(8)).containsExactly("DUPLICATE_IN_FILE");
        assertThat(codesByLine.get(9)).containsExactly("DUPLICATE_IN_FILE");
        assertThat(report.errors()).filteredOn(e -> e.line() == 8).first()
                .satisfies(e -> assertThat(e.message()).contains("9"));
        assertThat(report.errors()).filteredOn(e -> e.line() == 7).first()
                .satisfies(e -> assertThat(e.message()).contains("兽医"));

        Candidate imported = candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, zhang.registrationNo()).orElseThrow();
        assertThat(imported.getName()).isEqualTo("张伟");
        assertThat(imported.getExamCategory()).isEqualTo("临床执业医师");
        assertThat(imported.getSiteCode()).isEqualTo("3101");
        assertThat(testData.state(imported).phase()).isEqualTo(Phase.UPLOADING);
        assertThat(runtimeService.getActiveActivityIds(testData.state(imported).processInstanceId()))
                .containsExactly(MaterialReviewProcess.AWAIT_SUBMISSION);
        assertThat(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, wang.registrationNo()).orElseThrow().getExamCategory())
                .isEqualTo("口腔执业助理医师");
        for (Person refused : List.of(badId, unknownSite, foreignSite, unknownCategory, twice)) {
            assertThat(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, refused.registrationNo())).isEmpty();
        }

        // Importing the same file again creates nobody and starts nothing.
        CandidateImportService.ImportReport again = importer.importCsv(file, encoding, false, Progress.NONE);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.processesStarted()).isZero();
        assertThat(again.refusedRows()).isEqualTo(6);
        assertThat(testData.state(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, zhang.registrationNo()).orElseThrow()).processInstanceId())
                .isEqualTo(testData.state(imported).processInstanceId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(zhang.registrationNo()).count())
                .isEqualTo(1);
    }

    @Test
    void aReimportUpdatesChangedRowsAndAMoveBetweenSitesFollowsTheProcess() {
        Person p = Person.next();
        importer.importCsv(csv(StandardCharsets.UTF_8, p.row("张伟", "临床执业医师", "31", "3101")), "auto", false, Progress.NONE);

        CandidateImportService.ImportReport report = importer.importCsv(csv(StandardCharsets.UTF_8,
                String.join(",", p.registrationNo(), "张伟伟", p.idNumber(), "", "临床执业助理医师", "31", "3102")),
                "UTF-8", false, Progress.NONE);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        Candidate c = candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, p.registrationNo()).orElseThrow();
        assertThat(c.getName()).isEqualTo("张伟伟");
        assertThat(c.getPhone()).isNull();
        assertThat(c.getExamCategory()).isEqualTo("临床执业助理医师");
        assertThat(c.getSiteCode()).isEqualTo("3102");
        assertThat(runtimeService.getVariable(testData.state(c).processInstanceId(), MaterialReviewProcess.VAR_SITE_CODE)).isEqualTo("3102");
    }

    @Test
    void theDistrictNeverChangesAndTheSiteOnlyBeforeSubmission() {
        Candidate submitted = data.candidate();
        testData.completeRequiredMaterials(submitted);
        submissions.submit(submitted.getId(), Locale.SIMPLIFIED_CHINESE);
        Candidate uploading = data.candidate();

        CandidateImportService.ImportReport report = importer.importCsv(csv(StandardCharsets.UTF_8,
                        String.join(",", submitted.getRegistrationNo(), "测试考生", submitted.getIdNumber(), "13800000000",
                                "临床执业医师", "31", "3102"),
                        String.join(",", uploading.getRegistrationNo(), "测试考生", uploading.getIdNumber(), "13800000000",
                                "临床执业医师", AdminTestData.FOREIGN_DISTRICT, AdminTestData.FOREIGN_SITE)),
                "auto", false, Progress.NONE);

        assertThat(report.errors()).extracting(CandidateImportService.RowError::code)
                .containsExactly("SITE_CHANGE_NOT_ALLOWED", "DISTRICT_CHANGE_NOT_ALLOWED");
        assertThat(testData.reload(submitted).getSiteCode()).isEqualTo("3101");
        assertThat(testData.reload(uploading).getDistrictCode()).isEqualTo("31");
    }

    @Test
    void aDryRunChecksButImportsNothing() {
        Person p = Person.next();

        CandidateImportService.ImportReport report = importer.importCsv(
                csv(StandardCharsets.UTF_8, p.row("张伟", "临床执业医师", "31", "3101")), "auto", true, Progress.NONE);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, p.registrationNo())).isEmpty();
    }

    @Test
    void aUtf8FileWithByteOrderMarkAndQuotedValuesIsRead() {
        Person p = Person.next();
        byte[] body = (HEADER + "\n\"" + p.registrationNo() + "\",\" 张伟 \"," + p.idNumber().toLowerCase(Locale.ROOT)
                + ",,临床执业医师,31,3101\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        CandidateImportService.ImportReport report = importer.importCsv(withBom, "auto", false, Progress.NONE);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.encoding()).isEqualTo("UTF-8");
        Candidate c = candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, p.registrationNo()).orElseThrow();
        assertThat(c.getName()).isEqualTo("张伟");
        assertThat(c.getIdNumber()).isEqualTo(p.idNumber().toUpperCase(Locale.ROOT));
    }

    @Test
    void wholeFileProblemsAreRefused() {
        Person p = Person.next();
        byte[] gbk = csv(GBK, p.row("张伟", "临床执业医师", "31", "3101"));
        assertRefused(() -> importer.importCsv(gbk, "UTF-8", false, Progress.NONE), "IMPORT_ENCODING_INVALID");
        assertRefused(() -> importer.importCsv(gbk, "latin1", false, Progress.NONE), "IMPORT_ENCODING_UNKNOWN");
        assertRefused(() -> importer.importCsv(new byte[0], "auto", false, Progress.NONE), "IMPORT_EMPTY");
        assertRefused(() -> importer.importCsv(HEADER.getBytes(StandardCharsets.UTF_8), "auto", false, Progress.NONE), "IMPORT_EMPTY");
        assertThatThrownBy(() -> importer.importCsv("registrationNo,name,idNumber\n1,2,3\n".getBytes(StandardCharsets.UTF_8),
                "auto", false, Progress.NONE))
                .isInstanceOfSatisfying(ShenchaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("IMPORT_HEADER_INVALID");
                    assertThat(e.getDetails()).containsExactly("phone", "examCategory", "districtCode", "siteCode");
                });
        assertThat(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, p.registrationNo())).isEmpty();
    }

    @Test
    void importedCandidatesAreFoundByNumberNameOrIdNumber() {
        Person p = Person.next();
        importer.importCsv(csv(StandardCharsets.UTF_8, p.row("诸葛孔明", "中医执业助理医师", "31", "3102")), "auto", false, Progress.NONE);
        CandidateSearchService search = context.getBean(CandidateSearchService.class);

        // A prefix finds numbers that start with it (at most 50: the shared test database holds many such numbers).
        assertThat(search.search(p.registrationNo().substring(0, 10))).extracting(CandidateSearchService.CandidateSummary::registrationNo)
                .isNotEmpty().allSatisfy(no -> assertThat(no).startsWith(p.registrationNo().substring(0, 10)));
        assertThat(search.search(p.registrationNo())).extracting(CandidateSearchService.CandidateSummary::registrationNo)
                .containsExactly(p.registrationNo());
        assertThat(search.search("葛孔")).extracting(CandidateSearchService.CandidateSummary::registrationNo)
                .contains(p.registrationNo());
        assertThat(search.search(p.idNumber().toLowerCase(Locale.ROOT))).singleElement()
                .satisfies(s -> assertThat(s.maskedIdNumber()).doesNotContain(p.idNumber().substring(6, 14)));
        assertThat(search.search("100%_!")).isEmpty();
        CandidateSearchService.CandidateDetail detail = search.detail(p.registrationNo(), Locale.SIMPLIFIED_CHINESE);
        assertThat(detail.status()).isEqualTo(CaseStatus.NOT_STARTED);
        assertThat(detail.siteCode()).isEqualTo("3102");
        assertThat(detail.materials()).isNotEmpty().allSatisfy(m -> assertThat(m.images()).isZero());
        assertThat(detail.history()).extracting(CandidateSearchService.HistoryLine::activityId)
                .containsExactly("candidateRegistered", MaterialReviewProcess.AWAIT_SUBMISSION);
    }

    @Test
    void onlyAdministratorsImport() {
        AdminTestData.signInAsReviewer();
        assertThatThrownBy(() -> importer.importCsv(csv(StandardCharsets.UTF_8, Person.next().row("张伟", "临床执业医师", "31", "3101")),
                "auto", false, Progress.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo(code));
    }
}
