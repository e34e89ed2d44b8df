package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in a real headless Chromium against a real server (H2 in a temporary folder):
 * what an analyst does, click by click. Skips where Chromium or chromedriver is missing. Slow:
 * runs in the failsafe phase of verify.
 */
@Tag("browser")
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTest {
  @TempDir static Path tmp;
  Server server;
  String base;

  @BeforeAll
  void start() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    server = new Server();
    base = "http://127.0.0.1:" + server.start(ServerConfig.local(0, data).withJobs(2, 2, 100));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  @Test
  void theAppLoadsUnderItsPolicyWithoutErrors() {
    try (Browser b = new Browser()) {
      b.open(base + "/");
      b.waitFor("#nav a[href='#/games']");
      assertThat(b.text("header .brand")).isEqualTo("Spiral");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }
}
