package cn.shencha.bench;

import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewerGroups;
import cn.shencha.review.SetupLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator sets up before a season, for the benchmark: districts 31–35 with four exam sites each,
 * the standard material catalog, and reviewer accounts (two per site, two per district). Candidates are not
 * made here: the benchmark imports them through the admin API like an administrator does.
 */
@Component
@Profile("bench")
class BenchReferenceData {

    static final String[] DISTRICTS = {"31", "32", "33", "34", "35"};
    static final int SITES_PER_DISTRICT = 4;
    static final String STAFF_PASSWORD = "Bench2026";

    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final StandardCatalog catalog;
    private final ReviewerGroups reviewerGroups;
    private final IdentityService identityService;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SetupLock setupLock;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;

    BenchReferenceData(DistrictRepository districts, ExamSiteRepository sites, StandardCatalog catalog,
                       ReviewerGroups reviewerGroups, IdentityService identityService, TransactionTemplate tx,
                       Clock clock, SetupLock setupLock, Seasons seasons, SeasonScheduleRepository schedules) {
        this.schedules = schedules;
        this.seasons = seasons;
        this.districts = districts;
        this.sites = sites;
        this.catalog = catalog;
        this.reviewerGroups = reviewerGroups;
        this.identityService = identityService;
        this.tx = tx;
        this.clock = clock;
        this.setupLock = setupLock;
    }

    /** Site reviewer {@code s<site><a|b>}, district reviewer {@code d<district><a|b>}. */
    static String siteReviewer(String site, int which) {
        return "s" + site + (char) ('a' + which);
    }

    static String districtReviewer(String district, int which) {
        return "d" + district + (char) ('a' + which);
    }

    static String site(String district, int index) {
        return district + "0" + (index + 1);
    }

    /** Under the start-up lock: two nodes started at once (the cluster test) create it once. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void load() {
        setupLock.run("benchmark reference data", this::loadOnce);
    }

    private void loadOnce() {
        if (districts.count() == 0) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            tx.executeWithoutResult(status -> {
                for (String code : DISTRICTS) {
                    districts.save(new District(code, "基准考区 " + code));
                    schedules.save(new SeasonSchedule(seasons.currentCode(), code, new DistrictSchedule(
                            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                            now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(60)))));
                    for (int i = 0; i < SITES_PER_DISTRICT; i++) {
                        sites.save(new ExamSite(site(code, i), code, "基准考点 " + site(code, i)));
                    }
                }
            });
            for (String code : DISTRICTS) {
                catalog.seed(seasons.currentCode(), code);
            }
        }
        reviewerGroups.ensureAll();
        for (String code : DISTRICTS) {
            for (int which = 0; which < 2; which++) {
                user(districtReviewer(code, which), MaterialReviewProcess.districtGroup(code));
                for (int i = 0; i < SITES_PER_DISTRICT; i++) {
                    user(siteReviewer(site(code, i), which), MaterialReviewProcess.siteGroup(site(code, i)));
                }
            }
        }
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("基准审核员");
            user.setLastName(id);
            user.setPassword(STAFF_PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }
}
