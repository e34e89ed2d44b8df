package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepExecutorFactory;
import spiral.explore.sweep.SweepRunner;
import spiral.scenario.BuiltinScenarios;

/** The Spark executor on {@code local[2]}: the local executor's results file, byte for byte. */
class SparkSweepExecutorTest {
  @TempDir Path tmp;

  static String results(Path dir) throws IOException {
    return Files.readString(dir.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8);
  }

  @Test
  void aCalibrationsCandidatesOnSparkGiveTheLocalPosterior() throws Exception {
    try (spiral.explore.sweep.BatchSession session = new SparkSweepExecutor("local[2]", List.of(), 0).openBatches("spiral calibrate test")) {
      Calibrations.sameAsLocal(session);
    }
    assertThatThrownBy(() -> new SparkSweepExecutor("yarn", List.of(), 0).openBatches("x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--master yarn").hasMessageContaining("no YARN support");
  }

  /** A standalone master that is not there is named at once, with its address and the reason. */
  @Test
  void anUnreachableMasterIsNamedBeforeSparkStarts() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    String master = "spark://127.0.0.1:" + port;
    long start = System.nanoTime();
    assertThatThrownBy(() -> new SparkSweepExecutor(master, List.of(), 0).openBatches("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach the Spark master " + master + " (127.0.0.1:" + port + ": ")
        .hasMessageContaining("start it, or give its address with --master");
    assertThat((System.nanoTime() - start) / 1e9).as("seconds to say so").isLessThan(SparkSweepExecutor.CONNECT_MILLIS / 1000.0 + 2);
    // with a standby, every address is tried and named
    assertThatThrownBy(() -> SparkSweepExecutor.reachable("spark://127.0.0.1:" + port + ",127.0.0.1:x"))
        .hasMessageContaining("127.0.0.1:" + port + ": ").hasMessageContaining("127.0.0.1:x: not a port");
    SparkSweepExecutor.reachable("local[2]"); // not a standalone master: nothing to check
  }

  /**
   * A master whose web UI shows another Spark line stops the command at once with one line naming
   * both versions; the same line with another patch release is said and goes on; a page without a
   * version, or none at all, is not a reason to stop. The pages are served over HTTP as Spark 3.5's
   * and 4.x's master pages write the version (the real 4.x page is read in StandaloneClusterTest).
   */
  @Test
  void aClusterOfAnotherSparkVersionIsNamedWithBothVersions() throws Exception {
    com.sun.net.httpserver.HttpServer ui = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    java.util.Map<String, String> pages = java.util.Map.of(
        "/three/", "<a class=\"brand\"><span class=\"version\" style=\"margin-right: 15px;\">3.5.1</span></a>",
        "/four/", "<a class=\"navbar-brand\"><span class=\"version me-3\">4.1.1</span></a>",
        "/none/", "<html>no version here</html>");
    ui.createContext("/", ex -> {
      byte[] body = pages.getOrDefault(ex.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    ui.start();
    try {
      String base = "http://127.0.0.1:" + ui.getAddress().getPort();
      assertThat(SparkSweepExecutor.uiVersion(base + "/three/")).isEqualTo("3.5.1");
      assertThat(SparkSweepExecutor.uiVersion(base + "/four/")).isEqualTo("4.1.1");
      assertThat(SparkSweepExecutor.uiVersion(base + "/none/")).isNull();
      assertThat(SparkSweepExecutor.uiVersion(base + "/missing/")).isNull();
      assertThatThrownBy(() -> SparkSweepExecutor.sameVersion("spark://127.0.0.1:7077", base + "/three/", "4.2.0"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the Spark cluster at spark://127.0.0.1:7077 runs Spark 3.5.1 and this driver Spark 4.2.0: ")
          .hasMessageContaining("use a cluster of Spark 4.2");
      assertThatThrownBy(() -> SparkSweepExecutor.sameVersion("spark://127.0.0.1:7077", base + "/four/", "4.2.0"))
          .hasMessageContaining("runs Spark 4.1.1 and this driver Spark 4.2.0");
      SparkSweepExecutor.sameVersion("spark://127.0.0.1:7077", base + "/four/", "4.1.0"); // the same line
      SparkSweepExecutor.sameVersion("spark://127.0.0.1:7077", base + "/four/", "4.1.1");
      SparkSweepExecutor.sameVersion("spark://127.0.0.1:7077", base + "/none/", "4.2.0");
      SparkSweepExecutor.sameVersion("local[2]", base + "/three/", "4.2.0"); // not a standalone master
    } finally {
      ui.stop(0);
    }
  }

  @Test
  void givesTheLocalResultsByteForByteWithProgressAndResume() throws Exception {
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(24, 100));
    String expected = Sweeps.local(f, tmp.resolve("local"));
    Sweep sweep = Sweep.read(f);
    SparkSweepExecutor spark = new SparkSweepExecutor("local[2]", List.of(), 2);

    // interrupted after ten points: the rows so far are in the file, in order
    SweepExecutor interrupted = (s, from, sink, progress) -> spark.evaluate(s, from,
        (i, out) -> {
          if (i == 10) {
            throw new IOException("interrupted");
          }
          sink.accept(i, out);
        }, progress);
    Path out = tmp.resolve("spark");
    assertThatThrownBy(() -> new SweepRunner(interrupted).run(sweep, out, false, null))
        .hasMessage("interrupted");
    assertThat(results(out)).isEqualTo(expected.substring(0, nthLineEnd(expected, 11) + 1));

    List<long[]> seen = new ArrayList<>();
    int skipped = new SweepRunner(spark).run(sweep, out, true,
        (done, total) -> seen.add(new long[] {done, total}));
    assertThat(skipped).isEqualTo(10);
    assertThat(results(out)).isEqualTo(expected);
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(seen.size() - 1)).containsExactly(2400, 2400);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i)[0]).isGreaterThanOrEqualTo(seen.get(i - 1)[0]);
    }
    assertThat(seen.get(0)[0]).isGreaterThan(1000).isLessThan(2400);
  }

  @Test
  void aScenarioFileBesideTheSweepTravelsWithIt() throws Exception {
    Path dir = tmp.resolve("sweeps");
    Files.createDirectories(dir);
    Files.write(dir.resolve("case-d.yaml"), BuiltinScenarios.read("rand-d-ports").orElseThrow());
    Path f = Sweeps.write(dir, "s.yaml",
        Sweeps.text(6, 50).replace("scenario: rand-d-ports", "scenario: case-d.yaml"));
    String expected = Sweeps.local(f, tmp.resolve("local"));
    new SweepRunner(new SparkSweepExecutor("local[2]")).run(Sweep.read(f), tmp.resolve("spark"),
        false, null);
    assertThat(results(tmp.resolve("spark"))).isEqualTo(expected);
  }

  @Test
  void aSweepParsedFromTextTravelsWithTheScenarioFileItWasBuiltFrom() throws Exception {
    Path dir = tmp.resolve("elsewhere");
    Files.createDirectories(dir);
    Files.write(dir.resolve("case-d.yaml"), BuiltinScenarios.read("rand-d-ports").orElseThrow());
    String text = Sweeps.text(4, 10).replace("scenario: rand-d-ports", "scenario: case-d.yaml");
    String expected = Sweeps.local(Sweeps.write(dir, "s.yaml", text), tmp.resolve("local"));
    // parsed from text with a folder: its source names no file, but the sweep keeps the bytes
    // of the scenario file it was built from, and ships those; the file may even be gone
    Sweep sweep = Sweep.parse("inline sweep", text, dir);
    Files.delete(dir.resolve("case-d.yaml"));
    new SweepRunner(new SparkSweepExecutor("local[1]")).run(sweep, tmp.resolve("inline"), false,
        null);
    assertThat(results(tmp.resolve("inline")).replace("inline sweep", "s.yaml"))
        .isEqualTo(expected);
  }

  @Test
  void aMasterThisBuildCannotReachIsNamedWithWhatIsMissing() throws Exception {
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(2, 10));
    Sweep sweep = Sweep.read(f);
    assertThatThrownBy(() -> new SparkSweepExecutor("yarn").evaluate(sweep, 0, (i, out) -> { }, null))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("--master yarn: this build of Spiral has no YARN support")
        .hasMessageContaining("spark-submit");
    assertThatThrownBy(() -> new SparkSweepExecutor("k8s://https://127.0.0.1:6443").evaluate(sweep, 0, (i, out) -> { },
        null)).isInstanceOf(SweepException.class).hasMessageContaining("no Kubernetes support");
    assertThat(SparkSweepExecutor.missingClusterManager("mesos://x:5050")).contains("not a master this executor knows");
    assertThat(SparkSweepExecutor.missingClusterManager("local[2]")).isNull();
    assertThat(SparkSweepExecutor.missingClusterManager("spark://127.0.0.1:7077")).isNull();
  }

