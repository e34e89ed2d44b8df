package spiral.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser tests, driven over WebDriver (Selenium) by the
 * system's {@code chromedriver}: the browser and the driver are the Debian packages' binaries,
 * given explicitly, so nothing is downloaded or looked up. Each instance has its own fresh
 * profile (its own cookies: two instances are two sessions) and is closed with the test.
 *
 * <p>A wait that times out fails with an {@link AssertionError} naming a screenshot and the page
 * source, written under {@code target/browser}. Tests call {@link #assumeAvailable()} first: it
 * skips them, naming what is missing, where either binary is absent ({@code .ci/run} installs
 * both where it can).
 *
 * <p>Cost: starting one takes about a second; each step is a local WebDriver round trip.
 */
final class Browser implements AutoCloseable {
  /** Debian's Chromium. */
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Debian's chromedriver (package chromium-driver), of the same version as the browser. */
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where failure screenshots and page sources go (relative to the module). */
  static final Path ARTIFACTS = Path.of("target", "browser");
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger FAILURES = new AtomicInteger();
  /**
   * Selenium's own log, kept quiet below SEVERE: it warns on every start that it has no DevTools
   * bindings for this Chromium's version, which these tests do not use (they speak WebDriver).
   */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOG.setLevel(Level.SEVERE);
  }

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  /** Skips the calling test (a JUnit assumption) if Chromium or chromedriver is missing. */
  static void assumeAvailable() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian package chromium)");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
    }
    Assumptions.assumeTrue(missing.isEmpty(), () -> "browser test skipped: missing "
        + String.join(" and ", missing) + "; .ci/run installs them");
  }

  /** Starts a fresh headless Chromium with its own empty profile. */
  Browser() {
    try {
      profile = Files.createTempDirectory("spiral-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a browser profile folder", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", java.util.Map.of(
        "download.default_directory", profile.resolve("downloads").toAbsolutePath().toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteProfile();
      throw e;
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /**
   * Waits (up to 20 s) for a file the page downloaded, complete (Chromium writes a partial
   * {@code .crdownload} first), and returns its bytes.
   */
  byte[] download(String name) {
    Path file = profile.resolve("downloads").resolve(name);
    return until("the download " + name, DEFAULT_WAIT, () -> {
      try {
        return Files.isRegularFile(file) && Files.size(file) > 0
            && !Files.exists(file.resolveSibling(name + ".crdownload")) ? Files.readAllBytes(file) : null;
      } catch (IOException e) {
        return null;
      }
    });
  }

  /** The underlying driver, for what the helpers do not cover. */
  WebDriver driver() {
    return driver;
  }

  /** Loads a page and waits for it to finish loading. */
  Browser open(String url) {
    driver.get(url);
    return this;
  }

  /** Waits (up to 20 s) for a visible element matching the CSS selector. */
  WebElement waitFor(String css) {
    return waitFor(css, DEFAULT_WAIT);
  }

  /** Waits for a visible element matching the CSS selector; fails with a screenshot on timeout. */
  WebElement waitFor(String css, Duration timeout) {
    return until("a visible element '" + css + "'", timeout,
        () -> driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
            .findFirst().orElse(null));
  }

  /** Waits for an element matching the CSS selector whose text contains the given text. */
  WebElement waitForText(String css, String text, Duration timeout) {
    return until("an element '" + css + "' with text '" + text + "'", timeout,
        () -> driver.findElements(By.cssSelector(css)).stream()
            .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
  }

  /** Waits until a condition holds (a non-null, non-false value); fails with a screenshot. */
  <T> T until(String what, Duration timeout, Supplier<T> condition) {
    try {
      return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(d -> {
        try {
          T v = condition.get();
          return Boolean.FALSE.equals(v) ? null : v;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
          return null;
        }
      });
    } catch (TimeoutException e) {
      throw fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
  }

  /** Clicks the (first visible) element matching the CSS selector, once it is clickable. */
  Browser click(String css) {
    WebElement e = waitFor(css);
    try {
      new WebDriverWait(driver, DEFAULT_WAIT).until(ExpectedConditions.elementToBeClickable(e));
    } catch (TimeoutException t) {
      throw fail("'" + css + "' did not become clickable");
    }
    e.click();
    return this;
  }

  /** Replaces the text of the input or text area matching the CSS selector. */
  Browser type(String css, String text) {
    WebElement e = waitFor(css);
    e.clear();
    e.sendKeys(text);
    return this;
  }

  /**
   * Sets a text area's or input's whole value at once and fires an input event, as a paste does
   * (typing a long text key by key is slow).
   */
  Browser paste(String css, String text) {
    WebElement e = waitFor(css);
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        e, text);
    return this;
  }

  /** The visible text of the first visible element matching the CSS selector. */
  String text(String css) {
    return waitFor(css).getText();
  }

  /** How many elements match the CSS selector now (visible or not). */
  int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  /** The page's URL now. */
  String url() {
    return driver.getCurrentUrl();
  }

  /**
   * The console messages at level SEVERE since the last call: script errors, CSP violations. The
   * browser's own notes on HTTP error statuses ("Failed to load resource") are left out: the app
   * meets 4xx answers by design (401 before login, 400 for an invalid scenario).
   */
  List<String> consoleErrors() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()
          && !e.getMessage().contains("Failed to load resource: the server responded with a status of 4")) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /**
   * An AssertionError for a failed step, naming a screenshot and the page source saved under
   * {@link #ARTIFACTS}: throw it.
   */
  AssertionError fail(String message) {
    StringBuilder m = new StringBuilder(message).append(" (page ").append(safeUrl()).append(')');
    try {
      Files.createDirectories(ARTIFACTS);
      String stem = "failure-" + ProcessHandle.current().pid() + "-" + FAILURES.incrementAndGet();
      Path png = ARTIFACTS.resolve(stem + ".png");
      Path html = ARTIFACTS.resolve(stem + ".html");
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(html, driver.getPageSource(), StandardCharsets.UTF_8);
      m.append("; screenshot ").append(png.toAbsolutePath()).append(", page source ").append(html.toAbsolutePath());
    } catch (IOException | WebDriverException e) {
      m.append("; no screenshot: ").append(e.getMessage());
    }
    return new AssertionError(m.toString());
  }

  private String safeUrl() {
    try {
      return driver.getCurrentUrl();
    } catch (WebDriverException e) {
      return "?";
    }
  }

  /** Takes a screenshot (PNG bytes) of the page as it is. */
  byte[] screenshot() {
    return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  /** Runs a script in the page and returns its value (as WebDriver converts it). */
  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind
    }
  }
}
