package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.SweepRunner;

/** The spark-submit main, run in this JVM (the master comes from Spark's configuration). */
class SweepJobTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runsASweepAndResumes() throws Exception {
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(8, 60));
    String expected = Sweeps.local(f, tmp.resolve("local"));
    Path out = tmp.resolve("job");
    Run r = run(f.toString(), "--dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("8 points x 60 runs (lhs design) -> ");
    assertThat(Files.readString(out.resolve(SweepRunner.RESULTS))).isEqualTo(expected);
    assertThat(Files.readString(out.resolve(SweepRunner.SWEEP))).isEqualTo(Sweeps.text(8, 60));

    Run again = run(f.toString(), "--out", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists: use --resume");
    Run resumed = run(f.toString(), "--out=" + out, "--resume");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("8 resumed");
    assertThat(Files.readString(out.resolve(SweepRunner.RESULTS))).isEqualTo(expected);
  }

  @Test
  void aFailureBeforeTheFirstPointLeavesNothingThatBlocksARerun() throws Exception {
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(8, 60));
    Path out = tmp.resolve("unreached");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepJob.run(new String[] {f.toString(), "--dir", out.toString()},
        new SparkSweepExecutor("spark://127.0.0.1:1"), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:1");
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputIsStatusTwo() throws Exception {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run().err()).contains("missing the sweep file").contains("usage: spark-submit");
    assertThat(run("a.yaml", "--threads", "2").err()).contains("unexpected argument '--threads'");
    Run missing = run(tmp.resolve("none.yaml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.yaml: no such sweep file");
    Path bad = Sweeps.write(tmp, "bad.yaml", Sweeps.text(8, 60).replace("runs: 60", "runs: 0"));
    Run invalid = run(bad.toString(), "--dir", tmp.resolve("o").toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).contains("bad.yaml:7:7: runs: must be between 1 and 10^9, was 0");
    assertThat(run("--help").out()).startsWith("usage: spark-submit --class spiral.spark.SweepJob");
    // a Hadoop scheme without its connector on the class path: no local folder named after it
    Path good = Sweeps.write(tmp, "good.yaml", Sweeps.text(8, 60));
    Run uri = run(good.toString(), "--dir", "s3a://bucket/out");
    assertThat(uri.code()).isEqualTo(2);
    assertThat(uri.err()).startsWith("spiral: s3a://bucket/out: no file system for 's3a:' on the"
        + " class path; put Hadoop's client (hadoop-client-api and hadoop-client-runtime) and the"
        + " S3A connector");
    assertThat(Path.of("s3a:")).doesNotExist();
    Run malformed = run("hdfs://nn/a b.yaml");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).startsWith("spiral: hdfs://nn/a b.yaml: not a valid URI");
  }

  @Test
  void aRunningContextIsUsedAndLeftRunning() throws Exception {
    Path f = Sweeps.write(tmp, "s.yaml", Sweeps.text(6, 40));
    String expected = Sweeps.local(f, tmp.resolve("local"));
    org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf().setMaster("local[1]")
        .setAppName("a notebook's context").set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    try (org.apache.spark.api.java.JavaSparkContext given =
        new org.apache.spark.api.java.JavaSparkContext(conf)) {
      Path out = tmp.resolve("job");
      Run r = run(f.toString(), "--dir", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(Files.readString(out.resolve(SweepRunner.RESULTS))).isEqualTo(expected);
      assertThat(given.sc().isStopped()).as("the given context still runs").isFalse();
      assertThat(org.apache.spark.SparkContext.getOrCreate()).isSameAs(given.sc());
    }
  }

  @Test
  void clusterDeployModeWantsAbsolutePaths() {
    Path abs = tmp.resolve("s.yaml").toAbsolutePath();
    String out = tmp.resolve("out").toAbsolutePath().toString();
    System.setProperty(SweepJob.DEPLOY_MODE, "cluster");
    try {
      Run relative = run("sweeps/s.yaml", "--dir", out);
      assertThat(relative.code()).isEqualTo(2);
      assertThat(relative.err()).isEqualTo("spiral: sweeps/s.yaml: a relative sweep file in cluster"
          + " deploy mode (spark-submit --deploy-mode cluster runs the driver on a machine of the"
          + " cluster, in a folder of its own): give the sweep file and --dir as absolute paths on"
          + " a file system every machine of the cluster shares" + System.lineSeparator());
      assertThat(run(abs.toString()).err()).contains(": no --dir in cluster deploy mode");
      Run relativeDir = run(abs.toString(), "--dir", "out");
      assertThat(relativeDir.code()).isEqualTo(2);
      assertThat(relativeDir.err()).startsWith("spiral: out: a relative --dir in cluster deploy mode");
      assertThat(run(abs.toString(), "--dir", out).err()).contains("no such sweep file");
    } finally {
      System.clearProperty(SweepJob.DEPLOY_MODE);
    }
    // a Hadoop file system's URI is the same for every machine of the cluster
    assertThat(SweepJob.clusterRelative("cluster", "hdfs://nn/s.yaml", "s3a://b/out")).isNull();
    assertThat(SweepJob.clusterRelative("cluster", "hdfs://nn/s.yaml", "out"))
        .startsWith("out: a relative --dir in cluster deploy mode");
    assertThat(SweepJob.clusterRelative("client", "s.yaml", null)).isNull();
    assertThat(SweepJob.clusterRelative(null, "s.yaml", null)).isNull();
  }
}
