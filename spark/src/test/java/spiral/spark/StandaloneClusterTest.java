package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepRunner;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two one-core workers, each its own
 * {@code java} process started from this module's {@code target/lib} (built in the package
 * phase), with SPARK_HOME a folder whose {@code jars/} links to the same jars. The sweep runs
 * through {@link SparkSweepExecutor} with this module's jar shipped to the executors, and through
 * {@code SparkSubmit} with the submit jar for Spark 4.x; each results file must equal the local
 * executor's byte for byte.
 */
@Tag("slow")
class StandaloneClusterTest {
  @TempDir Path tmp;
  LocalCluster cluster;

  @Test
  @Timeout(300)
  void aSweepOnTwoWorkersEqualsTheLocalResults() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path lib = target.resolve("lib");
    Path jar = target.resolve("spiral-spark.jar");
    assertThat(lib).as("the copied dependencies (run through mvn verify: the package phase"
        + " fills target/lib)").isDirectory();
    assertThat(jar).as("this module's jar (built in the package phase)").isRegularFile();

    Path home = tmp.resolve("spark-home");
    List<Path> cp = sparkHome(home, lib);
    Path jars = home.resolve("jars");
    // a logger for the cluster's own processes, so that their logs say what went wrong
    Path simple = Path.of(org.slf4j.simple.SimpleLogger.class.getProtectionDomain()
        .getCodeSource().getLocation().toURI());
    Files.createSymbolicLink(jars.resolve(simple.getFileName()), simple);
    cp.add(simple);
    String classPath = String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString)
        .toList());

    int port = LocalCluster.freePort();
    String master = "spark://127.0.0.1:" + port;
    int uiPort = LocalCluster.freePort();
    cluster = new LocalCluster(tmp, home, "2.13");
    start("master", classPath, "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(uiPort));
    for (int w = 1; w <= 2; w++) {
      start("worker-" + w, classPath, "org.apache.spark.deploy.worker.Worker",
          "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
          "--webui-port", String.valueOf(LocalCluster.freePort()),
          "--work-dir", Files.createDirectories(tmp.resolve("work-" + w)).toString(), master);
    }
    cluster.awaitWorkers(2);
    // the real master page shows this build's Spark version, so the driver's check passes
    assertThat(SparkSweepExecutor.uiVersion("http://127.0.0.1:" + uiPort + "/"))
        .isEqualTo(org.apache.spark.package$.MODULE$.SPARK_VERSION());
    System.setProperty(SparkSweepExecutor.MASTER_UI, "http://127.0.0.1:" + uiPort + "/");

    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(24, 100));
    String expected = Sweeps.local(f, tmp.resolve("local"));
    Path out = tmp.resolve("cluster");
    System.setProperty("spark.executor.memory", "512m");
    try {
      new SweepRunner(new SparkSweepExecutor(master, List.of(jar.toString()), 0))
          .run(Sweep.read(f), out, false, null);
    } catch (RuntimeException | IOException e) {
      throw new AssertionError("the sweep failed on the cluster: " + e + "\n" + cluster.logs(), e);
    } finally {
      System.clearProperty("spark.executor.memory");
      System.clearProperty(SparkSweepExecutor.MASTER_UI);
    }
    assertThat(Files.readString(out.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8))
        .as("results on the cluster\n%s", cluster.logs()).isEqualTo(expected);
    assertThat(cluster.executorLogs()).as("the executors ran on the workers\n%s", cluster.logs()).hasSize(2);

    // a calibration's candidates on the same cluster: the local posterior, to the bit
    System.setProperty("spark.executor.memory", "512m");
    try (spiral.explore.sweep.BatchSession session =
        new SparkSweepExecutor(master, List.of(jar.toString()), 0).openBatches("spiral calibrate rand-b-depot")) {
      Calibrations.sameAsLocal(session);
    } catch (RuntimeException e) {
      throw new AssertionError("the calibration failed on the cluster: " + e + "\n" + cluster.logs(), e);
    } finally {
      System.clearProperty("spark.executor.memory");
    }

    // the same sweep through spark-submit (SparkSubmit is what the spark-submit script runs),
    // with the submit jar for Spark 4.x (its libraries relocated)
    Path submitJar;
    try (Stream<Path> s = Files.list(target)) {
      submitJar = s.filter(p -> p.getFileName().toString().matches("spiral-spark-spark4_.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("no submit jar in " + target));
    }
    Path submitted = tmp.resolve("submitted");
    Process submit = start("spark-submit", classPath, "org.apache.spark.deploy.SparkSubmit",
        "--master", master, "--conf", "spark.executor.memory=512m",
        "--class", SweepJob.class.getName(), submitJar.toString(), f.toString(),
        "--dir", submitted.toString());
    assertThat(submit.waitFor(150, java.util.concurrent.TimeUnit.SECONDS))
        .as("spark-submit ends\n%s", cluster.logs()).isTrue();
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", cluster.logs()).isZero();
    assertThat(Files.readString(submitted.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8))
        .as("results through spark-submit\n%s", cluster.logs()).isEqualTo(expected);
  }

  @Test
  @Timeout(120)
  void aMasterWithoutWorkersIsReportedWhileWaitingAndThenAsTheFailure() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path lib = target.resolve("lib");
    Path home = tmp.resolve("spark-home");
    List<Path> cp = sparkHome(home, lib);
    int port = LocalCluster.freePort();
    String master = "spark://127.0.0.1:" + port;
    cluster = new LocalCluster(tmp, home, "2.13");
    start("master", String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString).toList()),
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(LocalCluster.freePort()));
    long until = System.nanoTime() + LocalCluster.REGISTER.toNanos();
    while (true) { // the master listens once it has started
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
        break;
      } catch (IOException e) {
        assertThat(System.nanoTime()).as("the master starts\n%s", cluster.logs()).isLessThan(until);
        Thread.sleep(250);
      }
    }
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(4, 10));
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    System.setProperty(SparkSweepExecutor.EXECUTOR_WAIT, "2");
    System.setErr(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
    long started = System.nanoTime();
    Throwable failed = null;
    try {
      new SweepRunner(new SparkSweepExecutor(master, List.of(), 0)).run(Sweep.read(f), tmp.resolve("out"), false, null);
    } catch (RuntimeException | IOException e) {
      failed = e;
    } finally {
      System.setErr(err);
      System.clearProperty(SparkSweepExecutor.EXECUTOR_WAIT);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(failed).as("a sweep on a master without workers fails").isNotNull();
    assertThat(failed.getMessage()).contains("could not start: no executor of " + master, "free cores");
    assertThat(said.toString(StandardCharsets.UTF_8)).contains("spiral: waiting for Spark executors: no executor of " + master);
    assertThat(seconds).as("it gives up after four waits of 2 s, not Spark's own minutes").isLessThan(40);
  }

  /**
   * A SPARK_HOME whose {@code jars/} links to the module's copied Spark jars, as the cluster's
   * processes expect one; returns those jars, the processes' class path.
   */
  private static List<Path> sparkHome(Path home, Path lib) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    List<Path> cp = new ArrayList<>();
    try (Stream<Path> s = Files.list(lib)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
        cp.add(p);
      }
    }
    return cp;
  }

  /** Stops the cluster (executors first), also when the test failed, and drops the jar links. */
  @AfterEach
  void stop() throws InterruptedException, IOException {
    if (cluster != null) {
      cluster.close();
    }
    Path jars = tmp.resolve("spark-home").resolve("jars");
    if (Files.isDirectory(jars)) {
      try (Stream<Path> s = Files.list(jars)) {
        for (Path link : s.toList()) {
          Files.delete(link);
        }
      }
    }
  }

  /** Starts a cluster process with a logger that says what went wrong. */
  private Process start(String name, String classPath, String... args) throws IOException {
    String[] all = new String[args.length + 1];
    all[0] = "-Dorg.slf4j.simpleLogger.defaultLogLevel=info";
    System.arraycopy(args, 0, all, 1, args.length);
    return cluster.start(name, classPath, all);
  }
}
