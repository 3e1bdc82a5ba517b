package cn.shencha.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.setup.SetupFixtures;
import cn.shencha.base.security.StaffScope;
import cn.shencha.exam.Candidate;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.TestImages;
import cn.shencha.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * axe-core against every page of the Vaadin UI in headless Chromium, at 390 px (a phone with a touch screen) and at
 * 1280 px: the pages before sign-in, the candidate's pages (with the large-image dialog open), the staff start page
 * reviewers see, and every administrator page. Any axe violation fails the test, with the rule and the elements.
 * Every page must also fit the screen's width (no sideways scrolling of the page, nor inside any of its grids) and have one {@code <main>} and an
 * {@code <h1>}. Under CI=true a missing Chromium fails the test; elsewhere it is skipped (see {@link Browser}).
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shencha-axe;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
class AccessibilityBrowserTests {

    static final String REVIEWER = "axereviewer";
    static final String ADMIN = "axeadmin";
    static final String STAFF_PASSWORD = "Axe2026pw";

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/deadlines", "/admin/candidates",
            "/admin/results", "/admin/districts", "/admin/catalog", "/admin/seasons", "/admin/notifications", "/admin/image-views",
            "/admin/retention");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identityService;
    @Autowired
    MaterialUploadService uploads;

    @BeforeEach
    void reset() {
        Browser.requireChromium();
        testData.resetDistricts();
        SetupFixtures.staffUser(identityService, REVIEWER, STAFF_PASSWORD, "site1201");
        SetupFixtures.staffUser(identityService, ADMIN, STAFF_PASSWORD, StaffScope.ADMIN_GROUP);
    }

    @ParameterizedTest
    @EnumSource(Browser.Size.class)
    void everyPageHasNoAxeViolation(Browser.Size size) {
        Candidate candidate = testData.candidate("1201");
        uploads.upload(candidate.getId(), "ID_CARD", "front.jpg",
                TestImages.jpeg(TestImages.document(1471, 1961, 17), 0.85f), Locale.SIMPLIFIED_CHINESE);
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();

        try (Browser browser = Browser.open("http://localhost:" + port, size)) {
            browser.go("/login");
            browser.waitFor(By.cssSelector("vaadin-login-form"));
            assertThat(Axe.version(browser)).startsWith("4.");
            check(browser, "/login", found);
            browser.go("/activate");
            browser.waitFor(By.id("activation-submit"));
            check(browser, "/activate", found);

            signIn(browser, candidate.getRegistrationNo(), TestData.PASSWORD);
            for (String page : List.of("/registration", "/materials", "/messages", "/result")) {
                browser.go(page);
                check(browser, page, found);
            }
            browser.go("/materials");
            browser.findAll(By.cssSelector("#material-ID_CARD .sh-thumb-open")).get(0).click();
            browser.waitFor(By.cssSelector("vaadin-dialog-overlay img.sh-large"));
            browser.waitUntil("the large image loads", () -> Boolean.TRUE.equals(browser.script(
                    "const i = document.querySelector('vaadin-dialog-overlay img.sh-large'); return i.complete && i.naturalWidth > 0")));
            check(browser, "/materials with the large image open", found);
            browser.find(By.cssSelector("vaadin-dialog-overlay vaadin-button")).click();
            browser.waitUntil("the dialog closes", () -> browser.findAll(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
            signOut(browser);

            signIn(browser, REVIEWER, STAFF_PASSWORD);
            browser.go("/staff");
            check(browser, "/staff (reviewer)", found);
            signOut(browser);

            signIn(browser, ADMIN, STAFF_PASSWORD);
            browser.go("/staff");
            check(browser, "/staff (administrator)", found);
            for (String page : ADMIN_PAGES) {
                browser.go(page);
                check(browser, page, found);
            }
        }
        assertThat(found).as("axe violations and layout faults at %s width", size).isEmpty();
    }

    private static void check(Browser browser, String page, Map<String, List<String>> found) {
        browser.waitForVaadin();
        List<String> problems = new ArrayList<>(Axe.violations(browser));
        Number overflow = (Number) browser.script("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                const widest = Math.max(document.documentElement.scrollWidth, content ? content.scrollWidth : 0);
                return widest - document.documentElement.clientWidth;""");
        if (overflow.intValue() > 0) {
            problems.add("the page is " + overflow + " px wider than the screen");
        }
        // A grid that is wider than its own box makes a phone user swipe inside it to find a column: every grid fits.
        @SuppressWarnings("unchecked")
        List<String> wideGrids = (List<String>) browser.script("""
                return [...document.querySelectorAll('vaadin-grid')]
                    .map(g => [g, g.shadowRoot && g.shadowRoot.querySelector('#table')])
                    .filter(([g, t]) => t && t.scrollWidth - t.clientWidth > 1)
                    .map(([g, t]) => (g.id || g.getAttribute('aria-label') || 'grid') + ' ' + t.scrollWidth + ' px in ' + t.clientWidth);""");
        for (String grid : wideGrids) {
            problems.add("a grid scrolls sideways: " + grid);
        }
        if (((Number) browser.script("return document.querySelectorAll('main').length")).intValue() != 1) {
            problems.add("not exactly one <main>");
        }
        if (((Number) browser.script("return document.querySelectorAll('h1').length")).intValue() < 1) {
            problems.add("no <h1>");
        }
        if (!problems.isEmpty()) {
            found.put(page, problems);
            System.out.println("axe/layout @ " + browser.size() + " " + page + ":\n    " + String.join("\n    ", problems));
        }
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.signIn(username, password);
    }

    private static void signOut(Browser browser) {
        browser.find(By.id("logout")).click();
        browser.waitFor(By.cssSelector("vaadin-login-form"));
    }
}
