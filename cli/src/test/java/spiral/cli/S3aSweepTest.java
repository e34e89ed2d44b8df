package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.scenario.BuiltinScenarios;

/**
 * A sweep read from and written to an object store through Hadoop's S3A connector: S3Proxy (an
 * S3 API server, in this JVM on loopback, keeping its objects in memory) serves the bucket, and
 * the connector reaches it with the settings of {@code s3a-test-site.xml}, which this test adds to
 * every Hadoop configuration (the command line makes its own). The sweep file and its scenario
 * file are read from {@code s3a://}; the results written there read back byte-identical to a
 * local run's, {@code --resume} included after an interrupted run (which also left a temporary
 * file), and no temporary file is left in the bucket; a calibration's posterior goes there and
 * back. Slow: runs in a failsafe execution of its own (tag "s3a"), the only one with the S3A
 * connector on the class path, since the other tests check that {@code s3a:} without it is
 * refused.
 */
@Tag("slow")
@Tag("s3a")
class S3aSweepTest {
  static final String SWEEP = HdfsSweepTest.SWEEP;
  static final String BUCKET = "spiral-test";
  static final String ROOT = "s3a://" + BUCKET;

  static S3Proxy proxy;
  static BlobStore store;
  static FileSystem fs;

  @TempDir static Path tmp;

  @BeforeAll
  static void startS3() throws Exception {
    store = new TransientNio2BlobStore();
    store.createContainer(BUCKET);
    proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "spiral-access", "spiral-secret")
        .stopTimeout(0)
        .build();
    proxy.start();
    for (int i = 0; !"STARTED".equals(proxy.getState()); i++) {
      if (i > 1000) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    System.setProperty("spiral.test.s3a.port", Integer.toString(proxy.getPort()));
    Configuration.addDefaultResource("s3a-test-site.xml");
    fs = FileSystem.newInstance(URI.create(ROOT + "/"), new Configuration());
    put(ROOT + "/in/s.yaml", SWEEP.getBytes(StandardCharsets.UTF_8));
    put(ROOT + "/in/base.yaml", BuiltinScenarios.read("rand-d-ports").orElseThrow());
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (fs != null) {
      fs.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  static void put(String path, byte[] content) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(content);
    }
  }

  static byte[] get(String path) throws IOException {
    try (var in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    }
  }

  /** A local run of the sweep: its folder. */
  static Path localRun(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.write(dir.resolve("base.yaml"), BuiltinScenarios.read("rand-d-ports").orElseThrow());
    Files.writeString(dir.resolve("s.yaml"), SWEEP);
    Cli c = Cli.run("sweep", dir.resolve("s.yaml").toString(), "--dir", dir.resolve("out").toString(),
        "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    return dir.resolve("out");
  }

  /** The names of the objects under a prefix, relative to it. */
  static List<String> objects(String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(prefix), true);
    while (it.hasNext()) {
      String p = it.next().getPath().toString();
      out.add(p.substring(prefix.length() + 1));
    }
    return out;
  }

  @Test
  void aSweepOnS3GivesTheLocalFilesAndResumes() throws Exception {
    Path local = localRun("local");
    byte[] csv = Files.readAllBytes(local.resolve("results.csv"));
    byte[] parquet = Files.readAllBytes(local.resolve("results.parquet"));

    String out = ROOT + "/runs/out";
    Cli c = Cli.run("sweep", ROOT + "/in/s.yaml", "--dir", out, "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("8 points x 200 runs").contains(out + "/results.csv");
    assertThat(get(out + "/results.csv")).isEqualTo(csv);
    assertThat(get(out + "/results.parquet")).isEqualTo(parquet);
    assertThat(get(out + "/sweep.yaml")).isEqualTo(SWEEP.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(get(out + "/provenance.json"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(local.resolve("provenance.json")));
    assertThat(objects(out))
        .containsExactlyInAnyOrder("results.csv", "results.parquet", "sweep.yaml", "provenance.json");

    Cli again = Cli.run("sweep", ROOT + "/in/s.yaml", "--dir", out);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains(out + "/results.csv exists: use --resume");

    // an interrupted run: three complete rows and half of the fourth
    List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
    String cut = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 9);
    put(out + "/results.csv", cut.getBytes(StandardCharsets.UTF_8));
    fs.delete(new org.apache.hadoop.fs.Path(out + "/results.parquet"), false);
    // and the temporary file of a rewrite it did not finish, deleted when the resume starts
    put(out + "/.results.csv.5f3a.tmp", lines.get(0).getBytes(StandardCharsets.UTF_8));
    Cli resumed = Cli.run("sweep", ROOT + "/in/s.yaml", "--dir", out, "--resume", "--threads", "1");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("3 resumed");
    assertThat(get(out + "/results.csv")).isEqualTo(csv);
    assertThat(get(out + "/results.parquet")).isEqualTo(parquet);
    assertThat(objects(out))
        .containsExactlyInAnyOrder("results.csv", "results.parquet", "sweep.yaml", "provenance.json");

    assertNoTemporaryObjects();
  }

  @Test
  void aCalibrationsPosteriorGoesToS3AndIsReadBackFromThere() throws Exception {
    List<String> calibrate = List.of("calibrate", "rand-d-ports", "--reference", "nuclear=both trigger=violent",
        "--particles", "30", "--generations", "1", "--predictive-runs", "50", "--threads", "2", "--posterior");
    Path local = tmp.resolve("cal-local").resolve("p.csv");
    Files.createDirectories(local.getParent());
    Cli a = Cli.run(Stream.concat(calibrate.stream(), Stream.of(local.toString())).toArray(String[]::new));
    assertThat(a.code()).as(a.err()).isZero();
    String remote = ROOT + "/cal/p.csv";
    Cli b = Cli.run(Stream.concat(calibrate.stream(), Stream.of(remote)).toArray(String[]::new));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("Posterior sample: " + remote);
    assertThat(get(remote)).isEqualTo(Files.readAllBytes(local));
    assertThat(get(ROOT + "/cal/p.parquet")).isEqualTo(Files.readAllBytes(local.resolveSibling("p.parquet")));
    assertThat(objects(ROOT + "/cal")).containsExactlyInAnyOrder("p.csv", "p.parquet");

    // read back from the store: the same numbers as from the local file
    Cli fromLocal = Cli.run("simulate", "rand-d-ports", "--posterior", local.toString(), "--samples", "4",
        "--runs", "100", "--format", "json");
    Cli fromS3 = Cli.run("simulate", "rand-d-ports", "--posterior", remote, "--samples", "4", "--runs", "100",
        "--format", "json");
    assertThat(fromS3.code()).as(fromS3.err()).isZero();
    assertThat(fromS3.out()).isEqualTo(fromLocal.out());
    Cli missing = Cli.run("simulate", "rand-d-ports", "--posterior", ROOT + "/cal/none.csv");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file: " + ROOT + "/cal/none.csv");
    assertNoTemporaryObjects();
  }

  /** No {@code .NAME.RANDOM.tmp} object anywhere in the bucket. */
  static void assertNoTemporaryObjects() throws IOException {
    assertThat(objects(ROOT)).isNotEmpty().noneMatch(n -> n.endsWith(".tmp"));
  }
}
