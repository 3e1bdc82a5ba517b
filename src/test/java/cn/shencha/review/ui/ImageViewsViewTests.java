package cn.shencha.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.review.ImageViewLog;
import cn.shencha.review.ImageViewRecord;
import cn.shencha.review.ImageViewRecordRepository;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.TestData;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** 图片查看记录 in a browserless Vaadin: an administrator's page over the image-view log, newest first, filtered. */
@ShenchaSpringTest
class ImageViewsViewTests {


    @Autowired ApplicationContext context;
    @Autowired TestData testData;
    @Autowired MaterialTypeRepository types;
    @Autowired ImageViewRecordRepository records;

    AdminTestData data;


    @BeforeEach
    void setUp() {
        data = AdminTestData.from(context);
        data.freshDistrict();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    @Test
    void anAdministratorListsWhoViewedACandidatesImagesNewestFirst() {
        Candidate candidate = data.candidate();
        Candidate other = data.candidate();
        MaterialImage image = testData.imageRow(candidate,
                types.findBySeasonCodeAndDistrictCodeAndCode(candidate.getSeasonCode(), candidate.getDistrictCode(), "ID_CARD").orElseThrow(), 1);
        MaterialImage othersImage = testData.imageRow(other,
                types.findBySeasonCodeAndDistrictCodeAndCode(other.getSeasonCode(), other.getDistrictCode(), "ID_CARD").orElseThrow(), 1);
        Instant now = testData.clock().instant();
        records.save(new ImageViewRecord(image.getId(), candidate.getId(), "rv3101", ImageViewRecord.Size.THUMB, now.minus(Duration.ofHours(2))));
        records.save(new ImageViewRecord(image.getId(), candidate.getId(), "rv3101", ImageViewRecord.Size.FULL, now.minus(Duration.ofHours(1))));
        records.save(new ImageViewRecord(othersImage.getId(), other.getId(), "rv3101", ImageViewRecord.Size.FULL, now));

        AdminTestData.signInAsAdmin();
        open();
        UI.getCurrent().navigate(ImageViewsView.ROUTE,
                QueryParameters.of(ImageViewsView.REGISTRATION_NO, candidate.getRegistrationNo()));
        ImageViewsView view = _get(ImageViewsView.class);

        assertThat(view.registrationNo.getValue()).isEqualTo(candidate.getRegistrationNo());
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        ImageViewLog.Entry newest = GridKt._get(view.grid, 0);
        assertThat(newest.size()).isEqualTo("FULL");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("rv3101", "ID_CARD", "原图")
                .anySatisfy(cell -> assertThat(cell).contains(candidate.getRegistrationNo()));
        assertThat(GridKt._getFormattedRow(view.grid, 1)).contains("缩略图");
        assertThat(view.pageInfo.getText()).isEqualTo("第 1 / 1 页，共 2 条");

        view.registrationNo.clear();
        view.search();
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(3);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath)).contains(ImageViewsView.ROUTE);
    }

    @Test
    void aReviewerCannotOpenIt() {
        AdminTestData.signInAsReviewer();
        open();
        assertThat(new com.vaadin.flow.server.auth.AccessAnnotationChecker().hasAccess(ImageViewsView.class,
                SecurityContextHolder.getContext().getAuthentication(), role -> SecurityContextHolder.getContext()
                        .getAuthentication().getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role))))
                .isFalse();
        // Vaadin's navigation access control refuses it (the log's service would refuse a reviewer too). Karibu's
        // access-denied error view throws in the servlet's first UI; in a later one Vaadin shows its error view.
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> UI.getCurrent().navigate(ImageViewsView.ROUTE));
        java.util.List<?> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        assertThat(chain).noneMatch(ImageViewsView.class::isInstance);
        if (refused != null) {
            assertThat(refused).hasStackTraceContaining("AccessDeniedException");
        } else {
            assertThat(chain).first().isInstanceOf(com.vaadin.flow.router.HasErrorParameter.class);
        }
    }

    private void open() {
        KaribuExtension.open(context, Locale.SIMPLIFIED_CHINESE);
    }
}
