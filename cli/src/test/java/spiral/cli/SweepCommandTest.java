package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code sweep}, {@code sensitivity} and {@code discover}. */
class SweepCommandTest {
  static final String SWEEP = """
      scenario: rand-d-ports
      parameters:
        - {path: actors.russia.perception.threatBias, min: 0, max: 0.8}
        - {path: actors.russia.rationality, min: 1, max: 5}
      design: {type: lhs, points: 6}
      runs: 200
      seed: 1
      outputs: [nuclearUse, directWar, furtherAttacks]
      """;

  @TempDir Path tmp;

  Path write(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void sweepWritesOneRowPerPointAndResumes() throws Exception {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("out");
    Cli c = Cli.run("sweep", f.toString(), "--dir", out.toString(), "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("6 points x 200 runs");
    Path csv = out.resolve("results.csv");
    String full = Files.readString(csv);
    List<String> lines = full.lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo("point,actors.russia.perception.threatBias,"
        + "actors.russia.rationality,seed,nuclearUse,directWar,furtherAttacks");

    Cli again = Cli.run("sweep", f.toString(), "--dir", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("--resume");

    Files.writeString(csv, String.join("\n", lines.subList(0, 4)) + "\n");
    Cli resumed = Cli.run("sweep", f.toString(), "--dir", out.toString(), "--resume",
        "--threads", "1");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("3 resumed");
    assertThat(Files.readString(csv)).isEqualTo(full);
  }

  @Test
  void theOldOutForTheFolderStillWorksWithANote() throws Exception {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("old");
    Cli c = Cli.run("sweep", f.toString(), "--out", out.toString(), "--threads", "1", "--no-parquet");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).contains("'sweep --out DIR' is now 'sweep --dir DIR'");
    assertThat(out.resolve("results.csv")).exists();
    Cli both = Cli.run("sweep", f.toString(), "--out", out.toString(), "--dir", out.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--dir DIR");
  }

  @Test
  void aFileSystemWithoutItsConnectorIsBadInputInOneLine() throws Exception {
    Path f = write("s.yaml", SWEEP);
    for (String[] where : new String[][] {{"s3a", "hadoop-aws"}, {"gs", "gcs-connector"},
        {"hdfs", "hadoop-client-runtime"}}) {
      String dir = where[0] + "://bucket/sweeps/out";
      Cli c = Cli.run("sweep", f.toString(), "--dir", dir, "--threads", "1");
      assertThat(c.code()).as(c.err()).isEqualTo(2);
      assertThat(c.err()).hasLineCount(1)
          .startsWith("spiral: " + dir + ": no file system for '" + where[0] + ":' on the class path")
          .contains(where[1]).contains("SPIRAL_CLASSPATH").doesNotContain("Exception");
      assertThat(Path.of(where[0] + ":")).doesNotExist();
      assertThat(tmp.resolve(where[0] + ":")).doesNotExist();
    }
    Cli input = Cli.run("sweep", "s3a://bucket/s.yaml", "--dir", tmp.resolve("x").toString());
    assertThat(input.code()).isEqualTo(2);
    assertThat(input.err()).hasLineCount(1).contains("s3a://bucket/s.yaml: no file system for 's3a:'");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void aFileUriAndAWindowsStyleNameAreLocalFolders() throws Exception {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("by-uri");
    Cli c = Cli.run("sweep", f.toUri().toString(), "--dir", out.toUri().toString(),
        "--threads", "1", "--no-parquet");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(out.resolve("results.csv")).exists();
    // on this system a backslash is part of a file name: the folder is local, not a scheme's
    Path windows = tmp.resolve("C:\\sweeps");
    Cli w = Cli.run("sweep", f.toString(), "--dir", windows.toString(), "--threads", "1",
        "--no-parquet");
    assertThat(w.code()).as(w.err()).isZero();
    assertThat(windows.resolve("results.csv")).exists();
  }

  @Test
  void resumeRefusesAnotherSweepsFile() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.csv"), "point,x,seed,nuclearUse\n");
    Cli c = Cli.run("sweep", write("s.yaml", SWEEP).toString(), "--dir", out.toString(),
        "--resume");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("header does not match");
  }

  @Test
  void sensitivityAndDiscoverOnTheResults() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("sweep", write("s.yaml", SWEEP).toString(), "--dir", out.toString())
        .code()).isZero();
    String csv = out.resolve("results.csv").toString();
    Cli s = Cli.run("sensitivity", csv, "--output", "directWar");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("rank-correlation").contains("actors.russia.rationality");
    Cli j = Cli.run("sensitivity", csv, "--format", "json");
    assertThat(j.code()).isZero();
    assertThat(j.out()).contains("\"rankCorrelation\"").contains("\"output\" : \"nuclearUse\"");

    Cli d = Cli.run("discover", csv, "--where", "directWar >= 0");
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out()).contains("coverage").contains("density").contains("trajectory");
    Cli dj = Cli.run("discover", csv, "--where", "furtherAttacks>0", "--format", "json");
    assertThat(dj.code()).as(dj.err()).isZero();
    assertThat(dj.out()).contains("\"limits\"");

    Path sc = tmp.resolve("s.csv");
    Cli scsv = Cli.run("sensitivity", csv, "-f", "csv", "-o", sc.toString());
    assertThat(scsv.code()).as(scsv.err()).isZero();
    assertThat(scsv.out()).isEmpty();
    List<String> rows = Files.readString(sc).lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(rows.get(0)).isEqualTo("output,parameter,other,index,estimate,low,high");
    assertThat(rows).hasSize(3).allMatch(l -> l.equals(rows.get(0)) || l.contains(",spearman,"));
    Cli dcsv = Cli.run("discover", csv, "--where", "directWar >= 0", "-f", "csv");
    assertThat(dcsv.code()).as(dcsv.err()).isZero();
    List<String> drows = dcsv.out().lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(drows.get(0)).startsWith("parameter,restricted,low,high");
    assertThat(drows).hasSize(3);
  }

