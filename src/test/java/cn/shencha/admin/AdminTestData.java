package cn.shencha.admin;

import cn.shencha.exam.Seasons;
import cn.shencha.base.security.Roles;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.UploadDeadlineProcess;
import cn.shencha.review.ReviewerGroups;
import cn.shencha.support.TestData;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin tests' own district 31 (sites 3101, 3102; 3201 belongs to district 32), empty at the start of each
 * test: candidates left by earlier tests are moved to district 30, so counts over the district are exact.
 * Test classes get it through {@link #from}. The tests share the database with the other features' tests, which use districts 12 and 13.
 */
public class AdminTestData {

    public static final String DISTRICT = "31";
    public static final String SITE = "3101";
    public static final String OTHER_SITE = "3102";
    public static final String FOREIGN_DISTRICT = "32";
    public static final String FOREIGN_SITE = "3201";
    static final String RETIRED_DISTRICT = "30";
    static final String RETIRED_SITE = "3001";

    private final TestData testData;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateRepository candidates;
    private final StandardCatalog catalog;
    private final ReviewerGroups reviewerGroups;
    private final RuntimeService runtimeService;
    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Seasons seasons;

    /**
     * Not a bean, so that the tests share the Spring context of every other @ShenchaSpringTest. Also makes the
     * static SecurityContextHolder (which CurrentUser reads) use this context's strategy: every application
     * context installs its own (Vaadin's VaadinAwareSecurityContextHolderStrategy) globally, so after the
     * MariaDB context has started, the H2 context's security filters and method checks would otherwise look
     * elsewhere than the tests and CurrentUser.
     */
    public static AdminTestData from(ApplicationContext context) {
        SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
        return new AdminTestData(context.getBean(TestData.class), context.getBean(DistrictRepository.class),
                context.getBean(ExamSiteRepository.class), context.getBean(CandidateRepository.class),
                context.getBean(StandardCatalog.class), context.getBean(ReviewerGroups.class),
                context.getBean(RuntimeService.class), context.getBean(EntityManager.class),
                context.getBean(TransactionTemplate.class), context.getBean(Seasons.class));
    }

    AdminTestData(TestData testData, DistrictRepository districts, ExamSiteRepository sites,
                  CandidateRepository candidates, StandardCatalog catalog, ReviewerGroups reviewerGroups,
                  RuntimeService runtimeService, EntityManager em, TransactionTemplate tx, Seasons seasons) {
        this.seasons = seasons;
        this.testData = testData;
        this.districts = districts;
        this.sites = sites;
        this.candidates = candidates;
        this.catalog = catalog;
        this.reviewerGroups = reviewerGroups;
        this.runtimeService = runtimeService;
        this.em = em;
        this.tx = tx;
    }

    /** Districts 30, 31, 32 with Tianjin's 2026 schedule and the catalog; district 31 empty; clock reset. */
    public void freshDistrict() {
        testData.resetDistricts();
        tx.executeWithoutResult(s -> {
            district(RETIRED_DISTRICT, "已归档", RETIRED_SITE);
            district(DISTRICT, "测试考区", SITE, OTHER_SITE);
            district(FOREIGN_DISTRICT, "外考区", FOREIGN_SITE);
        });
        catalog.seed(seasons.currentCode(), DISTRICT);
        catalog.seed(seasons.currentCode(), RETIRED_DISTRICT);
        reviewerGroups.ensureAll();
        tx.executeWithoutResult(s -> {
            List<String> left = em.createQuery("""
                            select r.processInstanceId from ReviewState r join Candidate c on c.id = r.candidateId
                            where c.seasonCode = :season and c.districtCode = :district and r.processInstanceId is not null""",
                            String.class)
                    .setParameter("season", seasons.currentCode()).setParameter("district", DISTRICT).getResultList();
            Set<String> running = left.isEmpty() ? Set.of() : Set.copyOf(runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(Set.copyOf(left)).list().stream().map(p -> p.getId()).toList());
            for (String processInstanceId : running) {
                runtimeService.setVariable(processInstanceId, MaterialReviewProcess.VAR_DISTRICT_CODE, RETIRED_DISTRICT);
                runtimeService.setVariable(processInstanceId, MaterialReviewProcess.VAR_SITE_CODE, RETIRED_SITE);
            }
            em.createQuery("update Candidate c set c.districtCode = :retired, c.siteCode = :site where c.districtCode = :district")
                    .setParameter("retired", RETIRED_DISTRICT).setParameter("site", RETIRED_SITE)
                    .setParameter("district", DISTRICT).executeUpdate();
            em.createQuery("update ScheduleChange c set c.districtCode = :retired where c.districtCode = :district")
                    .setParameter("retired", RETIRED_DISTRICT).setParameter("district", DISTRICT).executeUpdate();
            // The district's upload-deadline triggers went with its cases: the next case arms a fresh one.
            List<String> triggers = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(UploadDeadlineProcess.KEY)
                    .processInstanceBusinessKeyLike(UploadDeadlineProcess.districtKey(seasons.currentCode(), DISTRICT) + "%")
                    .list().stream().map(p -> p.getId()).toList();
            if (!triggers.isEmpty()) {
                runtimeService.deleteProcessInstances(triggers, "test: district retired", true, true);
            }
        });
    }

    private void district(String code, String name, String... siteCodes) {
        districts.findById(code).orElseGet(() -> districts.save(new District(code, name)));
        testData.schedule(code, TestData.TIANJIN_2026);
        for (String site : siteCodes) {
            if (!sites.existsById(site)) {
                sites.save(new ExamSite(site, code, "考点" + site));
            }
        }
    }

    public Candidate candidate() {
        return testData.candidate(SITE);
    }

    public District district() {
        return districts.findById(DISTRICT).orElseThrow();
    }

    /** The test district's schedule in the current season. */
    public cn.shencha.exam.SeasonSchedule schedule() {
        return testData.schedule(DISTRICT);
    }

    public static StaffScope adminScope() {
        return new StaffScope("admin-tester", Set.of(), Set.of(), true);
    }

    public static void signInAsAdmin() {
        signIn(adminScope(), Roles.STAFF, Roles.ADMIN);
    }

    public static void signInAsReviewer() {
        signIn(new StaffScope("reviewer-tester", Set.of(SITE), Set.of(), false), Roles.STAFF, Roles.REVIEWER);
    }

    public static void signInAsCandidate(Candidate candidate) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                ShenchaUser.candidate(candidate.getRegistrationNo(), candidate.getId()), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CANDIDATE)));
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private static void signIn(StaffScope scope, String... roles) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(ShenchaUser.staff(scope), null,
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Where the candidate's review case stands now. */
    public cn.shencha.exam.CaseState state(Candidate candidate) {
        return testData.state(candidate);
    }
}
