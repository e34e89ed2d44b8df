package spiral.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import spiral.spark.LocalCluster;
import spiral.spark.Sweeps;

/**
 * A real YARN and HDFS on 127.0.0.1: Hadoop's MiniDFSCluster (a name node and a data node) and
 * MiniYARNCluster (a resource manager and a node manager), all in this JVM, of the Hadoop release
 * whose client Spark brings; their configuration ({@code core-site.xml}, HDFS the default file
 * system, and {@code yarn-site.xml}) is written into the folder that {@code HADOOP_CONF_DIR} and
 * {@code YARN_CONF_DIR} name. The Spark 4.x submit jar's {@code SweepJob} is submitted through
 * Spark's own {@code SparkSubmit} (Apache's released jars with Spark's YARN support, copied into
 * {@code target/spark-home/jars} in the package phase) in a process of its own, with {@code
 * spark.yarn.jars} naming those jars where they lie on the node ({@code local:}), as the
 * README's YARN lines do: in client deploy mode with relative local paths, and in cluster deploy
 * mode with {@code hdfs:///} URIs. Each results file must equal the local executor's ({@code
 * spiral sweep}, the command line's jar) byte for byte, and spark-submit exit with status 0. A
 * cluster-mode driver given a relative path stops at once: spark-submit exits with status 1, the
 * driver's container with 2, and the driver's one line is in the container's {@code stderr} and
 * in spark-submit's output. Slow (about a minute): failsafe.
 */
@Tag("slow")
class YarnClusterTest {

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp;
  MiniDFSCluster hdfs;
  FileSystem fs;
  MiniYARNCluster yarn;
  final List<Process> processes = new ArrayList<>();
  final List<Path> logs = new ArrayList<>();

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  /** For the short-lived JVMs: C1 only, which starts them sooner. */
  static final String QUICK = "-XX:TieredStopAtLevel=1";
  static final Pattern APP = Pattern.compile("application_\\d+_\\d+");

  @Test
  @Timeout(240)
  void theSubmitJarRunsASweepOnYarnAsTheLocalExecutorDoes() throws Exception {
    String version = System.getProperty("spark.version", "4.2.0");
    String scala = System.getProperty("scala.binary.version", "2.13");
    Path home = Path.of("target", "spark-home").toAbsolutePath();
    Path jars = home.resolve("jars");
    Path jar = ROOT.resolve("spark/target/spiral-spark-spark4_" + scala + ".jar");
    Path cli = ROOT.resolve("cli/target/spiral.jar");
    assertThat(jars.resolve("spark-yarn_" + scala + "-" + version + ".jar"))
        .as("Spark's jars (the package phase copies them)").isRegularFile();
    assertThat(jar).as("the submit jar (the spark module's package phase)").isRegularFile();
    assertThat(cli).as("the command line's jar").isRegularFile();

    Path conf = startClusters();

    long started = System.nanoTime();
    String sweep = Sweeps.text(16, 100);
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, sweep, StandardCharsets.UTF_8);
    Process local = start("local", cli.toString(), Map.of(), "spiral.cli.Main", "sweep",
        f.toString(), "--dir", tmp.resolve("local").toString(), "--threads", "1", "--no-parquet");
    assertThat(local.waitFor(120, TimeUnit.SECONDS)).as("the local sweep ends").isTrue();
    assertThat(local.exitValue()).as("the local sweep's status\n%s", logs()).isZero();
    String expected = Files.readString(tmp.resolve("local/results.csv"), StandardCharsets.UTF_8);
    System.out.printf("the local executor's sweep took %.1f s%n", (System.nanoTime() - started) / 1e9);

    // spark-submit's class path as the script builds it: the Hadoop configuration, Spark's jars
    String classPath = conf + File.pathSeparator + jars + File.separator + "*";
    Map<String, String> env = Map.of("HADOOP_CONF_DIR", conf.toString(),
        "YARN_CONF_DIR", conf.toString(), "SPARK_HOME", home.toString());
    String javaHome = System.getProperty("java.home");
    List<String> common = List.of("org.apache.spark.deploy.SparkSubmit", "--master", "yarn",
        // the containers' class path: Spark's jars where they lie on the node, none uploaded
        "--conf", "spark.yarn.jars=local:" + jars + File.separator + "*",
        "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
        "--conf", "spark.executorEnv.JAVA_HOME=" + javaHome,
        "--conf", "spark.yarn.am.memory=512m",
        "--conf", "spark.executor.instances=2", "--conf", "spark.executor.memory=512m",
        "--conf", "spark.yarn.maxAppAttempts=1",
        // quicker on a CI machine's two cores: no web UI, and the short-lived JVMs with C1 only
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.yarn.am.extraJavaOptions=" + QUICK,
        "--conf", "spark.driver.extraJavaOptions=" + QUICK,
        "--conf", "spark.executor.extraJavaOptions=" + QUICK);

