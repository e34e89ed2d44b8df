package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.scenario.BuiltinScenarios;

/**
 * What a sweep and a calibration posterior must do on any Hadoop file system, run by each test
 * that starts one ({@link HdfsSweepTest}: HDFS; {@link S3aSweepTest}: an object store through
 * S3A). The file system holds {@code ROOT/in/s.yaml} ({@link #SWEEP}) and {@code ROOT/in/base.yaml}
 * (the scenario it names) before the tests run ({@link #putInputs}); the results written there
 * read back byte-identical to a local run's, {@code --resume} included after an interrupted run
 * that also left a temporary file, and the folders hold those files and no temporary one.
 */
abstract class SweepFileSystemContract {
  static final String SWEEP = """
      scenario: base.yaml
      parameters:
        - {path: actors.russia.perception.threatBias, min: 0, max: 0.8}
        - {path: actors.russia.rationality, min: 1, max: 5}
      design: {type: lhs, points: 8}
      runs: 200
      seed: 3
      outputs: [nuclearUse, directWar, escalationScore]
      """;

  @TempDir static Path tmp;

  /** The file system under test. */
  abstract FileSystem fs();

  /** The URI of its root folder for the tests, without a final slash. */
  abstract String root();

  /** Puts the sweep file and its scenario file in {@code ROOT/in}. */
  static void putInputs(FileSystem fs, String root) throws IOException {
    put(fs, root + "/in/s.yaml", SWEEP.getBytes(StandardCharsets.UTF_8));
    put(fs, root + "/in/base.yaml", BuiltinScenarios.read("rand-d-ports").orElseThrow());
  }

  /** Writes a file on a Hadoop file system, replacing it. */
  static void put(FileSystem fs, String path, byte[] content) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(content);
    }
  }

  /** A file's bytes on a Hadoop file system. */
  static byte[] get(FileSystem fs, String path) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    }
  }

  void put(String path, byte[] content) throws IOException {
    put(fs(), path, content);
  }

  byte[] get(String path) throws IOException {
    return get(fs(), path);
  }

  /** The names of the files under a folder, relative to it, at any depth. */
  List<String> files(String folder) throws IOException {
    String prefix = fs().makeQualified(new org.apache.hadoop.fs.Path(folder)).toString() + "/";
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs().listFiles(new org.apache.hadoop.fs.Path(folder), true);
    while (it.hasNext()) {
      String p = it.next().getPath().toString();
      out.add(p.startsWith(prefix) ? p.substring(prefix.length()) : p);
    }
    return out;
  }

  /** A local run of the sweep in {@code tmp/NAME}, its scenario file beside it: its output folder. */
  static Path localRun(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.write(dir.resolve("base.yaml"), BuiltinScenarios.read("rand-d-ports").orElseThrow());
    Files.writeString(dir.resolve("s.yaml"), SWEEP);
    Cli c = Cli.run("sweep", dir.resolve("s.yaml").toString(), "--dir",
        dir.resolve("out").toString(), "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    return dir.resolve("out");
  }

  @Test
  void aSweepThereGivesTheLocalFilesAndResumes() throws Exception {
    Path local = localRun("local");
    byte[] csv = Files.readAllBytes(local.resolve("results.csv"));
    byte[] parquet = Files.readAllBytes(local.resolve("results.parquet"));

    String out = root() + "/runs/out";
    Cli c = Cli.run("sweep", root() + "/in/s.yaml", "--dir", out, "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("8 points x 200 runs").contains(out + "/results.csv");
    assertThat(get(out + "/results.csv")).isEqualTo(csv);
    assertThat(get(out + "/results.parquet")).isEqualTo(parquet);
    assertThat(get(out + "/sweep.yaml")).isEqualTo(SWEEP.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(get(out + "/provenance.json"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(local.resolve("provenance.json")));
    assertThat(files(out))
        .containsExactlyInAnyOrder("results.csv", "results.parquet", "sweep.yaml", "provenance.json");

    Cli again = Cli.run("sweep", root() + "/in/s.yaml", "--dir", out);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains(out + "/results.csv exists: use --resume");

    // an interrupted run: three complete rows and half of the fourth
    List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
    String cut = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 9);
    put(out + "/results.csv", cut.getBytes(StandardCharsets.UTF_8));
    fs().delete(new org.apache.hadoop.fs.Path(out + "/results.parquet"), false);
    // and the temporary file of a rewrite it did not finish, deleted when the resume starts
    put(out + "/.results.csv.5f3a.tmp", lines.get(0).getBytes(StandardCharsets.UTF_8));
    Cli resumed = Cli.run("sweep", root() + "/in/s.yaml", "--dir", out, "--resume",
        "--threads", "1");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("3 resumed");
    assertThat(get(out + "/results.csv")).isEqualTo(csv);
    assertThat(get(out + "/results.parquet")).isEqualTo(parquet);
    assertThat(files(out))
        .containsExactlyInAnyOrder("results.csv", "results.parquet", "sweep.yaml", "provenance.json");
  }

  @Test
  void aCalibrationsPosteriorGoesThereAndIsReadBackFromThere() throws Exception {
    List<String> calibrate = List.of("calibrate", "rand-d-ports", "--reference",
        "nuclear=both trigger=violent", "--particles", "30", "--generations", "1",
        "--predictive-runs", "50", "--threads", "2", "--posterior");
    Path local = tmp.resolve("cal-local").resolve("p.csv");
    Files.createDirectories(local.getParent());
    Cli a = Cli.run(Stream.concat(calibrate.stream(), Stream.of(local.toString()))
        .toArray(String[]::new));
    assertThat(a.code()).as(a.err()).isZero();
    String remote = root() + "/cal/p.csv";
    Cli b = Cli.run(Stream.concat(calibrate.stream(), Stream.of(remote)).toArray(String[]::new));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("Posterior sample: " + remote);
    assertThat(get(remote)).isEqualTo(Files.readAllBytes(local));
    assertThat(get(root() + "/cal/p.parquet"))
        .isEqualTo(Files.readAllBytes(local.resolveSibling("p.parquet")));
    assertThat(files(root() + "/cal")).containsExactlyInAnyOrder("p.csv", "p.parquet");

    // read back: the same numbers as from the local file
    Cli fromLocal = Cli.run("simulate", "rand-d-ports", "--posterior", local.toString(),
        "--samples", "4", "--runs", "100", "--format", "json");
    Cli fromThere = Cli.run("simulate", "rand-d-ports", "--posterior", remote, "--samples", "4",
        "--runs", "100", "--format", "json");
    assertThat(fromThere.code()).as(fromThere.err()).isZero();
    assertThat(fromThere.out()).isEqualTo(fromLocal.out());
    Cli missing = Cli.run("simulate", "rand-d-ports", "--posterior", root() + "/cal/none.csv");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file: " + root() + "/cal/none.csv");
  }
}
