package cn.shencha.demo;

import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.review.CandidateProcessStarter;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewerGroups;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for a newcomer: Tianjin (12) and Hebei (13) with two exam sites each, the standard catalog,
 * candidates, reviewers and an administrator, with the upload window open for three weeks from the first
 * start. Only in the demo profile and only on the embedded H2 database: any other database (MySQL, MariaDB, an H2
 * server) is refused before anything is written, whatever the profiles say. Its accounts share one published
 * password, which the password rule refuses everywhere else; {@link DemoAccountsGuard} keeps them out of production.
 */
@Component
@Profile("demo")
class DemoData {

    static final String PASSWORD = "Demo2026";

    private record DemoStaff(String id, String name, String group) {
    }

    private static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("admin", "系统管理员", StaffScope.ADMIN_GROUP),
            new DemoStaff("site1201reviewer", "考点审核员 1201", MaterialReviewProcess.siteGroup("1201")),
            new DemoStaff("site1202reviewer", "考点审核员 1202", MaterialReviewProcess.siteGroup("1202")),
            new DemoStaff("site1301reviewer", "考点审核员 1301", MaterialReviewProcess.siteGroup("1301")),
            new DemoStaff("site1302reviewer", "考点审核员 1302", MaterialReviewProcess.siteGroup("1302")),
            new DemoStaff("district12reviewer", "天津考区审核员", MaterialReviewProcess.districtGroup("12")),
            new DemoStaff("district13reviewer", "河北考区审核员", MaterialReviewProcess.districtGroup("13")));

    /** The accounts {@link DemoAccountsGuard} looks for outside the demo. */
    static final List<String> STAFF_IDS = STAFF.stream().map(DemoStaff::id).toList();
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoCandidate(String registrationNo, String name, String idFirst17, String phone,
                                 String category, String siteCode, boolean activated) {
    }

    private static final List<DemoCandidate> CANDIDATES = List.of(
            new DemoCandidate("120126000001", "张伟", "12010119950307123", "13800000001", ExamCategories.CLINICAL, "1201", true),
            new DemoCandidate("120126000002", "王芳", "12010219960412234", "13800000002", ExamCategories.DENTAL, "1201", true),
            new DemoCandidate("120126000003", "李娜", "12010319970521345", "13800000003", ExamCategories.CLINICAL_ASSISTANT, "1201", false),
            new DemoCandidate("120226000001", "刘洋", "12010419940630456", "13800000004", ExamCategories.CHINESE_MEDICINE, "1202", true),
            new DemoCandidate("130126000001", "陈静", "13010219930815567", "13900000001", ExamCategories.CLINICAL, "1301", true),
            new DemoCandidate("130126000002", "杨磊", "13010319920923678", "13900000002", ExamCategories.PUBLIC_HEALTH, "1301", false),
            new DemoCandidate("130226000001", "赵敏", "13020319981102789", "13900000003", ExamCategories.CLINICAL, "1302", true));

    static final List<String> CANDIDATE_NUMBERS = CANDIDATES.stream().map(DemoCandidate::registrationNo).toList();

    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateRepository candidates;
    private final StandardCatalog catalog;
    private final CandidateProcessStarter processStarter;
    private final ReviewerGroups reviewerGroups;
    private final IdentityService identityService;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;

    DemoData(Environment environment, DataSource dataSource, PasswordEncoder passwordEncoder,
             DistrictRepository districts, ExamSiteRepository sites, CandidateRepository candidates,
             StandardCatalog catalog, CandidateProcessStarter processStarter, ReviewerGroups reviewerGroups, IdentityService identityService,
             TransactionTemplate tx, Clock clock, Seasons seasons, SeasonScheduleRepository schedules) {
        this.schedules = schedules;
        this.seasons = seasons;
        if (environment.acceptsProfiles(Profiles.of("mysql"))) {
            throw new IllegalStateException("The demo profile must never run against MySQL: start with only one of them.");
        }
        String url = databaseUrl(dataSource);
        if (!isEmbeddedH2(url)) {
            throw new IllegalStateException("The demo data (accounts with the published password " + PASSWORD
                    + ") are only for the embedded H2 database, not for " + url
                    + ": start with SPRING_PROFILES_ACTIVE=mysql for a real database.");
        }
        this.passwordEncoder = passwordEncoder;
        this.districts = districts;
        this.sites = sites;
        this.candidates = candidates;
        this.catalog = catalog;
        this.processStarter = processStarter;
        this.reviewerGroups = reviewerGroups;
        this.identityService = identityService;
        this.tx = tx;
        this.clock = clock;
    }

    /** jdbc:h2:mem: or jdbc:h2:file: (or a bare path), in this JVM: never an H2 server over tcp or ssl. */
    static boolean isEmbeddedH2(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    private static String databaseUrl(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            // Without its parameters, which may hold credentials.
            String url = metaData.getURL().split("[?;]", 2)[0];
            return "H2".equals(metaData.getDatabaseProductName()) ? url : url + " (" + metaData.getDatabaseProductName() + ")";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the demo would write to", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void load() {
        if (districts.count() == 0) {
            tx.executeWithoutResult(status -> createDistricts());
            catalog.seed(seasons.currentCode(), "12");
            catalog.seed(seasons.currentCode(), "13");
            tx.executeWithoutResult(status -> createCandidates());
        }
        reviewerGroups.ensureAdminGroup();
        reviewerGroups.ensureAll();
        createStaff();
        log.info("""

                ==== Shencha demo ====
                Candidates (password {}): 120126000001 (天津 1201), 120226000001 (天津 1202), 130126000001 (河北 1301);
                  not yet activated, to try activation: 120126000003 with ID number {}
                Site reviewers (password {}): site1201reviewer, site1202reviewer, site1301reviewer, site1302reviewer
                District reviewers: district12reviewer, district13reviewer
                Administrator: admin (password {})
                App: http://localhost:8080/   Tasklist: http://localhost:8080/camunda/app/tasklist/
                =====================""", PASSWORD, IdNumbers.withCheckCharacter("12010319970521345"), PASSWORD, PASSWORD);
    }

    private void createDistricts() {
        Instant today = clock.instant().truncatedTo(ChronoUnit.HOURS);
        DistrictSchedule schedule = new DistrictSchedule(today.minus(Duration.ofDays(1)), today.plus(Duration.ofDays(21)),
                today.plus(Duration.ofDays(35)), today.plus(Duration.ofDays(49)));
        districts.save(new District("12", "天津考区"));
        districts.save(new District("13", "河北考区"));
        schedules.save(new SeasonSchedule(seasons.currentCode(), "12", schedule));
        schedules.save(new SeasonSchedule(seasons.currentCode(), "13", schedule));
        sites.save(new ExamSite("1201", "12", "天津市和平区考点"));
        sites.save(new ExamSite("1202", "12", "天津市南开区考点"));
        sites.save(new ExamSite("1301", "13", "石家庄市考点"));
        sites.save(new ExamSite("1302", "13", "唐山市考点"));
    }

    private void createCandidates() {
        for (DemoCandidate d : CANDIDATES) {
            String idNumber = IdNumbers.withCheckCharacter(d.idFirst17());
            Candidate candidate = new Candidate(seasons.currentCode(), d.registrationNo(), d.name(), idNumber, d.phone(),
                    d.category(), d.siteCode().substring(0, 2), d.siteCode(), clock.instant());
            if (d.activated()) {
                // The published demo password, which the password rule of activation refuses.
                candidate.activate(passwordEncoder.encode(PASSWORD), clock.instant());
            }
            processStarter.start(candidates.save(candidate));
        }
    }

    private void createStaff() {
        STAFF.forEach(staff -> user(staff.id(), staff.name(), staff.group()));
    }

    private void user(String id, String name, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(name);
            user.setLastName("");
            user.setPassword(PASSWORD);
            // Past the engine's password policy, which refuses the published demo password.
            ((IdentityServiceImpl) identityService).saveUser(user, true);
            identityService.createMembership(id, group);
        }
    }
}