    // client deploy mode: the driver in spark-submit's process (in the sweep file's folder, with
    // relative paths), the executors in containers
    started = System.nanoTime();
    Process submit = start("spark-submit-client", classPath, env, concat(common,
        "--deploy-mode", "client", "--class", "spiral.spark.SweepJob", jar.toString(),
        "s.yaml", "--dir", "client"));
    assertThat(submit.waitFor(150, TimeUnit.SECONDS)).as("spark-submit ends\n%s", logs()).isTrue();
    System.out.printf("Spark %s on YARN, client deploy mode: spark-submit of 16 points x 100 runs"
        + " took %.1f s%n", version, (System.nanoTime() - started) / 1e9);
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", logs()).isZero();
    assertThat(Files.readString(tmp.resolve("client/results.csv"), StandardCharsets.UTF_8))
        .as("results through YARN in client deploy mode\n%s", logs()).isEqualTo(expected);
    String app = application();
    assertExecutors(app);

    // cluster deploy mode: the driver in the application master's container, the sweep on HDFS
    started = System.nanoTime();
    put("/sweeps/s.yaml", sweep);
    submit = start("spark-submit-cluster", classPath, env, concat(common,
        "--deploy-mode", "cluster", "--driver-memory", "512m",
        "--class", "spiral.spark.SweepJob", jar.toString(), "hdfs:///sweeps/s.yaml",
        "--dir", "hdfs:///sweeps/out"));
    assertThat(submit.waitFor(150, TimeUnit.SECONDS)).as("spark-submit ends\n%s", logs()).isTrue();
    System.out.printf("Spark %s on YARN, cluster deploy mode: spark-submit of 16 points x 100 runs"
        + " on HDFS took %.1f s%n", version, (System.nanoTime() - started) / 1e9);
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", logs()).isZero();
    assertThat(text("/sweeps/out/results.csv")).as("results of a driver in a YARN container\n%s",
        logs()).isEqualTo(expected);
    app = application();
    assertExecutors(app);
    assertThat(lines(app, "stdout")).as("the driver's report\n%s", logs()).contains(
        "hdfs:///sweeps/s.yaml: 16 points x 100 runs (lhs design) -> hdfs:///sweeps/out/results.csv");
    assertThat(spiralLines(app)).as("nothing went wrong\n%s", logs()).isEmpty();

    // cluster deploy mode, a relative path: the driver stops at once, and spark-submit fails
    started = System.nanoTime();
    submit = start("spark-submit-relative", classPath, env, concat(common,
        "--deploy-mode", "cluster", "--driver-memory", "512m",
        "--class", "spiral.spark.SweepJob", jar.toString(), "s.yaml", "--dir", "out"));
    assertThat(submit.waitFor(120, TimeUnit.SECONDS)).as("spark-submit ends\n%s", logs()).isTrue();
    System.out.printf("Spark %s on YARN, cluster deploy mode: a relative path failed in %.1f s%n",
        version, (System.nanoTime() - started) / 1e9);
    String relative = "spiral: s.yaml: a relative sweep file in cluster deploy mode"
        + " (spark-submit --deploy-mode cluster runs the driver on a machine of the cluster, in a"
        + " folder of its own): give the sweep file and --dir as absolute paths on a file system"
        + " every machine of the cluster shares";
    assertThat(submit.exitValue()).as("spark-submit's exit status\n%s", logs()).isEqualTo(1);
    assertThat(spiralLines(application())).as("the driver's one line\n%s", logs())
        .containsExactly(relative);
    // spark-submit shows the application's diagnostics: the driver's exit status and its line
    String said = Files.readString(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
    assertThat(said).as("spark-submit's output").containsPattern("exited with +exitCode: 2\\b")
        .contains(relative).contains("finished with failed status");
  }

