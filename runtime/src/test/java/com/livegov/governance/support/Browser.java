package com.livegov.governance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) pointed at a running
 * application, used the way a person would: open a page, find a field by its label, type, press a button by its
 * text, read what the page says. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final RunningApp app;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(RunningApp app, String acceptLanguage) {
        this.app = app;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1400,1000", "--lang=" + acceptLanguage,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser whose user prefers English. */
    public static Browser english(RunningApp app) {
        return new Browser(app, "en-US");
    }

    /** A browser whose user prefers Simplified Chinese. */
    public static Browser chinese(RunningApp app) {
        return new Browser(app, "zh-CN");
    }

    /** Opens a page of the application ({@code /inbox}). */
    public Browser open(String path) {
        driver.get("http://localhost:" + app.port() + path);
        return this;
    }

    /** Logs in through the login form (as a person would: the form's labels are read in the page's language). */
    public Browser logIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** Logs in a test user (created with these groups unless it exists, see {@link TestLogins}). */
    public Browser logInAs(String username, String... groups) {
        new TestLogins(app.jdbc()).ensure(username, List.of(groups));
        return logIn(username, TestLogins.PASSWORD);
    }

    /** The form field whose label reads this text. */
    public WebElement field(String label) {
        WebElement labelElement = waitFor(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
        String id = labelElement.getDomAttribute("for");
        return id == null ? labelElement.findElement(By.xpath(".//input|.//select|.//textarea")) : driver.findElement(By.id(id));
    }

    /** The button (or submit input, or link styled as one) whose text reads this. */
    public WebElement button(String text) {
        return waitFor(By.xpath("//button[normalize-space(.)=" + literal(text) + "]|//input[@type='submit' and @value=" + literal(text)
                + "]|//a[normalize-space(.)=" + literal(text) + "]"));
    }

    /** The link whose text reads this. */
    public WebElement link(String text) {
        return waitFor(By.xpath("//a[normalize-space(.)=" + literal(text) + "]"));
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page shows this text somewhere. */
    public Browser waitForText(String text) {
        // the page may be replaced while it is read (a form's answer arriving): the old body then goes stale, and
        // the next poll reads the new one
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** The text the page shows. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    /** An XPath string literal for any text (quotes included). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
