package org.vitrine.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through Debian's ChromeDriver (packages {@code chromium} and {@code chromium-driver}).
 * Both paths are given to Selenium explicitly, so it never asks Selenium Manager for (and never downloads) a
 * driver or a browser.
 * <p>
 * Without them the browser tests are skipped on a developer's machine, with the command that installs them; when
 * {@code CI=true} or {@code VITRINE_REQUIRE_BROWSER=true} they fail instead, because CI must run them.
 */
final class Chromium {

    /** Where Debian installs them; the system properties exist to check the skip/fail path without uninstalling. */
    static final Path BROWSER = Path.of(System.getProperty("vitrine.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("vitrine.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private Chromium() {
    }

    /**
     * Why the browser tests cannot run here and are skipped, or null when they run: when Chromium or its driver is
     * missing, unless CI (or the developer) requires them, in which case {@link #requireInstalled()} fails them.
     */
    static String reasonToSkip() {
        String missing = missing();
        if (missing == null || required(System.getenv())) {
            return null;
        }
        return problem(missing) + "; skipped (CI=true or VITRINE_REQUIRE_BROWSER=true makes them mandatory)";
    }

    /** Fails the calling test class when Chromium or its driver is missing. */
    static void requireInstalled() {
        String missing = missing();
        if (missing != null) {
            Assertions.fail(problem(missing) + "; CI=true or VITRINE_REQUIRE_BROWSER=true makes them mandatory");
        }
    }

    private static String problem(String missing) {
        return missing + " is missing: the browser tests need Debian's Chromium and ChromeDriver (" + INSTALL + ")";
    }

    /** The first of browser and driver that is not installed, or null when both are. */
    static String missing() {
        if (!Files.isExecutable(BROWSER)) {
            return BROWSER.toString();
        }
        if (!Files.isExecutable(DRIVER)) {
            return DRIVER.toString();
        }
        return null;
    }

    /** Whether a missing browser is a failure rather than a reason to skip. */
    static boolean required(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim())
                || "true".equalsIgnoreCase(env.getOrDefault("VITRINE_REQUIRE_BROWSER", "").trim());
    }

    /**
     * A headless Chromium with a profile of its own in {@code userDataDir}, made for a machine without a display
     * or network beyond loopback (and run as root, hence no sandbox). Prompts such as {@code alert()} are left
     * open, so a test can see that one was raised.
     */
    static ChromeDriver start(Path userDataDir, Path driverLog) throws IOException {
        Files.createDirectories(userDataDir);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + userDataDir,
                // no transitions: a screenshot shows the state a test waited for, not a bar still growing to it
                "--force-prefers-reduced-motion");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
