package cn.shencha.admin.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.CandidateImportService;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.Phase;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.TestImages;
import cn.shencha.review.Decision;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewDecisionService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.TestData;
import cn.shencha.base.i18n.Messages;
import cn.shencha.materials.storage.ImageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district set up from nothing by its administrator, on H2 and on MariaDB with the production profile:
 * the district, two sites and their reviewer groups, a catalog with one category's own requirement, then
 * candidates imported and one taken through the whole case to its published verdict.
 */
abstract class DistrictSetupContract {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String DENTAL_TRAINING = "DENTAL_TRAINING";

    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictSetupService setup;
    @Autowired
    CatalogAdminService catalog;
    @Autowired
    SetupImportService importer;
    @Autowired
    CandidateImportService candidateImport;
    @Autowired
    ScheduleAdminService schedules;
    @Autowired
    MaterialUploadService uploads;
    @Autowired
    MaterialOverviewService overviews;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ReviewDecisionService decisions;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestData testData;
    @Autowired
    Messages messages;
    @Autowired
    ImageStore store;
    @Autowired
    TransactionTemplate tx;

    String code;

    @BeforeEach
    void signIn() {
        AdminTestData.from(context);
        testData.resetDistricts();
        AdminTestData.signInAsAdmin();
        code = SetupFixtures.freeDistrictCode(context);
    }

    @AfterEach
    void signOut() {
        AdminTestData.signOut();
    }

    @Test
    void anAdministratorSetsUpADistrictFromNothingAndACandidateGoesThroughTheWholeCase() {
        setup.createDistrict(new DistrictSetupService.DistrictForm(code, "测试新考区", 300));
        setup.createSite(code, new DistrictSetupService.SiteForm(code + "01", "第一考点"));
        setup.createSite(code, new DistrictSetupService.SiteForm(code + "02", "第二考点"));

        assertThat(setup.district(code).getMaxImageBytes()).isEqualTo(300 * 1024);
        assertThat(setup.sites(code)).extracting(s -> s.getCode()).containsExactly(code + "01", code + "02");
        for (String group : List.of(MaterialReviewProcess.districtGroup(code), MaterialReviewProcess.siteGroup(code + "01"),
                MaterialReviewProcess.siteGroup(code + "02"))) {
            assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
        // The standard catalog is the new district's default; then the district's own requirement for dentists.
        assertThat(catalog.catalog(code)).extracting(MaterialType::getCode).contains("ID_CARD", "DIPLOMA", "PROBATION");
        assertThat(catalog.save(code, dentalTraining("口腔专业培训证明"))).isEqualTo(DistrictSetupService.Outcome.CREATED);
        // The administrator sets the real dates on 时间设置 (the provisional window is not open yet).
        schedules.changeSchedule(code, TestData.TIANJIN_2026, false, Progress.NONE);

        String dentist = TestData.uniqueRegistrationNo(code + "01");
        String clinician = TestData.uniqueRegistrationNo(code + "02");
        String dentistId = SetupFixtures.idNumber(code);
        String csv = String.join(",", CandidateImportService.HEADER) + "\n"
                + String.join(",", dentist, "张口腔", dentistId, "13900000001", ExamCategories.DENTAL, code, code + "01") + "\n"
                + String.join(",", clinician, "李临床", SetupFixtures.idNumber(code), "13900000002", ExamCategories.CLINICAL, code, code + "02") + "\n";
        CandidateImportService.ImportReport imported = candidateImport.importCsv(csv.getBytes(StandardCharsets.UTF_8), "auto", false, Progress.NONE);
        assertThat(imported.created()).isEqualTo(2);
        assertThat(imported.refusedRows()).isZero();

        Candidate c = candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, dentist).orElseThrow();
        Candidate other = candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, clinician).orElseThrow();
        assertThat(required(c.getId())).contains(DENTAL_TRAINING);
        assertThat(required(other.getId())).doesNotContain(DENTAL_TRAINING);

        int seed = 0;
        for (MaterialTypeOverview type : overviews.overview(c.getId(), ZH).types()) {
            for (int i = 0; type.required() && i < type.minCount(); i++) {
                byte[] picture = TestImages.jpeg(TestImages.document(900, 600, 7000 + seed++, 0), 0.8f);
                uploads.upload(c.getId(), type.typeCode(), "photo.jpg", picture, ZH);
            }
        }
        assertThat(overviews.overview(c.getId(), ZH).canSubmit()).isTrue();
        submissions.submit(c.getId(), ZH);

