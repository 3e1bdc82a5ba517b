package cn.shencha.base.ui;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the browser and the driver named explicitly (no
 * Selenium Manager, no download). Under CI=true a missing Chromium fails the test; elsewhere it skips.
 * Viewports are emulated exactly (desktop 1280×900, phone 390×844 with a touch screen), and screenshots go to
 * {@code SHENCHA_SCREENSHOTS} (e.g. docs/screenshots) or else to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public enum Size {
        DESKTOP("desktop", 1280, 900, false),
        PHONE("phone", 390, 844, true);

        final String label;
        final int width;
        final int height;
        final boolean mobile;

        Size(String label, int width, int height, boolean mobile) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final Size size;

    private Browser(ChromeDriver driver, Path profile, String baseUrl, Size size) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.size = size;
    }

    /** Fails under CI when Chromium or its driver is missing; skips the test elsewhere. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install chromium and chromium-driver");
            }
            Assumptions.abort("Chromium is not installed here (" + CHROMIUM + ")");
        }
    }

    public static Browser open(String baseUrl, Size size) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("shencha-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--lang=zh-CN",
                    "--window-size=" + size.width + "," + size.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Browser browser = new Browser(driver, profile, baseUrl, size);
            browser.emulate(size.height);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void emulate(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", height, "deviceScaleFactor", 1, "mobile", size.mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", size.mobile));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Size size() {
        return size;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    /** Waits until the Vaadin client has no request in flight. */
    public void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!window.Vaadin && !!window.Vaadin.Flow"
                        + " && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    public void waitUntil(String description, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(description).until(d -> condition.get());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Scrolls the element to the middle of the screen and clicks it (below the fold on a phone, a click misses). */
    public void click(By by) {
        WebElement element = find(by);
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** Types into a Vaadin text field (its input lives in the light DOM). */
    public void type(String fieldId, String text) {
        WebElement input = find(By.cssSelector("#" + fieldId + " input"));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens the sign-in page and sends its form with these credentials (the answer is the caller's to wait for). */
    public void submitLogin(String username, String password) {
        go("/login");
        waitFor(By.cssSelector("vaadin-login-form"));
        type("vaadinLoginUsername", username);
        type("vaadinLoginPassword", password);
        find(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
    }

    /** Signs in and waits until the app has left the sign-in page and Vaadin is idle. */
    public void signIn(String username, String password) {
        submitLogin(username, password);
        waitUntil("signed in", () -> !driver.getCurrentUrl().endsWith("/login"));
        waitForVaadin();
    }

    /** Chooses a file in a vaadin-upload: its file input is in the shadow root. */
    public void chooseFile(WebElement upload, Path file) {
        SearchContext shadow = upload.getShadowRoot();
        List<WebElement> inputs = shadow.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inputs.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inputs.get(0);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** A screenshot of the whole page (not just the viewport), named {@code <name>-<desktop|phone>.png}. */
    public Path screenshot(String name) {
        waitForVaadin();
        Path dir = Path.of(System.getenv().getOrDefault("SHENCHA_SCREENSHOTS", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Number contentHeight = (Number) driver.executeScript("""
                    const heights = [document.documentElement.scrollHeight, document.body.scrollHeight];
                    const layout = document.querySelector('vaadin-app-layout');
                    if (layout) {
                      const content = layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                      if (content) heights.push(content.scrollHeight + content.getBoundingClientRect().top);
                    }
                    return Math.max(...heights);""");
            int height = Math.max(size.height, Math.min(6000, contentHeight.intValue()));
            emulate(height);
            settle();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            emulate(size.height);
            Path file = dir.resolve(name + "-" + size.label + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of what the screen shows (for dialogs, which float over the viewport). */
    public Path screenshotViewport(String name) {
        waitForVaadin();
        settle();
        Path dir = Path.of(System.getenv().getOrDefault("SHENCHA_SCREENSHOTS", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Path file = dir.resolve(name + "-" + size.label + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for two animation frames: the layout has been recomputed and painted. */
    public void settle() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
