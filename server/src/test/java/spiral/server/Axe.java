package spiral.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The axe-core accessibility engine (Deque Systems, MPL-2.0), run inside a page the browser tests
 * have open. Its script comes from the npm registry's axe-core package, which {@code .ci/run}
 * fetches (pinned by version and SHA-256) into {@code .ci/cache}; where it is absent the check
 * skips and says so, as the browser tests do without Chromium. It is injected through WebDriver,
 * which the page's Content-Security-Policy does not govern, so the app itself loads nothing new.
 */
final class Axe {
  /** The pinned version; {@code .ci/run} fetches the same. */
  static final String VERSION = "4.10.2";
  static final Path SCRIPT = Path.of("..", ".ci", "cache", "axe-core-" + VERSION, "axe.min.js");
  private static String source;

  private Axe() {}

  /** Skips the calling test (a JUnit assumption) when the axe-core script has not been fetched. */
  static void assumeAvailable() {
    Assumptions.assumeTrue(Files.isRegularFile(SCRIPT),
        () -> "accessibility check skipped: " + SCRIPT + " is missing; .ci/run fetches axe-core " + VERSION);
  }

  /**
   * The serious and critical violations on the page as it is now, one line each ("rule: target,
   * target ..."), the WCAG 2.x A and AA rules and axe's best practices; empty when there are none.
   */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(Browser b) {
    synchronized (Axe.class) {
      if (source == null) {
        try {
          source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    JavascriptExecutor js = (JavascriptExecutor) b.driver();
    js.executeScript(source);
    Object out = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations"
        + ".filter((v) => v.impact === 'serious' || v.impact === 'critical')"
        + ".map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', '))),"
        + " (e) => done(['axe failed: ' + e]));");
    return (List<String>) out;
  }

  /** Fails naming each serious or critical violation on the page. */
  static void check(Browser b, String page) {
    List<String> v = seriousViolations(b);
    org.assertj.core.api.Assertions.assertThat(v).as("serious or critical accessibility violations on %s", page).isEmpty();
  }
}
