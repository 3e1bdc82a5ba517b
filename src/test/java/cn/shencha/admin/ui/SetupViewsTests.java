package cn.shencha.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.setup.CatalogAdminService;
import cn.shencha.admin.setup.CatalogChange;
import cn.shencha.admin.setup.DistrictSetupService;
import cn.shencha.admin.setup.SetupFixtures;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.materials.MaterialType;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.KaribuExtension;
import cn.shencha.support.TestData;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** 考区设置 and 材料目录 in a browserless Vaadin (Karibu) on the real services: a district set up by hand. */
@ShenchaSpringTest
class SetupViewsTests {


    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictSetupService setup;
    @Autowired
    CatalogAdminService catalog;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestData testData;

    String code;


    @BeforeEach
    void setUp() {
        AdminTestData.from(context);
        testData.resetDistricts();
        code = SetupFixtures.freeDistrictCode(context);
        AdminTestData.signInAsAdmin();
        KaribuExtension.open(context, Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        AdminTestData.signOut();
    }

    @Test
    void anAdministratorCreatesADistrictTwoSitesAndACategorysOwnRequirementOnThePages() {
        UI.getCurrent().navigate(DistrictsView.class);
        DistrictsView districts = _get(DistrictsView.class);
        districts.newDistrict.click();
        districts.code.setValue(code);
        districts.name.setValue("页面考区");
        districts.maxImageKb.setValue(250);
        districts.saveDistrict.click();
        assertThat(NotificationsKt.getNotifications()).anyMatch(n -> n.getElement().getProperty("text", "").contains("已新建考区 " + code));
        assertThat(districts.district.getValue().getCode()).isEqualTo(code);
        assertThat(setup.district(code).getMaxImageBytes()).isEqualTo(250 * 1024);

        for (String site : List.of(code + "01", code + "02")) {
            districts.siteCode.setValue(site);
            districts.siteName.setValue("考点" + site);
            districts.saveSite.click();
        }
        assertThat(GridKt._size(districts.sites)).isEqualTo(2);
        assertThat(setup.sites(code)).extracting(ExamSite::getName).containsExactly("考点" + code + "01", "考点" + code + "02");
        assertThat(identityService.createGroupQuery().groupId(MaterialReviewProcess.siteGroup(code + "02")).count()).isEqualTo(1);

        // A bad site code is refused with its reason and saves nothing.
        districts.siteCode.setValue("1299");
        districts.siteName.setValue("错误考点");
        districts.saveSite.click();
        assertThat(NotificationsKt.getNotifications()).anyMatch(n -> n.getElement().getProperty("text", "").contains("须以考区代码 " + code + " 开头"));
        assertThat(setup.sites(code)).hasSize(2);

        UI.getCurrent().navigate(CatalogView.class);
        CatalogView page = _get(CatalogView.class);
        assertThat(page.district.getValue().getCode()).isEqualTo(code);
        assertThat(GridKt._size(page.types)).isEqualTo(8); // the standard catalog
        page.newType.click();
        page.code.setValue("DENTAL_TRAINING");
        page.name.setValue("口腔专业培训证明");
        page.description.setValue("口腔类别考生上传专业培训证明");
        page.minCount.setValue(1);
        page.maxCount.setValue(2);
        page.requiredFor.setValue(Set.of(ExamCategories.DENTAL));
        page.save.click();

        MaterialType saved = catalog.type(code, "DENTAL_TRAINING");
        assertThat(saved.getRequiredFor()).containsExactly(ExamCategories.DENTAL);
        assertThat(saved.getNameEn()).isEqualTo("口腔专业培训证明");
        assertThat(GridKt._size(page.types)).isEqualTo(9);
        assertThat(GridKt._size(page.changes)).isEqualTo(1);

        // Editing the selected type: optional for everyone now, recorded.
        page.requiredFor.setValue(Set.of());
        page.minCount.setValue(0);
        page.save.click();
        assertThat(catalog.type(code, "DENTAL_TRAINING").getRequiredFor()).isEmpty();
        assertThat(catalog.changes(code)).extracting(CatalogChange::getAction)
                .containsExactly(CatalogChange.Action.UPDATED, CatalogChange.Action.CREATED);

        page.uploadExample(cn.shencha.materials.TestImages.png(cn.shencha.materials.TestImages.document(300, 200, 5)));
        assertThat(catalog.type(code, "DENTAL_TRAINING").getExampleImage()).startsWith(cn.shencha.materials.MaterialType.UPLOADED_EXAMPLE_PATH);
        assertThat(page.example.isVisible()).isTrue();
    }

    @Test
    void theSetupFileIsLoadedOnThePageWithItsRowReport() {
        UI.getCurrent().navigate(DistrictsView.class);
        DistrictsView districts = _get(DistrictsView.class);
        byte[] file = SetupFixtures.setupYaml(code, "文件考区").getBytes(StandardCharsets.UTF_8);
        districts.dryRun.setValue(true);
        districts.importFile(file);
        assertThat(districts.importSummary.getText()).contains("仅检查").contains("将新建 4 项");
        assertThat(setup.districts()).noneMatch(d -> d.getCode().equals(code));

        districts.dryRun.setValue(false);
        districts.importFile(file);
        assertThat(districts.importSummary.getText()).isEqualTo("新建 4 项，修改 1 项，未变 0 项，有误 0 项");
        assertThat(GridKt._size(districts.importRows)).isEqualTo(5);
        assertThat(setup.sites(code)).hasSize(2);
    }
}