  /**
   * Starts HDFS (a name node and a data node), then YARN (a resource manager and a node manager,
   * HDFS their default file system), and writes their configuration where {@code HADOOP_CONF_DIR}
   * will point.
   */
  Path startClusters() throws Exception {
    long started = System.nanoTime();
    Configuration h = new Configuration();
    File base = tmp.resolve("hdfs").toFile();
    h.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
    h.setBoolean("dfs.webhdfs.enabled", false); // its REST resources take seconds to scan
    hdfs = new MiniDFSCluster.Builder(h, base).numDataNodes(1).build();
    hdfs.waitActive();
    fs = hdfs.getFileSystem();
    String defaultFs = hdfs.getURI().toString();
    System.out.printf("HDFS (Hadoop %s): name node and data node up in %.1f s%n",
        org.apache.hadoop.util.VersionInfo.getVersion(), (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();

    // the node manager's folders (and the containers' logs) under the test's folder
    String testData = System.getProperty("test.build.data");
    System.setProperty("test.build.data", tmp.resolve("yarn").toString());
    YarnConfiguration c = new YarnConfiguration();
    c.set(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY, defaultFs);
    c.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
    // the capacity scheduler's one queue (hadoop-client-minicluster has no capacity-scheduler.xml)
    c.set("yarn.scheduler.capacity.root.queues", "default");
    c.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
    c.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
    c.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
    c.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
    c.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
    c.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
    c.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
    // a full disk or the JVMs' virtual memory must not stop the node's containers
    c.set(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, "100.0");
    c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    c.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    c.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
    c.setInt(YarnConfiguration.NM_VCORES, 4);
    // the node manager hands an application's logs to its deletion service when the application
    // ends, which keeps them (and the containers' folders) for the test to read; the node
    // manager then stops in a moment, not after waiting for the logs' retention
    c.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
    c.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);
    // containers allocated at the node's heartbeat: a quicker one
    c.setInt(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 250);
    yarn = new MiniYARNCluster(getClass().getSimpleName(), 1, 1, 1);
    if (testData == null) {
      System.clearProperty("test.build.data");
    } else {
      System.setProperty("test.build.data", testData);
    }
    yarn.init(c);
    yarn.start();
    Configuration config = yarn.getConfig();
    // start() may return before the resource manager has put its port into the configuration
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (config.get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
      assertThat(System.nanoTime()).as("the resource manager's address").isLessThan(end);
      Thread.sleep(100);
    }
    assertThat(yarn.waitForNodeManagersToConnect(30_000)).as("the node manager registers").isTrue();

    System.out.printf("YARN: resource manager and node manager up in %.1f s%n",
        (System.nanoTime() - started) / 1e9);

    Path conf = Files.createDirectories(tmp.resolve("hadoop-conf"));
    try (OutputStream out = Files.newOutputStream(conf.resolve("yarn-site.xml"))) {
      config.writeXml(out);
    }
    Configuration core = new Configuration(false);
    core.set(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY, defaultFs);
    try (OutputStream out = Files.newOutputStream(conf.resolve("core-site.xml"))) {
      core.writeXml(out);
    }
    return conf;
  }

  void put(String path, String content) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  String text(String path) throws IOException {
    try (var in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Starts {@code java} on this class path with Spark's module openings; its output in NAME.log. */
  Process start(String name, String classPath, Map<String, String> env, String... args)
      throws IOException {
    return start(name, classPath, env, List.of(args));
  }

  Process start(String name, String classPath, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add(QUICK);
    cmd.addAll(Arrays.asList(System.getProperty("spark.add-opens", "").split(" +")));
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.addAll(args);
    cmd.removeIf(String::isEmpty);
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    logs.add(log);
    return p;
  }

  static List<String> concat(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(more));
    return all;
  }

  /** The YARN application that the last spark-submit ran, from its log. */
  String application() throws IOException {
    Matcher m = APP.matcher(Files.readString(logs.get(logs.size() - 1), StandardCharsets.UTF_8));
    assertThat(m.find()).as("spark-submit names its application\n%s", logs()).isTrue();
    return m.group();
  }

  /** The named log files of the application's containers (the node manager's log folders). */
  List<Path> containerLogs(String app, String name) throws IOException {
    try (Stream<Path> s = Files.walk(yarn.getTestWorkDir().toPath())) {
      return s.filter(p -> p.getFileName().toString().equals(name)
          && p.getParent().getParent().getFileName().toString().equals(app)).sorted().toList();
    }
  }

  /** Two executors of the application registered, each in a container of its own, and ran tasks. */
  void assertExecutors(String app) throws IOException {
    List<String> registered = new ArrayList<>();
    boolean tasks = false;
    for (Path log : containerLogs(app, "stderr")) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (lines.stream().anyMatch(l -> l.contains("YarnCoarseGrainedExecutorBackend: Successfully registered"))) {
        registered.add(log.getParent().getFileName().toString());
      }
      tasks |= lines.stream().anyMatch(l -> l.contains("YarnCoarseGrainedExecutorBackend: Got assigned task"));
    }
    assertThat(registered).as("executors in containers\n%s", logs()).hasSize(2);
    assertThat(tasks).as("tasks ran in the containers\n%s", logs()).isTrue();
  }

  /** The lines of the application's containers' logs of this name. */
  List<String> lines(String app, String name) throws IOException {
    List<String> all = new ArrayList<>();
    for (Path log : containerLogs(app, name)) {
      all.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
    }
    return all;
  }

  /** Spiral's messages ({@code spiral: ...}) in the application's containers' stderr. */
  List<String> spiralLines(String app) throws IOException {
    return lines(app, "stderr").stream().filter(l -> l.startsWith("spiral:")).toList();
  }

  /** The last lines of every process's log and every container's, for failure messages. */
  String logs() {
    StringBuilder b = new StringBuilder();
    List<Path> all = new ArrayList<>(logs);
    if (yarn != null) {
      try (Stream<Path> s = Files.walk(yarn.getTestWorkDir().toPath())) {
        s.filter(p -> p.getFileName().toString().matches("stdout|stderr")).sorted().forEach(all::add);
      } catch (IOException | RuntimeException e) {
        b.append("(no container logs: ").append(e.getMessage()).append(")\n");
      }
    }
    LocalCluster.tails(b, all, null);
    return b.toString();
  }

  /** Stops the processes and the cluster, also when the test failed. */
  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (yarn != null) {
      yarn.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }
}
