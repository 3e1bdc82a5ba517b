package cn.shencha.review;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.TestImages;
import cn.shencha.support.TestData;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/** Candidates with real uploaded images (through the materials pipeline), submitted and waiting for review. */
@TestComponent
class ReviewFixtures {

    private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

    private final TestData testData;
    private final MaterialUploadService uploads;
    private final MaterialTypeRepository types;
    private final SubmissionService submissions;
    private final TaskService taskService;
    private final IdentityService identityService;

    ReviewFixtures(TestData testData, MaterialUploadService uploads, MaterialTypeRepository types,
                   SubmissionService submissions, TaskService taskService, IdentityService identityService) {
        this.testData = testData;
        this.uploads = uploads;
        this.types = types;
        this.submissions = submissions;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    void reset() {
        identityService.clearAuthentication();
        testData.resetDistricts();
        ReviewTestStaff.ensure(identityService);
    }

    /** A candidate of the site whose required materials are uploaded as real images and submitted. */
    Candidate submittedWithImages(String siteCode) {
        return submitted(testData.candidate(siteCode), null);
    }

    private Candidate submitted(Candidate candidate, String alreadyUploaded) {
        for (MaterialType type : types.findBySeasonCodeAndDistrictCodeOrderBySortOrder(TestData.SEASON, candidate.getDistrictCode())) {
            if (type.isRequiredFor(candidate.getExamCategory()) && !type.getCode().equals(alreadyUploaded)) {
                for (int i = 0; i < Math.max(1, type.getMinCount()); i++) {
                    upload(candidate, type.getCode(), SEED.incrementAndGet());
                }
            }
        }
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        return testData.reload(candidate);
    }

    /**
     * A submitted candidate with one image, made from {@code seed}, of the material {@code typeCode} (reviewers see
     * a case once it is submitted).
     */
    Candidate candidateWithImage(String siteCode, String typeCode, long seed) {
        Candidate candidate = testData.candidate(siteCode);
        upload(candidate, typeCode, seed);
        return submitted(candidate, typeCode);
    }

    Long upload(Candidate candidate, String typeCode, long seed) {
        byte[] jpeg = TestImages.jpeg(TestImages.document(1000, 750, seed), 0.7f);
        return uploads.upload(candidate.getId(), typeCode, typeCode + ".jpg", jpeg, Locale.SIMPLIFIED_CHINESE).image().id();
    }

    Task task(Candidate candidate) {
        return taskService.createTaskQuery().processInstanceId(testData.state(candidate).processInstanceId()).singleResult();
    }

    /** Where the candidate's review case stands now. */
    public cn.shencha.exam.CaseState state(Candidate candidate) {
        return testData.state(candidate);
    }
}
