package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import spiral.explore.sweep.SweepFolder;
import spiral.io.HadoopSweepFolder;

/**
 * A sweep read from and written to a real HDFS: Hadoop's MiniDFSCluster (a name node and a data
 * node in this JVM, on loopback) holds the sweep file and its scenario file; the results written
 * to {@code hdfs://} read back byte-identical to a local run's, {@code --resume} included after
 * an interrupted run, and a calibration's posterior goes there and back ({@link
 * SweepFileSystemContract}); sensitivity and discovery read results from there, and its rewrite,
 * refusals and failures are checked here. Slow (the cluster's start): runs in the failsafe phase of verify, with
 * Hadoop's shaded client in place of the trimmed Hadoop the command line carries.
 */
@Tag("slow")
class HdfsSweepTest extends SweepFileSystemContract {
  static MiniDFSCluster cluster;
  static FileSystem fs;
  static String root;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    File base = tmp.resolve("hdfs").toFile();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
    cluster = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
    root = cluster.getURI().toString();
    putInputs(fs, root);
  }

  @Override
  FileSystem fs() {
    return fs;
  }

  @Override
  String root() {
    return root;
  }

  @AfterAll
  static void stopHdfs() throws IOException {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  @Test
  void aPosteriorForASchemeWithoutItsConnectorIsRefusedBeforeTheCalibrationRuns() {
    Cli s3 = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both trigger=violent",
        "--particles", "30", "--generations", "1", "--predictive-runs", "50", "--threads", "2",
        "--posterior", "s3a://bucket/p.csv");
    assertThat(s3.code()).isEqualTo(2);
    assertThat(s3.err()).contains("s3a").doesNotContain("generation");
  }

  @Test
  void sensitivityAndDiscoveryReadResultsFromHdfs() throws Exception {
    // a sweep of a built-in scenario, so that its copy beside the results stands alone
    String sweep = SWEEP.replace("scenario: base.yaml", "scenario: rand-d-ports");
    Path local = tmp.resolve("analysed");
    Files.createDirectories(local);
    Files.writeString(local.resolve("s.yaml"), sweep);
    Cli l = Cli.run("sweep", local.resolve("s.yaml").toString(), "--dir", local.resolve("out").toString(), "--threads", "2");
    assertThat(l.code()).as(l.err()).isZero();
    local = local.resolve("out");
    put(root + "/in/builtin.yaml", sweep.getBytes(StandardCharsets.UTF_8));
    String out = root + "/analysed";
    Cli c = Cli.run("sweep", root + "/in/builtin.yaml", "--dir", out, "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    for (String file : List.of("results.csv", "results.parquet")) {
      Cli fromLocal = Cli.run("sensitivity", local.resolve(file).toString(), "--format", "csv");
      Cli fromHdfs = Cli.run("sensitivity", out + "/" + file, "--format", "csv");
      assertThat(fromHdfs.code()).as(fromHdfs.err()).isZero();
      assertThat(fromHdfs.out()).isEqualTo(fromLocal.out());
      Cli dLocal = Cli.run("discover", local.resolve(file).toString(), "--where", "directWar > 0.1", "--format", "json");
      Cli dHdfs = Cli.run("discover", out + "/" + file, "--where", "directWar > 0.1", "--format", "json");
      assertThat(dHdfs.code()).as(dHdfs.err()).isZero();
      // the same analysis, naming each its own input
      assertThat(dHdfs.out().replace(out, "DIR")).isEqualTo(dLocal.out().replace(local.toString(), "DIR"));
    }
    // a malformed results file on HDFS is located at its URI, never at a temporary copy
    put(root + "/bad/results.csv", "point,a\n0,x\n".getBytes(StandardCharsets.UTF_8));
    Cli bad = Cli.run("discover", root + "/bad/results.csv", "--where", "a > 1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains(root + "/bad/results.csv").doesNotContain("spiral-results");
    Cli none = Cli.run("sensitivity", root + "/none/results.csv");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no such results file");
    Cli sweepFile = Cli.run("sensitivity", root + "/in/s.yaml");
    assertThat(sweepFile.code()).isEqualTo(2);
    assertThat(sweepFile.err()).contains("give the results file");
  }

  @Test
  void rowsReachHdfsAtARewriteAndAllOfThemWhenClosed() throws Exception {
    String loc = root + "/rows";
    try (HadoopSweepFolder often = HadoopSweepFolder.open(loc, Duration.ZERO)) {
      often.create();
      often.write("r.csv", "h\n");
      try (SweepFolder.Rows rows = often.rows("r.csv")) {
        rows.add("0,a"); // the first row after a pause is rewritten at once
        assertThat(text(loc + "/r.csv")).isEqualTo("h\n0,a\n");
        rows.add("1,b");
      }
      assertThat(text(loc + "/r.csv")).isEqualTo("h\n0,a\n1,b\n");
    }
    try (HadoopSweepFolder rarely = HadoopSweepFolder.open(loc, Duration.ofHours(1))) {
      try (SweepFolder.Rows rows = rarely.rows("r.csv")) {
        rows.add("2,c");
        assertThat(text(loc + "/r.csv")).isEqualTo("h\n0,a\n1,b\n"); // not yet
      }
      assertThat(text(loc + "/r.csv")).isEqualTo("h\n0,a\n1,b\n2,c\n");
      // a temporary file a killed process left is removed when the folder is set up again
      put(loc + "/.r.csv.5f3a.tmp", "h\n".getBytes(StandardCharsets.UTF_8));
      rarely.create();
      assertThat(rarely.files()).containsExactly("r.csv");
    }
  }

  String text(String path) throws IOException {
    return new String(get(path), StandardCharsets.UTF_8);
  }

  @Test
  void aLocalSweepFileCanWriteToHdfsWithoutParquet() throws Exception {
    Path local = localRun("plain");
    String out = root + "/plain";
    Cli c = Cli.run("sweep", local.getParent().resolve("s.yaml").toString(), "--dir", out,
        "--no-parquet", "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(get(out + "/results.csv")).isEqualTo(Files.readAllBytes(local.resolve("results.csv")));
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/results.parquet"))).isFalse();
  }

  @Test
  void aSchemeWithoutItsConnectorIsBadInputNamingIt() {
    Cli c = Cli.run("sweep", root + "/in/s.yaml", "--dir", "s3a://bucket/sweep");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err().strip()).doesNotContain("\n").contains("'s3a:'").contains("hadoop-aws");
    assertThat(Path.of("s3a:")).doesNotExist();
  }

  @Test
  void aMissingSweepFileOnHdfsIsBadInput() {
    Cli c = Cli.run("sweep", root + "/in/none.yaml", "--dir", root + "/none");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains(root + "/in/none.yaml: no such sweep file");
  }

  @Test
  void aFileSystemThatCannotBeReachedIsAFailureNamingIt() throws Exception {
    String down = "hdfs://127.0.0.1:1/sweeps"; // nothing listens on port 1
    Cli c = Cli.run("sweep", down + "/s.yaml", "--dir", root + "/down");
    assertThat(c.code()).as(c.err()).isEqualTo(1);
    assertThat(c.err()).startsWith("spiral: error: " + down + "/s.yaml: cannot read: ")
        .contains("Connection refused");
    Path local = localRun("down");
    Cli out = Cli.run("sweep", local.getParent().resolve("s.yaml").toString(), "--dir",
        down + "/out", "--no-parquet");
    assertThat(out.code()).as(out.err()).isEqualTo(1);
    assertThat(out.err()).startsWith("spiral: error: " + down + "/out: ")
        .contains("Connection refused");
  }
}
