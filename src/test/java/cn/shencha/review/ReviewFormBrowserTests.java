package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.internal.MaterialOverview;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.internal.MaterialTypeOverview;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review desk in a real browser (Debian's headless Chromium and chromedriver; Selenium never downloads
 * one): a site reviewer signs in on the app's login page, opens Tasklist and the candidate's task, sees the
 * images load, looks at one enlarged and rotated, marks a material "replace" and sends the case back; the
 * candidate's materials then show that material unlocked with the feedback. Also saves the screenshots of
 * both forms to target/screenshots/ (docs/screenshots/ with SHENCHA_SCREENSHOTS=docs/screenshots). Without Chromium the test fails under CI=true and is skipped elsewhere.
 */
@ReviewWebTest
@Tag("browser")
class ReviewFormBrowserTests {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired ReviewFixtures fixtures;
    @Autowired TaskService taskService;
    @Autowired ReviewDecisionService decisions;
    @Autowired MaterialOverviewService overview;

    WebDriver driver;
    Path profile;

    @BeforeEach
    void setUp() {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: install Debian's chromium and chromium-driver (see .ci/run)");
            }
            Assumptions.abort("Chromium is not installed here");
        }
        fixtures.reset();
    }

    @AfterEach
    void quit() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void siteReviewerSendsAMaterialBackFromTasklistAndTheCandidateSeesItUnlocked() throws IOException {
        Candidate candidate = fixtures.submittedWithImages("1201");
        Task task = fixtures.task(candidate);
        driver = startBrowser();
        try {
            signIn(ReviewTestStaff.SITE_1201);
            openTasklist("/camunda/app/tasklist/default/");
            // The reviewer's first filter "待审核（本考点）" lists the task under its privacy-safe name.
            WebElement entry = waitFor(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '"
                    + candidate.getMaskedIdNumber() + "')]"));
            entry.click();
            tasklistIsChineseInShanghaiTime();
            claim();
            waitForImages();

            // Enlarge the first thumbnail, rotate and zoom it, close the viewer.
            driver.findElements(By.cssSelector("[data-shencha-desk] .sd-thumb")).get(0).click();
            WebElement viewer = waitFor(By.cssSelector("#shencha-lightbox.sd-open"));
            viewer.findElement(By.cssSelector("button[data-action='rotateRight']")).click();
            viewer.findElement(By.cssSelector("button[data-action='zoomIn']")).click();
            String transform = (String) js("return document.querySelector('#shencha-lightbox img').style.transform;");
            assertThat(transform).contains("rotate(90deg)").contains("scale(1.25)");
            new WebDriverWait(driver, WAIT).until(d -> (Boolean) js(
                    "var i = document.querySelector('#shencha-lightbox img'); return i.complete && i.naturalWidth > 0;"));
            assertThat(viewer.findElement(By.cssSelector(".sd-watermark")).getCssValue("background-image")).contains("svg");
            viewer.findElement(By.cssSelector("button[data-action='close']")).click();

            WebElement idCard = driver.findElement(By.cssSelector("section[data-type-code='ID_CARD']"));
            click(idCard.findElement(By.cssSelector("input[data-verdict='REPLACE']")));
            click(idCard.findElement(By.cssSelector("input[data-reason='不清晰']")));
            idCard.findElement(By.cssSelector("input[data-reason-text='ID_CARD']")).sendKeys("反面反光，请重新拍摄");
            click(driver.findElement(By.cssSelector("input[data-decision='SUPPLEMENT']")));
            js("document.querySelector('[data-shencha-desk]').scrollIntoView({block: 'start'});");
            screenshot("site-review-form.png");

            complete();
            new WebDriverWait(driver, WAIT).until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult() == null);
        } catch (RuntimeException | AssertionError e) {
            failureEvidence();
            throw e;
        }

        MaterialOverview materials = overview.overview(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
        MaterialTypeOverview idCard = materials.types().stream().filter(t -> t.typeCode().equals("ID_CARD")).findFirst().orElseThrow();
        assertThat(idCard.locked()).isFalse();
        assertThat(idCard.feedback()).contains("不清晰").contains("反面反光，请重新拍摄");
        assertThat(materials.types().stream().filter(t -> t.typeCode().equals("DIPLOMA")).findFirst().orElseThrow().locked()).isTrue();
        assertThat(materials.feedback()).anySatisfy(f -> assertThat(f).contains("不清晰"));
    }

    @Test
    void districtReviewerSeesTheSitesRecommendation() throws IOException {
        Candidate candidate = fixtures.submittedWithImages("1202");
        decisions.decide(fixtures.task(candidate).getId(), ReviewTestStaff.scope(ReviewTestStaff.SITE_1202),
                new DecisionCommand(Decision.REJECT, "试用期考核时间不满一年", List.of()));
        Task districtTask = fixtures.task(candidate);
        driver = startBrowser();
        try {
            signIn(ReviewTestStaff.DISTRICT_12);
            openTasklist("/camunda/app/tasklist/default/#/?task=" + districtTask.getId());
            claim();
            waitForImages();
            WebElement banner = waitFor(By.cssSelector("[data-recommendation='REJECT']"));
            assertThat(banner.getText()).contains("试用期考核时间不满一年");
            assertThat(driver.findElements(By.cssSelector("input[data-decision]")).stream()
                    .map(e -> e.getAttribute("value")).toList()).containsExactly("APPROVE", "SUPPLEMENT", "REJECT");
            click(driver.findElement(By.cssSelector("input[data-decision='REJECT']")));
            // The server's refusal shows in the form: a rejection without a reason.
            complete();
            WebElement error = waitFor(By.cssSelector("#sd-error"));
            new WebDriverWait(driver, WAIT).until(d -> !error.getText().isBlank());
            assertThat(error.getText()).contains("不通过须填写原因");
            driver.findElement(By.cssSelector("#sd-decision-reason")).sendKeys("试用期考核时间不满一年，不符合报考条件");
            js("document.querySelector('[data-shencha-desk]').scrollIntoView({block: 'start'});");
            screenshot("district-review-form.png");
        } catch (RuntimeException | AssertionError e) {
            failureEvidence();
            throw e;
        }
        assertThat(taskService.createTaskQuery().taskId(districtTask.getId()).singleResult()).isNotNull();
    }

    @Test
    void aBrowserInEnglishGetsTasklistInEnglish() throws IOException {
        Candidate candidate = fixtures.submittedWithImages("1201");
        Task task = fixtures.task(candidate);
        driver = startBrowser("en-US");
        try {
            signIn(ReviewTestStaff.SITE_1201);
            openTasklist("/camunda/app/tasklist/default/#/?task=" + task.getId());
            waitFor(By.xpath("//button[normalize-space(.)='Claim']"));
            assertThat(driver.findElement(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
            assertThat(driver.findElements(By.xpath("//*[normalize-space(.)='认领']"))).isEmpty();
        } catch (RuntimeException | AssertionError e) {
            failureEvidence();
            throw e;
        }
    }

    /**
     * Tasklist speaks Chinese (the browser's language is zh-CN), shows Shanghai time although the browser runs in
     * New York (startBrowser), has no migration banner and no "Create task" / "Start process".
     */
    private void tasklistIsChineseInShanghaiTime() throws IOException {
        waitFor(By.xpath("//button[normalize-space(.)='认领']"));
        assertThat(js("return Intl.DateTimeFormat().resolvedOptions().timeZone;")).isEqualTo(BROWSER_ZONE);
        assertThat(driver.findElement(By.id("footer-timezone")).getText())
                .contains("日期和时间按以下时区显示").contains("Asia/Shanghai");
        assertThat(driver.findElement(By.cssSelector("input[placeholder='筛选任务']")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("body")).getText())
                .doesNotContain("Claim", "Complete", "Filter Tasks", "migrate to Camunda 8", "local timezone")
                .doesNotContain("新建任务", "启动流程", "Create task", "Start process");
        assertThat(driver.findElements(By.cssSelector(".create-task-action, .start-process-action"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        // Tasklist's own date filter and moment: 16:00 UTC is 00:00 the next day in Shanghai, not 11:00 in New York.
        assertThat(js("""
                var injector = angular.element(document.body).injector();
                return injector.get('$filter')('camDate')('2026-02-11T16:00:00.000+0000', 'normal');""")).isEqualTo("2026-02-12 00:00");
        assertThat(js("return angular.element(document.body).injector().get('moment')"
                + "('2026-02-11T16:00:00Z').format('YYYY-MM-DD HH:mm Z');")).isEqualTo("2026-02-12 00:00 +08:00");
        screenshot("tasklist-zh.png");
    }

    // browser ///////////////////////////////////////////////////////////////////////////////////////

    /** The browser's time zone: anything but Shanghai, so Tasklist's Shanghai times are not an accident. */
    static final String BROWSER_ZONE = "America/New_York";

    private WebDriver startBrowser() throws IOException {
        return startBrowser("zh-CN");
    }

    private WebDriver startBrowser(String language) throws IOException {
        profile = Files.createTempDirectory("shencha-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1500,1900", "--lang=" + language, "--user-data-dir=" + profile.toAbsolutePath());
        // The browser's languages, as a reviewer's browser sends them (headless Chromium takes them from this
        // preference, not from --lang): Tasklist picks its locale from the first one.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(java.util.Map.of("TZ", BROWSER_ZONE))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(WAIT);
        return chrome;
    }

    /**
     * Opens Tasklist. On a loaded machine the first start of the webapp can take longer than RequireJS waits for
     * Tasklist's plugin bundle (7 s: "Load timeout for modules: tasklist-plugin-tasklistPlugins"), and the page
     * stays on its spinner; a reviewer would reload, and so does the test, at most twice.
     */
    private void openTasklist(String path) {
        for (int attempt = 1; ; attempt++) {
            driver.get(url(path));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(45)).until(d -> (Boolean) js(
                        "return !document.querySelector('.app-splash') && !!document.querySelector('[class*=tasks-list], [cam-tasks]');"));
                return;
            } catch (org.openqa.selenium.TimeoutException stillStarting) {
                if (attempt == 3) {
                    throw stillStarting;
                }
            }
        }
    }

    private void signIn(String user) {
        driver.get(url("/login"));
        WebElement username = waitFor(By.cssSelector("input[name='username']"));
        username.sendKeys(user);
        WebElement password = driver.findElement(By.cssSelector("input[name='password']"));
        password.sendKeys(ReviewTestStaff.PASSWORD);
        password.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void claim() {
        WebElement claim = waitFor(By.xpath("//button[normalize-space(.)='认领']"));
        claim.click();
        waitFor(By.cssSelector("[data-shencha-desk] input[data-decision]"));
        new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector("[data-shencha-desk] input[data-decision]")).isEnabled());
    }

    private void complete() {
        WebElement button = waitFor(By.xpath("//button[normalize-space(.)='完成']"));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(button));
        click(button);
    }

    /** Clicks like a person who scrolled to the element first (Tasklist's footer covers the bottom edge). */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element));
        element.click();
    }

    /** Every thumbnail of the form has loaded from the reviewer API (same session as Tasklist). */
    private void waitForImages() {
        waitFor(By.cssSelector("[data-shencha-desk] img.sd-thumb-img"));
        new WebDriverWait(driver, WAIT).until(d -> (Boolean) js("""
                var imgs = document.querySelectorAll('[data-shencha-desk] img.sd-thumb-img');
                return imgs.length > 0 && Array.prototype.every.call(imgs, function (i) {
                  i.loading = 'eager';
                  return i.complete && i.naturalWidth > 0;
                });"""));
        assertThat(driver.findElements(By.cssSelector("[data-shencha-desk] .sd-thumb .sd-watermark"))).isNotEmpty();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        // Like Browser: target/screenshots, or SHENCHA_SCREENSHOTS=docs/screenshots when the docs' pictures are remade.
        Path target = Path.of(System.getenv().getOrDefault("SHENCHA_SCREENSHOTS", "target/screenshots"), name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void failureEvidence() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve("failure-" + System.currentTimeMillis() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("failure-" + System.currentTimeMillis() + ".html"), driver.getPageSource());
            Files.writeString(dir.resolve("failure-" + System.currentTimeMillis() + ".console.txt"),
                    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                            .map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
        } catch (Exception ignored) {
            // the original failure matters more
        }
    }
}
