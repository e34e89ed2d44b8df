package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepRunner;
import spiral.io.HadoopSweepFolder;
import spiral.io.HadoopSweeps;
import spiral.scenario.BuiltinScenarios;

/**
 * The Spark job on a real HDFS: Hadoop's MiniDFSCluster (a name node and a data node in this JVM,
 * on loopback) holds the sweep file and the scenario file it names beside it; {@code SweepJob}
 * (on {@code local[2]}) reads both from there and writes its results there, byte-identical to the
 * local executor's on local files, {@code --resume} included after an interrupted run; and the
 * Spark executor runs a sweep whose scenario came from HDFS. Slow (the cluster's start): failsafe.
 */
@Tag("slow")
class SweepJobHdfsTest {
  static final String SCENARIO = "rand-d-ports";

  static MiniDFSCluster cluster;
  static FileSystem fs;
  static String root;

  @TempDir static Path tmp;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    File base = tmp.resolve("hdfs").toFile();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
    cluster = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
    root = cluster.getURI().toString();
    put(root + "/in/s.yaml", sweep().getBytes(StandardCharsets.UTF_8));
    put(root + "/in/base.yaml", BuiltinScenarios.read(SCENARIO).orElseThrow());
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  /** The tests' sweep, naming its base scenario as a file beside it. */
  static String sweep() {
    return Sweeps.text(8, 60).replace("scenario: " + SCENARIO, "scenario: base.yaml");
  }

  static void put(String path, byte[] content) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(content);
    }
  }

  static String text(String path) throws IOException {
    try (var in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The local executor's results for the sweep, its scenario file beside it on local disk. */
  static String expected() throws IOException {
    Path dir = tmp.resolve("local-in");
    Files.createDirectories(dir);
    Files.write(dir.resolve("base.yaml"), BuiltinScenarios.read(SCENARIO).orElseThrow());
    Path f = Sweeps.write(dir, "s.yaml", sweep());
    Path out = tmp.resolve("local-" + System.nanoTime());
    return Sweeps.local(f, out);
  }

  static SweepJobTest.Run job(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepJob.run(args, new SparkSweepExecutor("local[2]"),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new SweepJobTest.Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theJobReadsAndWritesHdfsAsTheLocalExecutorWritesLocalFilesAndResumes() throws Exception {
    String expected = expected();
    String out = root + "/job";
    SweepJobTest.Run r = job(root + "/in/s.yaml", "--dir", out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("8 points x 60 runs (lhs design) -> " + out + "/results.csv");
    assertThat(text(out + "/results.csv")).isEqualTo(expected);
    assertThat(text(out + "/" + SweepRunner.SWEEP)).isEqualTo(sweep());
    assertThat(fs.listStatus(new org.apache.hadoop.fs.Path(out))).extracting(s -> s.getPath().getName())
        .containsExactlyInAnyOrder("results.csv", SweepRunner.SWEEP);

    SweepJobTest.Run again = job(root + "/in/s.yaml", "--dir", out);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains(out + "/results.csv exists: use --resume");

    // an interrupted run: three complete rows and half of the fourth
    List<String> lines = expected.lines().toList();
    String cut = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 9);
    put(out + "/results.csv", cut.getBytes(StandardCharsets.UTF_8));
    SweepJobTest.Run resumed = job(root + "/in/s.yaml", "--dir", out, "--resume");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("3 resumed");
    assertThat(text(out + "/results.csv")).isEqualTo(expected);
  }

  @Test
  void theSparkExecutorShipsAScenarioReadFromHdfs() throws Exception {
    Sweep sweep = HadoopSweeps.read(root + "/in/s.yaml");
    assertThat(sweep.origin().scenarioSource()).isEqualTo(root + "/in/base.yaml");
    String out = root + "/executor";
    try (HadoopSweepFolder dir = HadoopSweepFolder.open(out)) {
      new SweepRunner(new SparkSweepExecutor("local[2]")).run(sweep, dir, false, null);
    }
    assertThat(text(out + "/results.csv")).isEqualTo(expected());
  }

  @Test
  void aLocalSweepFileWritesToHdfs() throws Exception {
    Path f = Sweeps.write(tmp.resolve("plain"), "s.yaml", Sweeps.text(8, 60));
    String expected = Sweeps.local(f, tmp.resolve("plain-local"));
    String out = root + "/plain";
    SweepJobTest.Run r = job(f.toString(), "--dir", out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(text(out + "/results.csv")).isEqualTo(expected);
  }

  @Test
  void badInputAndFailuresOnHadoopFileSystems() throws Exception {
    Path f = Sweeps.write(tmp.resolve("bad"), "s.yaml", Sweeps.text(8, 60));
    SweepJobTest.Run none = job(root + "/in/none.yaml", "--dir", root + "/none");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).isEqualTo("spiral: " + root + "/in/none.yaml: no such sweep file"
        + System.lineSeparator());
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(root + "/none"))).isFalse();

    put(root + "/in/lost.yaml", sweep().replace("base.yaml", "lost.yaml").getBytes(StandardCharsets.UTF_8));
    SweepJobTest.Run lost = job(root + "/in/lost.yaml", "--dir", root + "/lost");
    assertThat(lost.code()).isEqualTo(2);
    assertThat(lost.err()).contains(root + "/in/lost.yaml").contains("lost.yaml");

    // a scheme without its connector on the class path: bad input naming it, no local folder
    SweepJobTest.Run s3 = job(f.toString(), "--dir", "s3a://bucket/out");
    assertThat(s3.code()).isEqualTo(2);
    assertThat(s3.err().strip()).doesNotContain("\n").contains("'s3a:'").contains("hadoop-aws");
    assertThat(Path.of("s3a:")).doesNotExist();

    // a name node nobody runs: a failure naming the file or folder
    String down = "hdfs://127.0.0.1:1/sweeps"; // nothing listens on port 1
    SweepJobTest.Run in = job(down + "/s.yaml", "--dir", root + "/down");
    assertThat(in.code()).as(in.err()).isEqualTo(1);
    assertThat(in.err()).startsWith("spiral: error: ").contains(down + "/s.yaml")
        .contains("Connection refused");
    SweepJobTest.Run outDown = job(f.toString(), "--dir", down + "/out");
    assertThat(outDown.code()).as(outDown.err()).isEqualTo(1);
    assertThat(outDown.err()).startsWith("spiral: error: " + down + "/out: ")
        .contains("Connection refused");
  }
}
