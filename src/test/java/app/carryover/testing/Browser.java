package app.carryover.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium,
 * as a person would use Carryover. Tests are skipped, saying why, where no browser is installed;
 * {@code .ci/run} installs one.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(String baseUrl, int width, int height) throws IOException {
        this(baseUrl, width, height, null);
    }

    /** @param languages the browser's Accept-Language ("es-ES,es"), null for Chromium's own */
    private Browser(String baseUrl, int width, int height, String languages) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (languages != null) {
            options.addArguments("--lang=" + languages.split(",")[0]);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        }
        if (width < 500) {
            // Chromium keeps windows at least 500 pixels wide; a phone's viewport needs its device metrics.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    /** A desktop-sized browser; skips the test when Chromium is not installed. */
    public static Browser open(String baseUrl) throws IOException {
        return open(baseUrl, 1280, 900);
    }

    /** A phone-sized browser (a 390 × 844 viewport). */
    public static Browser phone(String baseUrl) throws IOException {
        return open(baseUrl, 390, 844);
    }

    /** A phone-sized browser whose language settings ask for {@code languages} ("es-ES,es"). */
    public static Browser phone(String baseUrl, String languages) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver");
        return new Browser(baseUrl, 390, 844, languages);
    }

    private static Browser open(String baseUrl, int width, int height) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium "
                        + "chromium-driver), as .ci/run does");
        return new Browser(baseUrl, width, height);
    }

    public Browser go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    /**
     * Goes to a page as this person. When their session has ended meanwhile (the practice's absolute
     * session lifetime, 12 hours by default, passes whenever a test moves the clock a day on), the page
     * they get is the sign-in page saying so: they sign in again, with their second factor if they have
     * one, the way they would, and go where they were going.
     */
    public Browser goAs(Fixtures.Person person, Clock clock, String path) {
        go(path);
        if (path().startsWith("/signin") && !path.startsWith("/signin")) {
            if (!text().contains("Your session has ended")) {
                throw new IllegalStateException("sent to sign in without being told the session ended: " + text());
            }
            type("email", person.email()).type("password", Fixtures.PASSWORD);
            press("Sign in");
            if (person.totpSecret() != null) {
                type("code", TestTotp.code(person.totpSecret(), clock.instant()));
                press("Continue");
            }
            go(path);
        }
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks, then waits for the page the click leads to (if it leads to one) to finish loading. */
    public Browser click(By by) {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> gone(before));
        } catch (TimeoutException stayedOnPage) {
            // a click that changes nothing but the current page (a checkbox, an htmx swap)
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page this element belonged to has been replaced. While a page is being torn down Chromium
     * may answer "Node with given id does not belong to the document" instead of a stale-element error: that
     * too means the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException tornDown) {
            if (String.valueOf(tornDown.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw tornDown;
        }
    }

    /** Clicks the button or link showing this text. */
    public Browser press(String text) {
        return click(By.xpath("//button[normalize-space()=\"" + text + "\"] | //a[normalize-space()=\"" + text + "\"]"));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public void waitFor(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> text().contains(text));
    }

    /** Forgets the session, as a new person at the same computer would. */
    public void clearCookies() {
        driver.manage().deleteAllCookies();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the page under target/screenshots, for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
