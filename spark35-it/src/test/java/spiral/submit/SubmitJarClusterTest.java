package spiral.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import spiral.spark.LocalCluster;
import spiral.spark.Sweeps;

/**
 * A real Spark standalone cluster on 127.0.0.1 running a submit jar's sweep: a master and a
 * two-core worker, each its own {@code java} process on one Spark release's jars as Apache
 * releases them (with the Jackson, SLF4J and codecs that release names), copied into the
 * module's {@code target/spark-home/jars} in the package phase. The submit jar's
 * {@code SweepJob} is submitted through that release's {@code SparkSubmit}, in a process of its
 * own, and its results file must equal the local executor's ({@code spiral sweep}, the command
 * line's jar) byte for byte, in client deploy mode and in cluster deploy mode (where a relative
 * path fails the driver with one line). Then, where the cluster's Spark line differs from the
 * project's own, a driver of the project's own Spark (the spark module's jars) is pointed at the
 * same master and must stop within seconds, naming both versions.
 *
 * <p>One test for every cluster: the module that runs it says which, in Java properties set by
 * its failsafe configuration: {@code cluster.spark.version} and
 * {@code cluster.scala.binary.version} (the release copied into its {@code target/spark-home}),
 * {@code cluster.submit.jar} (the submit jar, relative to the project's root) and
 * {@code spark.version} (the project's own Spark). The spark35-it module runs it on Spark 3.5
 * (Scala 2.12); others run it from that module's test jar.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmitJarClusterTest {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** The cluster's Spark release and Scala version, the submit jar, and the project's Spark. */
  static final String VERSION = System.getProperty("cluster.spark.version", "3.5.9");
  static final String SCALA = System.getProperty("cluster.scala.binary.version", "2.12");
  static final Path JAR = ROOT.resolve(
      System.getProperty("cluster.submit.jar", "spark35/target/spiral-spark-spark35_2.12.jar"));
  static final String MINE = System.getProperty("spark.version", "4.2.0");

  @TempDir static Path tmp;
  static LocalCluster spark;
  static String master;
  static String ui;
  static String classPath;
  static Path sweep;
  /** The local executor's results.csv for {@link #sweep}. */
  static String expected;

  /** Starts the master and the worker and runs the sweep with the local executor. */
  @BeforeAll
  @Timeout(180)
  static void start() throws Exception {
    Path home = Path.of("target", "spark-home").toAbsolutePath();
    Path cli = ROOT.resolve("cli/target/spiral.jar");
    assertThat(home.resolve("jars").resolve("spark-core_" + SCALA + "-" + VERSION + ".jar"))
        .as("Spark's jars (the package phase copies them)").isRegularFile();
    assertThat(JAR).as("the submit jar (its module's package phase)").isRegularFile();
    assertThat(cli).as("the command line's jar").isRegularFile();
    classPath = home.resolve("jars") + File.separator + "*";

    int port = LocalCluster.freePort();
    int uiPort = LocalCluster.freePort();
    master = "spark://127.0.0.1:" + port;
    ui = "http://127.0.0.1:" + uiPort + "/";
    spark = new LocalCluster(tmp, home, SCALA);
    long started = System.nanoTime();
    spark.start("master", classPath, "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(uiPort));
    spark.start("worker", classPath, "org.apache.spark.deploy.worker.Worker",
        "--host", "127.0.0.1", "--cores", "2", "--memory", "1g",
        "--webui-port", String.valueOf(LocalCluster.freePort()),
        "--work-dir", Files.createDirectories(tmp.resolve("work")).toString(), master);

    spark.awaitWorkers(1);
    System.out.printf("Spark %s (Scala %s): master and worker registered in %.1f s%n", VERSION, SCALA,
        (System.nanoTime() - started) / 1e9);

    sweep = tmp.resolve("s.yaml");
    Files.writeString(sweep, Sweeps.text(24, 100), StandardCharsets.UTF_8);
    Process local = spark.start("local", cli.toString(), "spiral.cli.Main", "sweep",
        sweep.toString(), "--dir", tmp.resolve("local").toString(), "--threads", "1", "--no-parquet");
    assertThat(local.waitFor(120, TimeUnit.SECONDS)).as("the local sweep ends").isTrue();
    assertThat(local.exitValue()).as("the local sweep's status\n%s", spark.logs()).isZero();
    expected = Files.readString(tmp.resolve("local/results.csv"), StandardCharsets.UTF_8);
  }

  /** Stops the cluster (executors first), also when a test failed. */
  @AfterAll
  static void stop() throws InterruptedException {
    if (spark != null) {
      spark.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(200)
  void inClientDeployModeTheSubmitJarRunsTheSweepAsTheLocalExecutorDoes() throws Exception {
    // the cluster's own spark-submit (SparkSubmit is what the script runs) with the submit jar
    Path submitted = tmp.resolve("submitted");
    long started = System.nanoTime();
    Process submit = spark.start("spark-submit", classPath,
        "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.executor.memory=512m", "--conf", "spark.spiral.masterUi=" + ui,
        "--class", "spiral.spark.SweepJob", JAR.toString(), sweep.toString(),
        "--dir", submitted.toString());
    assertThat(submit.waitFor(180, TimeUnit.SECONDS)).as("spark-submit ends\n%s", spark.logs()).isTrue();
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", spark.logs()).isZero();
    System.out.printf("Spark %s: spark-submit of %s, 24 points x 100 runs, took %.1f s%n", VERSION,
        JAR.getFileName(), (System.nanoTime() - started) / 1e9);
    assertThat(Files.readString(submitted.resolve("results.csv"), StandardCharsets.UTF_8))
        .as("results through the Spark %s cluster\n%s", VERSION, spark.logs()).isEqualTo(expected);
    assertThat(spark.executorLogs()).as("the executor ran on the worker\n%s", spark.logs()).isNotEmpty();
  }

  @Test
  @Order(2)
  @Timeout(320)
  void inClusterDeployModeTheDriverNeedsAbsolutePathsAndThenRunsTheSweepAsTheLocalExecutorDoes()
      throws Exception {
    // the driver runs on the worker, in a folder of its own, where a relative path means
    // nothing; it stops at once, and the driver's state says so (Spark's standalone client
    // itself exits 0 whatever that state, even when it waits for it)
    long started = System.nanoTime();
    Process cluster = spark.start("spark-submit-cluster", classPath,
        "org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "cluster",
        "--driver-memory", "512m", "--conf", "spark.standalone.submit.waitAppCompletion=true",
        "--class", "spiral.spark.SweepJob", JAR.toString(), "s.yaml", "--dir", "out");
    assertThat(cluster.waitFor(120, TimeUnit.SECONDS)).as("spark-submit ends\n%s", spark.logs()).isTrue();
    System.out.printf("Spark %s: a cluster-mode submission with a relative path ended in %.1f s%n",
        VERSION, (System.nanoTime() - started) / 1e9);
    assertThat(cluster.exitValue()).as("Spark's client exit status\n%s", spark.logs()).isZero();
    assertThat(Files.readString(spark.lastLog(), StandardCharsets.UTF_8))
        .as("the driver failed\n%s", spark.logs()).containsPattern("State of driver driver-[-0-9]+ is FAILED");
    List<String> driverSaid = new ArrayList<>();
    for (Path log : spark.executorLogs()) {
      if (log.getParent().getFileName().toString().startsWith("driver-")) {
        driverSaid.addAll(Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("spiral:")).toList());
      }
    }
    assertThat(driverSaid).as("the driver's one line\n%s", spark.logs()).containsExactly(
        "spiral: s.yaml: a relative sweep file in cluster deploy mode (spark-submit --deploy-mode"
        + " cluster runs the driver on a machine of the cluster, in a folder of its own): give the"
        + " sweep file and --dir as absolute paths on a file system every machine of the cluster"
        + " shares");

    // and with absolute paths (this machine's file system is every worker's) it runs there
    started = System.nanoTime();
    Path inCluster = tmp.resolve("in-cluster");
    Process absolute = spark.start("spark-submit-cluster-absolute", classPath,
        "org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "cluster",
        "--driver-memory", "512m", "--conf", "spark.executor.memory=512m",
        "--conf", "spark.standalone.submit.waitAppCompletion=true",
        // the worker starts the driver without Spark's module openings, which Java 17 needs
        "--conf", "spark.driver.extraJavaOptions=" + System.getProperty("spark.add-opens", ""),
        "--conf", "spark.spiral.masterUi=" + ui,
        "--class", "spiral.spark.SweepJob", JAR.toString(), sweep.toString(), "--dir", inCluster.toString());
    assertThat(absolute.waitFor(180, TimeUnit.SECONDS)).as("spark-submit ends\n%s", spark.logs()).isTrue();
    System.out.printf("Spark %s: a cluster-mode submission of the sweep took %.1f s%n", VERSION,
        (System.nanoTime() - started) / 1e9);
    assertThat(Files.readString(spark.lastLog(), StandardCharsets.UTF_8))
        .as("the driver finished\n%s", spark.logs()).containsPattern("State of driver driver-[-0-9]+ is FINISHED");
    assertThat(Files.readString(inCluster.resolve("results.csv"), StandardCharsets.UTF_8))
        .as("results of a driver on the cluster\n%s", spark.logs()).isEqualTo(expected);
  }

  /**
   * A driver of the project's own Spark line against this cluster: stopped at once, both
   * versions named. Not run where the cluster's line (major and minor version) is the project's
   * own: a driver of another patch release goes on.
   */
  @Test
  @Order(3)
  @Timeout(90)
  void aDriverOfTheProjectsOwnSparkStopsAtOnceNamingBothVersions() throws Exception {
    assumeFalse(line(VERSION).equals(line(MINE)), "the cluster runs the project's own Spark line " + line(MINE));
    Path own = ROOT.resolve("spark/target");
    long started = System.nanoTime();
    Process driver = spark.start("driver-" + MINE, own.resolve("lib") + File.separator + "*" + File.pathSeparator
            + own.resolve("spiral-spark.jar"),
        "-Dspark.master=" + master, "-Dspark.spiral.masterUi=" + ui,
        "spiral.spark.SweepJob", sweep.toString(), "--dir", tmp.resolve("mismatch").toString());
    assertThat(driver.waitFor(60, TimeUnit.SECONDS)).as("the driver ends\n%s", spark.logs()).isTrue();
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(driver.exitValue()).as("a failure, not bad input\n%s", spark.logs()).isEqualTo(1);
    List<String> said = Files.readAllLines(spark.lastLog(), StandardCharsets.UTF_8)
        .stream().filter(l -> l.startsWith("spiral:")).toList();
    assertThat(said).as("one line from Spiral\n%s", spark.logs()).hasSize(1);
    System.out.printf("Spark %s: a Spark %s driver stopped in %.1f s: %s%n", VERSION, MINE, seconds, said.get(0));
    assertThat(said.get(0)).startsWith("spiral: error: the Spark cluster at " + master
        + " runs Spark " + VERSION + " and this driver Spark " + MINE + ":");
    assertThat(seconds).as("it stops before Spark starts").isLessThan(30);
  }

  /** A Spark version's line: its major and minor version. */
  static String line(String version) {
    String[] parts = version.split("\\.");
    return parts.length > 1 ? parts[0] + "." + parts[1] : version;
  }
}
