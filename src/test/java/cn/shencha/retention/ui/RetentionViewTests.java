package cn.shencha.retention.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.exam.Candidate;
import cn.shencha.retention.RetentionService;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** 数据保留 in a browserless Vaadin (Karibu) on the real service: a period, the preview, a hold and its release. */
@ShenchaSpringTest
class RetentionViewTests {

    private static Routes routes;

    @Autowired ApplicationContext context;
    @Autowired RetentionService service;
    @Autowired TestData testData;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("cn.shencha");
    }

    @BeforeEach
    void setUp() {
        AdminTestData.from(context);
        testData.resetDistricts();
        AdminTestData.signInAsAdmin();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(role) || a.getAuthority().equals("ROLE_" + role)));
    }

    @AfterEach
    void tearDown() {
        service.setRetention("13", 180);
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    @Test
    void anAdministratorSetsAPeriodSeesThePreviewAndHoldsAndReleasesACandidate() {
        Candidate candidate = testData.candidate("1301");
        UI.getCurrent().navigate(RetentionView.class);
        RetentionView page = _get(RetentionView.class);

        page.district.setValue(page.district.getListDataView().getItems()
                .filter(d -> d.districtCode().equals("13")).findFirst().orElseThrow());
        page.days.setValue(20);
        page.save.click();
        assertThat(NotificationsKt.getNotifications()).anyMatch(n -> n.getElement().getProperty("text", "")
                .contains("保留天数须在 30 到 1095 天之间"));
        page.days.setValue(200);
        page.save.click();
        assertThat(NotificationsKt.getNotifications()).anyMatch(n -> n.getElement().getProperty("text", "")
                .contains("保留期限已保存"));
        int row = java.util.stream.IntStream.range(0, GridKt._size(page.settings))
                .filter(i -> GridKt._get(page.settings, i).districtCode().equals("13")).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(page.settings.getColumns().get(1), GridKt._get(page.settings, row)))
                .isEqualTo("200 天");
        // Tianjin's schedule in 河北 too: published 2026-03-20 10:00, purged 200 days later.
        RetentionService.Preview hebei = page.preview.getListDataView().getItems()
                .filter(p -> p.seasonCode().equals(TestData.SEASON) && p.districtCode().equals("13")).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(page.preview.getColumns().get(3), hebei)).isEqualTo("2026-10-06 10:00 (200 天)");
        assertThat(GridKt._getFormatted(page.preview.getColumns().get(2), hebei)).isEqualTo("2026-03-20 10:00 （尚未公布）");

        page.holdRegistrationNo.setValue(candidate.getRegistrationNo());
        page.holdReason.setValue("考生申诉，待复核");
        page.hold.click();
        RetentionService.Hold hold = GridKt._get(page.holds, 0);
        assertThat(hold.registrationNo()).isEqualTo(candidate.getRegistrationNo());
        assertThat(hold.active()).isTrue();
        assertThat(GridKt._getFormatted(page.holds.getColumns().get(3), hold)).isEqualTo("暂缓中");
        page.holds.asSingleSelect().setValue(hold);
        assertThat(page.release.isEnabled()).isTrue();
        page.releaseReason.setValue("复核完毕");
        page.release.click();
        RetentionService.Hold released = page.holds.getListDataView().getItems()
                .filter(h -> h.id() == hold.id()).findFirst().orElseThrow();
        assertThat(released.active()).isFalse();
        assertThat(GridKt._getFormatted(page.holds.getColumns().get(3), released)).startsWith("已由 admin-tester 于 ")
                .endsWith("解除：复核完毕");
    }
}
