package cn.shencha.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.season.SeasonAdminService;
import cn.shencha.exam.Seasons;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.TestData;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** 考试年度 in a browserless Vaadin (Karibu) on the real services: preview, open, the other pages follow, close. */
@ShenchaSpringTest
class SeasonsViewTests {


    @Autowired ApplicationContext context;
    @Autowired Seasons seasons;
    @Autowired SeasonAdminService seasonAdmin;
    @Autowired TestData testData;

    String opened;


    @BeforeEach
    void setUp() {
        AdminTestData.from(context);
        testData.resetDistricts();
        AdminTestData.signInAsAdmin();
        KaribuExtension.open(context, Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        if (opened != null && !seasons.require(opened).isClosed()) {
            seasonAdmin.close(opened);
        }
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    @Test
    void anAdministratorPreviewsOpensAndClosesASeasonOnThePage() {
        String current = seasons.currentCode();
        UI.getCurrent().navigate(SeasonsView.class);
        SeasonsView page = _get(SeasonsView.class);
        assertThat(page.current.getText()).isEqualTo("当前年度：" + seasons.current().getName() + "（" + current + "）");
        assertThat(page.open.isEnabled()).isFalse();

        page.previewButton.click();
        assertThat(page.open.isEnabled()).isTrue();
        String next = seasonAdmin.preview(null).code();
        int years = Integer.parseInt(next) - Integer.parseInt(current);
        assertThat(page.previewSummary.getText()).startsWith("将开启 " + next + " 年度“" + next + "年医师资格考试”：从 " + current + " 年度复制");
        // Tianjin's window, one year later on the Beijing clock.
        int row = java.util.stream.IntStream.range(0, GridKt._size(page.preview))
                .filter(i -> GridKt._get(page.preview, i).districtCode().equals("12")).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(page.preview.getColumns().get(2), GridKt._get(page.preview, row)))
                .isEqualTo("2026-02-11 24:00 → " + (2026 + years) + "-02-11 24:00");
        assertThat(seasons.currentCode()).isEqualTo(current);

        page.open.click();
        opened = next;
        assertThat(NotificationsKt.getNotifications()).anyMatch(n -> n.getElement().getProperty("text", "")
                .contains("已开启 " + next + "年医师资格考试（" + next + "），现为当前年度"));
        assertThat(seasons.currentCode()).isEqualTo(next);
        assertThat(page.current.getText()).contains("（" + next + "）");
        assertThat(GridKt._getFormatted(page.changes.getColumns().get(2), GridKt._get(page.changes, 0))).isEqualTo("开启（复制自 " + current + "）");

        // The other admin pages say which season they are on.
        UI.getCurrent().navigate(DeadlinesView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("season-badge")).getText())
                .isEqualTo("考试年度：" + next + "年医师资格考试（" + next + "）");

        UI.getCurrent().navigate(SeasonsView.class);
        SeasonsView again = _get(SeasonsView.class);
        again.seasons.asSingleSelect().setValue(again.seasons.getListDataView().getItems()
                .filter(l -> l.season().getCode().equals(next)).findFirst().orElseThrow());
        again.close.click();
        assertThat(seasons.currentCode()).isEqualTo(current);
        assertThat(seasons.require(next).isClosed()).isTrue();
    }
}
