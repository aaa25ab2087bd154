package org.vitrine.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, registered as an extension:
 * <pre>
 * &#64;RegisterExtension
 * static final ChromiumSession chromium = new ChromiumSession();
 * </pre>
 * Without Chromium the class is skipped, saying how to install it, or fails when CI requires the browser tests
 * ({@link Chromium}); otherwise, before the class, it starts the browser with a fresh profile; after a failed test it saves a screenshot named after the test (with the
 * page's console log and HTML beside it) under {@code target/screenshots}; after the class it quits the browser.
 * <p>
 * The web client marks each route with {@code <body data-ready="true">} once rendered; every wait here is an
 * explicit {@link WebDriverWait} on that or on an element, never a fixed pause.
 */
final class ChromiumSession implements ExecutionCondition, BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of(System.getProperty("vitrine.screenshots", "target/screenshots")).toAbsolutePath();
    private static final Path PROFILES = Path.of(System.getProperty("vitrine.it.homes", "target/it-homes")).toAbsolutePath();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final By READY = By.cssSelector("body[data-ready=\"true\"]");

    private ChromeDriver driver;
    private String base;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = Chromium.reasonToSkip();
        if (reason != null) {
            System.err.println(context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Chromium.requireInstalled();
        String name = context.getRequiredTestClass().getSimpleName() + "-" + System.nanoTime();
        Path profile = PROFILES.resolve("chromium-" + name);
        driver = Chromium.start(profile, PROFILES.resolve("chromedriver-" + name + ".log"));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            saveEvidence(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Points the browser at this instance (by 127.0.0.1, the host its cookies and OAuth callback use). */
    ChromiumSession at(VitrineInstance vitrine) {
        base = "http://127.0.0.1:" + vitrine.port;
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return base + path;
    }

    /** Loads the path as a person typing the address would, and waits until the client has rendered it. */
    ChromiumSession open(String path) {
        driver.get(url(path));
        awaitReady();
        return this;
    }

    /** Waits for {@code <body data-ready="true">}. */
    ChromiumSession awaitReady() {
        waitUntil("the page to be rendered (body[data-ready=\"true\"]) at " + driver.getCurrentUrl(), WAIT,
                d -> !d.findElements(READY).isEmpty());
        return this;
    }

    /** Waits until the browser shows this path (query ignored) and the client has rendered it. */
    ChromiumSession awaitPath(String path) {
        waitUntil("the address to become " + path + " (it is " + driver.getCurrentUrl() + ")", WAIT,
                d -> path.equals(URI.create(d.getCurrentUrl()).getPath()));
        return awaitReady();
    }

    /** The path and query the browser shows, e.g. {@code /?q=gear}. */
    String location() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Waits until an element matching the CSS selector is displayed, and returns it. */
    WebElement visible(String css) {
        return visible(css, WAIT);
    }

    WebElement visible(String css, Duration timeout) {
        return waitUntil("'" + css + "' to be visible at " + location(), timeout,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until an element matching the CSS selector is in the page (shown or not), and returns it. */
    WebElement present(String css) {
        return waitUntil("'" + css + "' to be in the page at " + location(), WAIT,
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until no element matching the CSS selector is displayed. */
    void gone(String css) {
        waitUntil("'" + css + "' to be hidden or removed at " + location(), WAIT,
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Every element matching the selector now (no wait). */
    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Whether an element matching the selector is displayed now (no wait). */
    boolean shown(String css) {
        try {
            return all(css).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException rerendered) {
            return false;
        }
    }

    /** Waits until the element's text contains the fragment, and returns the whole text. */
    String awaitText(String css, String fragment) {
        return awaitText(css, fragment, WAIT);
    }

    String awaitText(String css, String fragment, Duration timeout) {
        waitUntil("'" + css + "' to contain \"" + fragment + "\" at " + location() + " (it shows \"" + textOrNone(css) + "\")",
                timeout, d -> textOrNone(css).contains(fragment));
        return textOrNone(css);
    }

    /** Waits until the element shows some text (an error message, a count), and returns it. */
    String awaitSomeText(String css) {
        waitUntil("'" + css + "' to show some text at " + location(), WAIT, d -> !textOrNone(css).isBlank());
        return textOrNone(css);
    }

    private String textOrNone(String css) {
        try {
            return driver.findElement(By.cssSelector(css)).getText();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    /** Clears the field and types into it, as a person would. */
    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        waitUntil("'" + css + "' to be clickable at " + location(), WAIT,
                ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Waits until the condition holds (a null or false answer means not yet); fails naming what was awaited. */
    <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("waiting for " + what)
                .until(condition::apply);
    }

    /** The text of a JavaScript dialog (alert, confirm, prompt) left open by the page, or null when none is. */
    String openDialog() {
        try {
            return driver.switchTo().alert().getText();
        } catch (NoAlertPresentException none) {
            return null;
        }
    }

    /** Runs a read-only look at the page, e.g. {@code return document.title}. */
    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs a script that answers through its callback (the last argument), e.g. after a dynamic import. */
    Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** Forgets every cookie of the site: the next page is seen by someone signed out. */
    void forgetCookies() {
        driver.manage().deleteAllCookies();
    }

    /** Takes over the session of someone signed in over HTTP (the browser forgets its own cookies first). */
    void useSessionOf(Browser person) {
        forgetCookies();
        open("/");
        driver.manage().addCookie(new Cookie.Builder(Browser.SESSION_COOKIE, person.sessionCookie()).path("/").isHttpOnly(true).build());
    }

    /** Saves the whole page (not only the window) as {@code target/screenshots/<name>.png}, for a person to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, wholePage());
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    /** The page down to its end (at most 6000 CSS pixels), through the DevTools protocol; the window alone if that fails. */
    private byte[] wholePage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(6000, ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException devToolsRefused) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** After a failure: a screenshot, the page's HTML and the browser console, named after the test. */
    private void saveEvidence(String test) {
        String name = "failed-" + test;
        try {
            String dialog = openDialog();
            if (dialog != null) {
                driver.switchTo().alert().dismiss();
            }
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage()).collect(Collectors.joining("\n"));
            Files.writeString(SCREENSHOTS.resolve(name + ".console.txt"), "at " + driver.getCurrentUrl() + "\n"
                    + (dialog == null ? "" : "open dialog: " + dialog + "\n") + console + "\n", StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the evidence of " + test + ": " + e);
        }
    }
}
