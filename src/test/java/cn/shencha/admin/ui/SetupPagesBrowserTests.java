package cn.shencha.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.ui.Browser;
import cn.shencha.base.ui.BrowserTest;
import cn.shencha.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import cn.shencha.admin.setup.SetupFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The set-up pages (districts, catalog, exam seasons with the preview of the next one) in headless Chromium as an administrator sees them, with a screenshot of each
 * (target/screenshots, or SHENCHA_SCREENSHOTS=docs/screenshots to refresh the guide's pictures).
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shencha-setup-browser;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
class SetupPagesBrowserTests {

    static final String ADMIN = "setupbrowseradmin";
    static final String PASSWORD = "Admin2026pw";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void reset() {
        Browser.requireChromium();
        testData.resetDistricts();
        SetupFixtures.staffUser(identityService, ADMIN, PASSWORD, StaffScope.ADMIN_GROUP);
    }

    @ParameterizedTest
    @EnumSource(Browser.Size.class)
    void anAdministratorSeesTheDistrictAndCatalogPages(Browser.Size size) {
        try (Browser browser = Browser.open("http://localhost:" + port, size)) {
            browser.signIn(ADMIN, PASSWORD);

            page(browser, "/admin", "进度看板", "admin-dashboard");
            if (size == Browser.Size.PHONE) {
                // On a phone every site is a card (PhoneGrid), not a row of ten columns to swipe through.
                browser.waitUntil("the sites as cards", () -> !browser.findAll(By.cssSelector("vaadin-grid .sh-grid-card")).isEmpty());
                assertThat(browser.text(By.cssSelector("vaadin-grid .sh-grid-card"))).contains("合计");
            }
            page(browser, "/admin/districts", "考区设置", "admin-districts");
            page(browser, "/admin/catalog", "材料目录", "admin-catalog");
            page(browser, "/admin/seasons", "考试年度", "admin-seasons");
            browser.click(By.xpath("//vaadin-button[normalize-space(.)='预览']"));
            browser.waitUntil("the preview", () -> browser.text(By.tagName("body")).contains("将开启"));
            browser.waitForVaadin();
            browser.settle();
            browser.screenshot("admin-seasons-preview");
        }
    }

    private static void page(Browser browser, String path, String title, String screenshot) {
        browser.go(path);
        browser.waitFor(By.cssSelector("vaadin-grid"));
        browser.waitForVaadin();
        assertThat(browser.text(By.tagName("h2"))).isEqualTo(title);
        browser.settle();
        browser.screenshot(screenshot);
    }
}