        AdminTestData.signInAsAdmin();
        decisions.decide(task(c, MaterialReviewProcess.SITE_REVIEW).getId(), AdminTestData.adminScope(),
                new DecisionCommand(Decision.PASS, null, List.of()));
        decisions.decide(task(c, MaterialReviewProcess.DISTRICT_REVIEW).getId(), AdminTestData.adminScope(),
                new DecisionCommand(Decision.APPROVE, null, List.of()));
        assertThat(schedules.publishNow(code).verdictsPublished()).isEqualTo(1);
        Candidate done = candidates.findById(c.getId()).orElseThrow();
        assertThat(testData.state(done).phase()).isEqualTo(Phase.APPROVED);
        assertThat(testData.state(done).verdictPublishedAt()).isNotNull();
    }

    @Test
    void aCatalogChangeAppliesToWhatIsNotSubmittedAndIsRecorded() {
        setup.createDistrict(new DistrictSetupService.DistrictForm(code, "记录考区", null));
        catalog.save(code, dentalTraining("口腔专业培训证明"));
        assertThat(catalog.save(code, dentalTraining("口腔专业培训证明"))).isEqualTo(DistrictSetupService.Outcome.UNCHANGED);
        assertThat(catalog.save(code, dentalTraining("口腔医学培训证明"))).isEqualTo(DistrictSetupService.Outcome.UPDATED);

        List<CatalogChange> record = catalog.changes(code);
        assertThat(record).extracting(CatalogChange::getAction)
                .containsExactly(CatalogChange.Action.UPDATED, CatalogChange.Action.CREATED);
        assertThat(record.get(0).getBefore()).contains("口腔专业培训证明");
        assertThat(record.get(0).getAfter()).contains("口腔医学培训证明").contains("口腔执业医师");
        assertThat(record.get(0).getChangedBy()).isEqualTo("admin-tester");

        MaterialType changed = catalog.type(code, DENTAL_TRAINING);
        assertThat(changed.isRequiredFor(ExamCategories.DENTAL)).isTrue();
        assertThat(changed.isRequiredFor(ExamCategories.CLINICAL)).isFalse();
    }

    @Test
    void everyBadInputIsRefusedWithItsReason() {
        refused(() -> setup.createDistrict(new DistrictSetupService.DistrictForm("1", "x", null)), "DISTRICT_CODE_INVALID");
        refused(() -> setup.createDistrict(new DistrictSetupService.DistrictForm(code, " ", null)), "NAME_INVALID");
        refused(() -> setup.createDistrict(new DistrictSetupService.DistrictForm(code, "x", 10)), "IMAGE_LIMIT_INVALID");
        refused(() -> setup.createDistrict(new DistrictSetupService.DistrictForm("12", "天津", null)), "DISTRICT_EXISTS");
        setup.createDistrict(new DistrictSetupService.DistrictForm(code, "校验考区", null));
        refused(() -> setup.createSite(code, new DistrictSetupService.SiteForm("1299", "x")), "SITE_CODE_NOT_IN_DISTRICT");
        refused(() -> setup.createSite(code, new DistrictSetupService.SiteForm(code + "1", "x")), "SITE_CODE_INVALID");
        refused(() -> setup.createSite(code, new DistrictSetupService.SiteForm("1201", "x")), "SITE_CODE_NOT_IN_DISTRICT");
        refused(() -> setup.createSite("00", new DistrictSetupService.SiteForm("0001", "x")), "DISTRICT_NOT_FOUND");
        setup.createSite(code, new DistrictSetupService.SiteForm(code + "01", "考点"));
        refused(() -> setup.createSite(code, new DistrictSetupService.SiteForm(code + "01", "考点")), "SITE_EXISTS");

        ShenchaException invalid = (ShenchaException) org.assertj.core.api.Assertions.catchThrowable(() -> catalog.save(code,
                new CatalogAdminService.TypeForm("bad code", "", null, "说明", 3, 2, 10, Set.of("兽医"))));
        assertThat(invalid.getCode()).isEqualTo("MATERIAL_TYPE_INVALID");
        assertThat(invalid.getDetails()).containsExactlyInAnyOrder("catalog.field.code", "catalog.field.name",
                "catalog.field.count", "catalog.field.requiredFor");
        refused(() -> catalog.setExample(code, "ID_CARD", "GIF89a....".getBytes(StandardCharsets.US_ASCII)), "EXAMPLE_NOT_AN_IMAGE");
        assertThat(catalog.changes(code)).isEmpty();
    }

    @Test
    void onlyAdministratorsSetUpDistricts() {
        AdminTestData.signInAsReviewer();
        // Method security on the services, as on every admin service (the API answers 403 problem+json).
        assertThatThrownBy(() -> setup.createDistrict(new DistrictSetupService.DistrictForm(code, "x", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> setup.district("12")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.catalog("12")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.load(SetupFixtures.setupYaml(code, "x").getBytes(StandardCharsets.UTF_8), false, ZH))
                .isInstanceOf(AccessDeniedException.class);
        AdminTestData.signInAsAdmin();
        assertThat(setup.districts()).noneMatch(d -> d.getCode().equals(code));
    }

    @Test
    void aProvinceLoadsFromOneFileCheckedFirstAndIdempotent() {
        byte[] file = SetupFixtures.setupYaml(code, "文件考区").getBytes(StandardCharsets.UTF_8);

        SetupImportService.Report dry = importer.load(file, true, ZH);
        assertThat(dry.created()).isEqualTo(4);
        assertThat(dry.updated()).isEqualTo(1);
        assertThat(dry.refused()).isZero();
        assertThat(setup.districts()).noneMatch(d -> d.getCode().equals(code));

        SetupImportService.Report loaded = importer.load(file, false, ZH);
        assertThat(loaded.rows()).extracting(SetupImportService.Row::kind).containsExactly(SetupImportService.Kind.DISTRICT,
                SetupImportService.Kind.SITE, SetupImportService.Kind.SITE, SetupImportService.Kind.MATERIAL_TYPE,
                SetupImportService.Kind.MATERIAL_TYPE);
        // ID_CARD is already there from the standard catalog: updated to the file's texts.
        assertThat(loaded.created()).isEqualTo(4);
        assertThat(loaded.updated()).isEqualTo(1);
        assertThat(setup.sites(code)).hasSize(2);
        assertThat(catalog.type(code, DENTAL_TRAINING).getRequiredFor())
                .containsExactlyInAnyOrder(ExamCategories.DENTAL, ExamCategories.DENTAL_ASSISTANT);
        assertThat(catalog.type(code, "ID_CARD").getRequiredFor()).containsExactlyInAnyOrderElementsOf(ExamCategories.ALL);
        assertThat(identityService.createGroupQuery().groupId(MaterialReviewProcess.siteGroup(code + "02")).count()).isEqualTo(1);

        SetupImportService.Report again = importer.load(file, false, ZH);
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.created() + again.updated() + again.refused()).isZero();

        String bad = """
                districts:
                  - code: "%1$s"
                    name: 文件考区
                    sites:
                      - {code: "9901", name: 外省考点}
                      - {code: "%1$s03", name: 第三考点}
                    catalog:
                      - {code: DENTAL_TRAINING, name: 重复, description: x, min: 1, max: 1}
                      - {code: OTHER, name: 其他, description: x, min: 0, max: 1, requiredFor: [兽医]}
                """.formatted(code);
        SetupImportService.Report report = importer.load(bad.getBytes(StandardCharsets.UTF_8), false, ZH);
        assertThat(report.rows()).extracting(SetupImportService.Row::errorCode)
                .containsExactly(null, "SITE_CODE_NOT_IN_DISTRICT", null, null, "MATERIAL_TYPE_INVALID");
        assertThat(report.rows().get(1).where()).isEqualTo("districts[1].sites[1]");
        assertThat(report.rows().get(1).message()).contains("9901").contains(code);
        assertThat(setup.sites(code)).hasSize(3);

        refused(() -> importer.load("districts: [ {code: 1".getBytes(StandardCharsets.UTF_8), false, ZH), "SETUP_FILE_INVALID");
        refused(() -> importer.load("sites: []".getBytes(StandardCharsets.UTF_8), false, ZH), "SETUP_FILE_INVALID");
        refused(() -> importer.load("districts: []".getBytes(StandardCharsets.UTF_8), false, ZH), "SETUP_FILE_EMPTY");
    }

    @Test
    void aWrongFileSaysWhereAndWhyInTheUsersWords() {
        assertThat(fileProblem("""
                districts:
                  - code: "%s"
                    name: 大数考区
                    maxImageKb: 99999999999
                """.formatted(code))).contains("第 4 行").contains("maxImageKb").contains("数字过大");
        assertThat(fileProblem("""
                districts:
                  - code: "%s"
                    name: 类型考区
                    sites: 第一考点
                """.formatted(code))).contains("第 4 行").contains("districts[1].sites").contains("类型不对");
        assertThat(fileProblem("""
                districts:
                  - code: "%s"
                    name: 拼写考区
                    catalogue: []
                """.formatted(code))).contains("districts[1].catalogue").contains("没有“catalogue”");
        assertThat(fileProblem("""
                districts:
                  - code: "%s"
                    name: 空项考区
                    sites:
                      -
                """.formatted(code))).contains("districts[1].sites[1]").contains("空的");
        assertThat(fileProblem("""
                districts:
                  - code: "%s"
                    name: "引号考区" 多余
                """.formatted(code))).contains("第 ").contains("YAML 格式");
        assertThat(fileProblem("districts: [ {code: 1")).contains("第 1 行");
        assertThat(setup.districts()).noneMatch(d -> d.getCode().equals(code));
    }

    /** The refusal's text as the page and the API show it: never the parser's English with Java class names. */
    private String fileProblem(String yaml) {
        ShenchaException e = (ShenchaException) org.assertj.core.api.Assertions.catchThrowable(
                () -> importer.load(yaml.getBytes(StandardCharsets.UTF_8), false, ZH));
        assertThat(e).as(yaml).isNotNull();
        assertThat(e.getCode()).isEqualTo("SETUP_FILE_INVALID");
        String text = messages.describe(ZH, e);
        assertThat(text).startsWith("文件不是有效的考区设置 YAML").doesNotContain("java.").doesNotContain("cn.shencha")
                .doesNotContain("Cannot").doesNotContain("`");
        return text;
    }

    @Test
    void anExampleFileGoesWithItsRow() throws Exception {
        setup.createDistrict(new DistrictSetupService.DistrictForm(code, "示例考区", null));
        byte[] png = TestImages.png(TestImages.document(300, 200, 11));

        // The row is not saved (the transaction rolls back): the file it would have named is gone too.
        String lost = tx.execute(status -> {
            String path = catalog.setExample(code, "ID_CARD", png).getExampleImage();
            status.setRollbackOnly();
            return path;
        });
        assertThatThrownBy(() -> store.get(key(lost))).isInstanceOf(NoSuchFileException.class);
        assertThat(catalog.type(code, "ID_CARD").getExampleImage()).doesNotStartWith(MaterialType.UPLOADED_EXAMPLE_PATH);

        // A new example replaces the old one: the old file goes once the new row is committed.
        String first = catalog.setExample(code, "ID_CARD", png).getExampleImage();
        assertThat(store.get(key(first))).isEqualTo(png);
        String second = catalog.setExample(code, "ID_CARD", png).getExampleImage();
        assertThat(store.get(key(second))).isEqualTo(png);
        assertThatThrownBy(() -> store.get(key(first))).isInstanceOf(NoSuchFileException.class);
        assertThat(catalog.changes(code)).extracting(CatalogChange::getAction)
                .containsExactly(CatalogChange.Action.EXAMPLE, CatalogChange.Action.EXAMPLE);
    }

    private static String key(String examplePath) {
        assertThat(examplePath).startsWith(MaterialType.UPLOADED_EXAMPLE_PATH);
        return examplePath.substring(MaterialType.UPLOADED_EXAMPLE_PATH.length());
    }

    static CatalogAdminService.TypeForm dentalTraining(String name) {
        return new CatalogAdminService.TypeForm(DENTAL_TRAINING, name, "Dental training certificate",
                "口腔类别考生上传专业培训证明", 1, 2, 15, Set.of(ExamCategories.DENTAL, ExamCategories.DENTAL_ASSISTANT));
    }

    List<String> required(Long candidateId) {
        MaterialOverview overview = overviews.overview(candidateId, ZH);
        return overview.types().stream().filter(MaterialTypeOverview::required).map(MaterialTypeOverview::typeCode).toList();
    }

    Task task(Candidate c, String activity) {
        String pi = testData.state(candidates.findById(c.getId()).orElseThrow()).processInstanceId();
        return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(activity).singleResult();
    }

    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(ShenchaException.class)
                .satisfies(e -> assertThat(((ShenchaException) e).getCode()).isEqualTo(code));
    }
}
