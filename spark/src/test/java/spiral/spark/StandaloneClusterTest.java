package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
  static final Duration REGISTER = Duration.ofSeconds(90);

  @TempDir Path tmp;
  final List<Process> processes = new ArrayList<>();
  final List<Path> logs = new ArrayList<>();

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

    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    int uiPort = freePort();
    start("master", home, classPath, "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(uiPort));
    for (int w = 1; w <= 2; w++) {
      start("worker-" + w, home, classPath, "org.apache.spark.deploy.worker.Worker",
          "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
          "--webui-port", String.valueOf(freePort()),
          "--work-dir", Files.createDirectories(tmp.resolve("work-" + w)).toString(), master);
    }
    awaitWorkers(2);
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
      throw new AssertionError("the sweep failed on the cluster: " + e + "\n" + logs(), e);
    } finally {
      System.clearProperty("spark.executor.memory");
      System.clearProperty(SparkSweepExecutor.MASTER_UI);
    }
    assertThat(Files.readString(out.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8))
        .as("results on the cluster\n%s", logs()).isEqualTo(expected);
    assertThat(executorLogs()).as("the executors ran on the workers\n%s", logs()).hasSize(2);

    // a calibration's candidates on the same cluster: the local posterior, to the bit
    System.setProperty("spark.executor.memory", "512m");
    try (spiral.explore.sweep.BatchSession session =
        new SparkSweepExecutor(master, List.of(jar.toString()), 0).openBatches("spiral calibrate rand-b-depot")) {
      Calibrations.sameAsLocal(session);
    } catch (RuntimeException e) {
      throw new AssertionError("the calibration failed on the cluster: " + e + "\n" + logs(), e);
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
    Process submit = start("spark-submit", home, classPath, "org.apache.spark.deploy.SparkSubmit",
        "--master", master, "--conf", "spark.executor.memory=512m",
        "--class", SweepJob.class.getName(), submitJar.toString(), f.toString(),
        "--dir", submitted.toString());
    assertThat(submit.waitFor(150, java.util.concurrent.TimeUnit.SECONDS))
        .as("spark-submit ends\n%s", logs()).isTrue();
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", logs()).isZero();
    assertThat(Files.readString(submitted.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8))
        .as("results through spark-submit\n%s", logs()).isEqualTo(expected);
  }

  @Test
  @Timeout(120)
  void aMasterWithoutWorkersIsReportedWhileWaitingAndThenAsTheFailure() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path lib = target.resolve("lib");
    Path home = tmp.resolve("spark-home");
    List<Path> cp = sparkHome(home, lib);
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    start("master", home, String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString).toList()),
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(freePort()));
    long until = System.nanoTime() + REGISTER.toNanos();
    while (true) { // the master listens once it has started
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
        break;
      } catch (IOException e) {
        assertThat(System.nanoTime()).as("the master starts\n%s", logs()).isLessThan(until);
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
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
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

  private Process start(String name, Path home, String classPath, String main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(Arrays.asList(System.getProperty("spark.add-opens", "").split(" +")));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(main);
    cmd.addAll(Arrays.asList(args));
    cmd.removeIf(String::isEmpty);
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    logs.add(log);
    return p;
  }

  /** Waits until the master's log says that {@code n} workers registered. */
  private void awaitWorkers(int n) throws Exception {
    long end = System.nanoTime() + REGISTER.toNanos();
    while (System.nanoTime() < end) {
      // the master logs "Registering worker" before the registration is done: a worker that has
      // not heard back yet gets no executor, so wait for each worker's own confirmation
      int count = 0;
      for (Path log : logs.subList(1, logs.size())) {
        if (Files.readString(log, StandardCharsets.UTF_8).contains("Successfully registered with master")) {
          count++;
        }
      }
      if (count >= n) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster process exited with status " + p.exitValue()
              + "\n" + logs());
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(n + " workers did not register within " + REGISTER + "\n" + logs());
  }

  private List<Path> executorLogs() {
    List<Path> found = new ArrayList<>();
    for (int w = 1; w <= 2; w++) {
      if (!Files.isDirectory(tmp.resolve("work-" + w))) {
        continue; // a cluster without workers
      }
      try (Stream<Path> s = Files.walk(tmp.resolve("work-" + w))) {
        s.filter(p -> p.getFileName().toString().equals("stderr")).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The last lines of every cluster log and executor log, for failure messages. */
  private String logs() {
    StringBuilder b = new StringBuilder();
    List<Path> all = new ArrayList<>(logs);
    all.addAll(executorLogs());
    for (Path p : all) {
      b.append("---- ").append(tmp.relativize(p)).append(" (last 40 lines)\n");
      try {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append("(unreadable: ").append(e.getMessage()).append(")\n");
      }
    }
    return b.toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
