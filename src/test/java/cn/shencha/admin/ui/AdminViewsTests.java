package cn.shencha.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.ui.PhoneGrid;
import cn.shencha.base.ui.StaffHomeView;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.Phase;
import cn.shencha.materials.ui.RegistrationView;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.TestData;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The admin pages in a browserless Vaadin (Karibu-Testing) with the real Spring beans and navigation access control. */
@ShenchaSpringTest
class AdminViewsTests {

    static final List<Class<? extends Component>> ADMIN_VIEWS =
            List.of(DashboardView.class, DeadlinesView.class, CandidatesView.class, ResultsView.class,
                    DistrictsView.class, CatalogView.class);

    @Autowired
    ApplicationContext context;
    @Autowired
    ScheduleAdminService schedules;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    TestData testData;

    AdminTestData data;


    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
        freshUi();
    }

    /** A new browser tab (after a refused navigation Vaadin's router keeps no usable state). */
    private void freshUi() {
        KaribuExtension.open(context, Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    // ---- who may open the admin pages

    @Test
    void anAdministratorOpensEveryAdminPageAndSeesThemInTheNavigation() {
        AdminTestData.signInAsAdmin();
        for (Class<? extends Component> view : ADMIN_VIEWS) {
            assertThat(annotationsAllow(view)).as(view.getSimpleName()).isTrue();
            UI.getCurrent().navigate(view);
            _get(view);
        }
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath).toList())
                .contains("admin", "admin/deadlines", "admin/candidates", "admin/results", "admin/districts", "admin/catalog");
    }

    @Test
    void aReviewerCannotOpenAdminPagesNorSeesThem() {
        AdminTestData.signInAsReviewer();
        assertDenied();
        UI.getCurrent().navigate(StaffHomeView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath).filter(p -> p.startsWith("admin"))).isEmpty();
    }

    @Test
    void aCandidateCannotOpenAdminPagesNorSeesThem() {
        Candidate candidate = data.candidate();
        AdminTestData.signInAsCandidate(candidate);
        assertDenied();
        UI.getCurrent().navigate(RegistrationView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath).filter(p -> p.startsWith("admin"))).isEmpty();
    }

    private void assertDenied() {
        // The views' own annotations refuse this user (the services behind them would refuse too).
        for (Class<? extends Component> view : ADMIN_VIEWS) {
            assertThat(annotationsAllow(view)).as(view.getSimpleName()).isFalse();
        }
        for (Class<? extends Component> view : ADMIN_VIEWS) {
            freshUi();
            // Karibu's access-denied error view throws where a browser would show the error page; in a later
            // UI of the same servlet Vaadin shows its error view instead. Either way the page never opens.
            Throwable refusal = catchThrowable(() -> UI.getCurrent().navigate(view));
            List<?> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
            assertThat(chain).as(view.getSimpleName()).noneMatch(view::isInstance);
            if (refusal != null) {
                assertThat(refusal).hasStackTraceContaining("AccessDeniedException");
            } else {
                assertThat(chain).first().isInstanceOf(HasErrorParameter.class);
            }
        }
        freshUi();
    }

    // ---- deadlines page

    @Test
    void theDeadlinesPageSavesA24HourDeadlineMovesTheTimersAndListsTheChange() {
        AdminTestData.signInAsAdmin();
        Candidate c = data.candidate();
        DeadlinesView view = open(DeadlinesView.class);
        selectDistrict31();
        assertThat(view.uploadDeadline.getValue()).isEqualTo(TestData.TIANJIN_2026.uploadDeadline());

        view.uploadDeadline.set(LocalDate.of(2026, 2, 14), null, true);
        view.save.click();
        view.lastJob.join();
        MockVaadin.clientRoundtrip();

        assertThat(data.schedule().getUploadDeadline()).isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 14)));
        assertThat(view.progressText.getText()).contains("1");
        assertThat(GridKt._size(view.changes)).isEqualTo(1);
        assertThat(GridKt._get(view.changes, 0).getTimersMoved()).isEqualTo(1);
        assertThat(testData.state(testData.reload(c)).phase()).isEqualTo(Phase.UPLOADING);
    }

    @Test
    void reopeningAClosedWindowFromThePageAsksForConfirmation() {
        AdminTestData.signInAsAdmin();
        Candidate c = data.candidate();
        DistrictSchedule t = TestData.TIANJIN_2026;
        schedules.changeSchedule(AdminTestData.DISTRICT, new DistrictSchedule(t.uploadStart(),
                ShanghaiTime.at(TestClock.START.minusHours(1)), t.supplementDeadline(), t.resultsPublishAt()), false, Progress.NONE);
        DeadlinesView view = open(DeadlinesView.class);
        selectDistrict31();

        view.uploadDeadline.set(LocalDate.of(2026, 2, 3), LocalTime.of(18, 0), false);
        view.save.click();
        MockVaadin.clientRoundtrip();
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(dialog)).contains("1");
        assertThat(data.schedule().getUploadDeadline()).isEqualTo(ShanghaiTime.at(TestClock.START.minusHours(1)));
        ConfirmDialogKt._fireConfirm(dialog);
        view.lastJob.join();
        MockVaadin.clientRoundtrip();

        assertThat(data.schedule().getUploadDeadline()).isEqualTo(ShanghaiTime.at(LocalDate.of(2026, 2, 3).atTime(18, 0)));
        assertThat(testData.state(testData.reload(c)).phase()).isEqualTo(Phase.UPLOADING);
    }

    @Test
    void aPersonalExtensionFromThePageIsListedWithItsReason() {
        AdminTestData.signInAsAdmin();
        Candidate c = data.candidate();
        DeadlinesView view = open(DeadlinesView.class);
        selectDistrict31();

        view.extensionRegistrationNo.setValue(c.getRegistrationNo());
        view.extensionDeadline.set(LocalDate.of(2026, 2, 15), null, true);
        view.extensionReason.setValue("考生住院");
        view.extend.click();

        assertThat(testData.reload(c).getUploadDeadlineOverride()).isEqualTo(ShanghaiTime.endOfDay(LocalDate.of(2026, 2, 15)));
        assertThat(GridKt._get(view.changes, 0).getReason()).isEqualTo("考生住院");
    }

    // ---- candidates page

    @Test
    void theCandidatesPageImportsAGbkFileReportsBadRowsAndFindsTheCandidate() {
        AdminTestData.signInAsAdmin();
        CandidatesView view = open(CandidatesView.class);
        String registrationNo = TestData.uniqueRegistrationNo(AdminTestData.SITE);
        byte[] file = ("registrationNo,name,idNumber,phone,examCategory,districtCode,siteCode\n"
                + registrationNo + ",司马相如," + IdNumbers.withCheckCharacter("31010119870707321") + ",,中医执业医师,31,3101\n"
                + "9" + registrationNo + ",王五,31010119870707321X,,中医执业医师,31,3999\n").getBytes(Charset.forName("GBK"));

        view.startImport(file);
        view.lastJob.join();
        MockVaadin.clientRoundtrip();

        assertThat(view.reportSummary.getText()).contains("GBK").contains("新增 1 人");
        assertThat(view.errors.isVisible()).isTrue();
        assertThat(GridKt._size(view.errors)).isEqualTo(2);
        assertThat(candidates.findBySeasonCodeAndRegistrationNo(TestData.SEASON, registrationNo)).isPresent();

        view.query.setValue("司马相如");
        view.runSearch();
        assertThat(GridKt._size(view.results)).isEqualTo(1);
        assertThat(view.detail.getElement().getTextRecursively()).contains(registrationNo).contains("中医执业医师");
    }

    // ---- dashboard and results pages

    @Test
    void theDashboardShowsCountsPerStatusAndTheChart() {
        AdminTestData.signInAsAdmin();
        data.candidate();
        DashboardView view = open(DashboardView.class);
        selectDistrict31();

        assertThat(view.summary.getElement().getTextRecursively()).contains("未开始");
        assertThat(GridKt._size(view.sites)).isEqualTo(3);
        assertThat(_find(view.chart, Svg.class)).hasSize(1);
    }

    @Test
    void onAPhoneTheDashboardShowsEachSiteAsACardInsteadOfTenColumns() {
        AdminTestData.signInAsAdmin();
        data.candidate();
        DashboardView view = open(DashboardView.class);
        selectDistrict31();
        PhoneGrid<?> columns = PhoneGrid.on(view.sites);

        columns.layoutFor(390);

        assertThat(view.sites.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey)).containsExactly("card");
        String card = GridKt._getCellComponent(view.sites, 0, "card").getElement().getTextRecursively();
        assertThat(card).contains("3101", "合计", "未开始");
        columns.layoutFor(1280);
        assertThat(view.sites.getColumns().stream().filter(Grid.Column::isVisible)).hasSize(view.sites.getColumns().size() - 1);
    }

    @Test
    void theResultsPagePublishesAndOffersTheExport() {
        AdminTestData.signInAsAdmin();
        ResultsView view = open(ResultsView.class);
        selectDistrict31();
        assertThat(_find(view.downloads, Anchor.class)).hasSize(2);

        view.publishNow.click();
        MockVaadin.clientRoundtrip();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(data.schedule().getResultsPublishAt()).isEqualTo(testData.clock().instant());
        assertThat(view.publication.getText()).contains("已于");
    }

    private static boolean annotationsAllow(Class<? extends Component> view) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return new AccessAnnotationChecker().hasAccess(view, auth, role -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    /** Vaadin's navigation access control asks the request who is signed in, as Spring Security's request wrapper would answer. */

    private <T extends Component> T open(Class<T> view) {
        UI.getCurrent().navigate(view);
        return _get(view);
    }

    @SuppressWarnings("unchecked")
    private void selectDistrict31() {
        com.vaadin.flow.component.select.Select<cn.shencha.exam.District> select = _get(com.vaadin.flow.component.select.Select.class);
        select.setValue(data.district());
    }

    /** The test clock's start, as a local date-time in Shanghai. */
    static final class TestClock {
        static final java.time.LocalDateTime START = cn.shencha.support.TestClockConfig.START;
    }
}