  @Test
  void sobolAndMorrisSensitivity() throws Exception {
    Path sa = write("sa.yaml", SWEEP.replace("type: lhs, points: 6", "type: saltelli, points: 4")
        .replace("runs: 200", "runs: 100"));
    Path out = tmp.resolve("sa");
    assertThat(Cli.run("sweep", sa.toString(), "--dir", out.toString()).code()).isZero();
    Cli s = Cli.run("sensitivity", out.resolve("results.csv").toString(), "--output",
        "furtherAttacks", "--resamples", "50");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("(sobol)").contains("S1").contains("ST");

    Path mo = write("mo.yaml", SWEEP.replace("type: lhs, points: 6",
        "type: morris, trajectories: 2").replace("runs: 200", "runs: 100"));
    Path mout = tmp.resolve("mo");
    assertThat(Cli.run("sweep", mo.toString(), "--dir", mout.toString()).code()).isZero();
    Cli m = Cli.run("sensitivity", mout.resolve("results.csv").toString(), "--output",
        "furtherAttacks", "--format", "json");
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(m.out()).contains("\"muStar\"").contains("\"morris\"");
  }

  @Test
  void badInputExitsWithTwo() throws Exception {
    Cli unknown = Cli.run("sweep", write("bad.yaml", SWEEP + "extra: 1\n").toString(),
        "--dir", tmp.resolve("x").toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("bad.yaml:9:").contains("unknown key 'extra'")
        .doesNotContain("Exception");
    Cli path = Cli.run("sweep", write("p.yaml", SWEEP.replace("rationality", "rationalty"))
        .toString(), "--dir", tmp.resolve("y").toString());
    assertThat(path.code()).isEqualTo(2);
    assertThat(path.err()).contains("parameters[1].path");
    assertThat(Cli.run("sweep", tmp.resolve("missing.yaml").toString()).code()).isEqualTo(2);

    Path out = tmp.resolve("out");
    assertThat(Cli.run("sweep", write("s.yaml", SWEEP).toString(), "--dir", out.toString())
        .code()).isZero();
    String csv = out.resolve("results.csv").toString();
    for (String where : List.of("nuclearUse >> 0.05", "nuclearUse", "0.05 < nuclearUse",
        "nuclearUse > x", "war > 0.1")) {
      Cli d = Cli.run("discover", csv, "--where", where);
      assertThat(d.code()).as(where).isEqualTo(2);
      assertThat(d.err()).as(where).contains("--where");
    }
    assertThat(Cli.run("sensitivity", csv, "--output", "war").code()).isEqualTo(2);
    assertThat(Cli.run("discover", write("junk.csv", "a,b\n1,2\n").toString(), "--where",
        "a > 1").code()).isEqualTo(2);
  }

  @Test
  void malformedTruncatedHugeAndHostileSweepFilesExitWithTwoAndALocatedMessage() throws Exception {
    record Bad(String name, byte[] content, String expected) {}
    byte[] huge = new byte[17 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) '#');
    List<Bad> bad = List.of(
        new Bad("min-above-max.yaml", SWEEP.replace("min: 1, max: 5", "min: 5, max: 1").getBytes(),
            "min-above-max.yaml:4:"),
        new Bad("unknown-path.yaml", SWEEP.replace("rationality", "rationalty").getBytes(),
            "unknown-path.yaml:4:"),
        new Bad("unknown-output.yaml", SWEEP.replace("directWar", "war").getBytes(),
            "unknown-output.yaml:8:"),
        new Bad("design.yaml", SWEEP.replace("type: lhs", "type: grid").getBytes(),
            "design.yaml:5:"),
        new Bad("count.yaml", SWEEP.replace("points: 6", "points: -3").getBytes(),
            "count.yaml:5:"),
        new Bad("truncated.yaml", SWEEP.substring(0, SWEEP.indexOf("points:")).getBytes(),
            "truncated.yaml:"),
        new Bad("tabs.yaml", "scenario:\t[x\n\t- y".getBytes(), "tabs.yaml:"),
        new Bad("binary.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "binary.yaml"),
        new Bad("huge.yaml", huge, "huge.yaml"),
        new Bad("aliases.yaml", ("a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n").getBytes(), "aliases.yaml"),
        new Bad("deep.yaml", "[".repeat(100_000).getBytes(), "deep.yaml"),
        new Bad("tag.yaml", "scenario: !!java.io.File /\n".getBytes(), "tag.yaml"));
    for (Bad b : bad) {
      Path f = tmp.resolve(b.name());
      Files.write(f, b.content());
      Cli c = Cli.run("sweep", f.toString(), "--dir", tmp.resolve("never").toString());
      assertThat(c.code()).as(b.name() + ": " + c.err()).isEqualTo(2);
      assertThat(c.err()).as(b.name()).contains(b.expected())
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  /** Runs a sweep of this design and writes the sensitivity report of furtherAttacks. */
  static String sensitivityReport(Path tmp, String name, String design) throws Exception {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, SWEEP.replace("type: lhs, points: 6", design)
        .replace("runs: 200", "runs: 100"));
    Path out = tmp.resolve(name);
    Cli c = Cli.run("sweep", f.toString(), "--dir", out.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Path html = tmp.resolve(name + ".html");
    Cli r = Cli.run("sensitivity", out.resolve("results.csv").toString(), "--output",
        "furtherAttacks", "--report", html.toString(), "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    return Files.readString(html);
  }

  @Test
  void sensitivityReportShowsTheTornadoTheDesignsChartAndTheAssumptions() throws Exception {
    String sobol = sensitivityReport(tmp, "sal", "type: saltelli, points: 8");
    assertThat(sobol).contains("data-chart=\"tornado\"").contains("data-chart=\"sobol\"")
        .contains("id=\"sensitivity-table\"").contains("Illustrative assumptions")
        .contains("rationality (quantal-response lambda)")
        .contains("Saltelli, N = 8 base points (32 in all)")
        .contains("<dt>Seed</dt><dd>1 ").contains("<dt>Runs per point</dt><dd>100</dd>")
        .doesNotContain("http://").doesNotContain("https://");
    String morris = sensitivityReport(tmp, "mo", "type: morris, trajectories: 3");
    assertThat(morris).contains("data-chart=\"tornado\"").contains("data-chart=\"morris\"")
        .contains("design seed 1");
    String lhs = sensitivityReport(tmp, "lhs", "type: lhs, points: 6");
    assertThat(lhs).contains("data-chart=\"rank-correlation\"");

    // without the sweep file: no tornado, and the report says what it cannot know
    Files.delete(tmp.resolve("lhs/sweep.yaml"));
    Path html = tmp.resolve("bare.html");
    Cli r = Cli.run("sensitivity", tmp.resolve("lhs/results.csv").toString(), "--report",
        html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(html)).doesNotContain("data-chart=\"tornado\"")
        .contains("data-chart=\"rank-correlation\"").contains("cannot be listed");

    Cli bad = Cli.run("sensitivity", tmp.resolve("lhs/results.csv").toString(), "--report",
        tmp.resolve("no/such/folder/r.html").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--report");
  }

  /** Runs the example-like sweep and writes the discovery report of nuclearUse > 0. */
  static String discoveryReport(Path tmp, String name) throws Exception {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, SWEEP.replace("points: 6", "points: 30").replace("runs: 200", "runs: 100"));
    Path out = tmp.resolve(name);
    Cli c = Cli.run("sweep", f.toString(), "--dir", out.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Path html = tmp.resolve(name + ".html");
    Cli d = Cli.run("discover", out.resolve("results.parquet").toString(), "--where",
        "directWar > 0.0", "--report", html.toString());
    assertThat(d.code()).as(d.err()).isZero();
    return Files.readString(html);
  }

  @Test
  void discoverReportShowsTheBoxAndTheTrajectory() throws Exception {
    String html = discoveryReport(tmp, "disc");
    assertThat(html).contains("data-chart=\"prim-box\"").contains("data-chart=\"prim-trajectory\"")
        .contains("id=\"box-table\"").contains("Illustrative assumptions")
        .contains("chosen: box ").contains("Friedman &amp; Fisher 1999");
    Cli bad = Cli.run("discover", tmp.resolve("disc/results.csv").toString(), "--where",
        "directWar > 0.0", "--report", tmp.resolve("no/such/r.html").toString());
    assertThat(bad.code()).isEqualTo(2);
  }
}