  @Test
  void theCommandLineFindsItAsAService() {
    assertThat(SweepExecutorFactory.find("spark")).get()
        .satisfies(f -> assertThat(f.create(null)).isInstanceOf(SparkSweepExecutor.class)
            .extracting(e -> ((SparkSweepExecutor) e).master()).isEqualTo("local[*]"))
        .satisfies(f -> assertThat(((SparkSweepExecutor) f.create("spark://127.0.0.1:7077"))
            .master()).isEqualTo("spark://127.0.0.1:7077"));
    assertThatThrownBy(() -> new SparkSweepExecutor("127.0.0.1:7077"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'127.0.0.1:7077' is not a Spark master URL (local[*], local[N],"
            + " spark://HOST:PORT)");
    assertThatThrownBy(() -> new SparkSweepExecutor("local[0]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchesAndLoopback() {
    assertThat(SparkSweepExecutor.perTask(24, 2)).isEqualTo(3);
    assertThat(SparkSweepExecutor.perTask(1000, 2)).isEqualTo(16);
    assertThat(SparkSweepExecutor.perTask(3, 8)).isEqualTo(1);
    assertThat(SparkSweepExecutor.loopback("local[2]")).isTrue();
    assertThat(SparkSweepExecutor.loopback("spark://127.0.0.1:7077")).isTrue();
    assertThat(SparkSweepExecutor.loopback("spark://localhost:7077")).isTrue();
    assertThat(SparkSweepExecutor.loopback("spark://cluster.example:7077")).isFalse();
  }

  static int nthLineEnd(String s, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf('\n', at + 1);
    }
    return at;
  }
}
