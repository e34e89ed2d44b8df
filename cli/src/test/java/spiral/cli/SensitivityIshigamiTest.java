package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepRunner;

/**
 * {@code spiral sensitivity} end to end on the Ishigami function (DOMAIN.md): a saltelli sweep
 * file over three parameters whose results.csv holds, instead of simulated outputs, Ishigami's
 * value at each design point (each parameter's range mapped onto [-pi, pi]), in nuclearUse, and
 * the same plus 100 in directWar. The indices must contain the analytic values in their 95%
 * bootstrap intervals, both outputs must give the same intervals (the estimators centre the
 * outputs), and rows out of order must be matched to the design or refused.
 */
class SensitivityIshigamiTest {
  static final String SWEEP = """
      scenario: rand-d-ports
      parameters:
        - {path: actors.russia.perception.threatBias, min: 0, max: 0.8}
        - {path: actors.russia.rationality, min: 1, max: 5}
        - {path: alliances.nato-alliance.commitmentCredibility, min: 0.6, max: 1.0}
      design: {type: saltelli, points: 8192, secondOrder: true}
      runs: 1
      seed: 2024
      outputs: [nuclearUse, directWar]
      """;

  static final double[] S1 = {0.3139, 0.4424, 0.0};
  static final double[] ST = {0.5576, 0.4424, 0.2437};
  /** S12, S13, S23: only x1 and x3 interact, S13 = ST1 - S1_1. */
  static final double[] S2 = {0.0, 0.2437, 0.0};

  @TempDir Path tmp;
  Path dir;
  Sweep sweep;
  List<String> rows;

  @BeforeEach
  void writeTheResults() throws Exception {
    dir = tmp.resolve("ishigami");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    sweep = Sweep.read(dir.resolve("sweep.yaml"));
    double[][] x = sweep.points();
    rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double[] u = new double[3];
      for (int j = 0; j < 3; j++) {
        Sweep.Parameter p = sweep.parameters().get(j);
        u[j] = (x[i][j] - p.min()) / (p.max() - p.min());
      }
      double f = ishigami(u);
      rows.add(SweepRunner.row(i, x[i], sweep.seed(), new double[] {f, f + 100}));
    }
    write(rows);
  }

  void write(List<String> body) throws Exception {
    Files.writeString(dir.resolve("results.csv"), SweepRunner.header(sweep) + "\n"
        + String.join("\n", body) + "\n");
  }

  /** Ishigami with a = 7, b = 0.1 on unit coordinates mapped to [-pi, pi]. */
  static double ishigami(double[] u) {
    double x1 = -Math.PI + 2 * Math.PI * u[0];
    double x2 = -Math.PI + 2 * Math.PI * u[1];
    double x3 = -Math.PI + 2 * Math.PI * u[2];
    double s2 = Math.sin(x2);
    return Math.sin(x1) + 7 * s2 * s2 + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
  }

  JsonNode sensitivity(String output) throws Exception {
    Cli c = Cli.run("sensitivity", dir.resolve("results.csv").toString(), "--output", output,
        "--format", "json");
    assertThat(c.code()).as(c.err()).isZero();
    return new ObjectMapper().readTree(c.out());
  }

  /** The rows of the report by parameter, in the sweep's order. */
  List<JsonNode> byParameter(JsonNode report) {
    List<JsonNode> out = new ArrayList<>();
    for (String name : sweep.names()) {
      for (JsonNode r : report.get("parameters")) {
        if (r.get("parameter").asText().equals(name)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  static void assertWithin(String what, double truth, JsonNode row, String key) {
    double lo = row.get(key + "Low").asDouble();
    double hi = row.get(key + "High").asDouble();
    assertThat(truth).as("%s = %s: %s in [%s, %s]", what, truth, row.get(key), lo, hi)
        .isBetween(lo, hi);
  }

  @Test
  void ishigamiIndicesThroughTheCommandLineLieInTheirIntervalsShiftedOrNot() throws Exception {
    JsonNode plain = sensitivity("nuclearUse");
    JsonNode shifted = sensitivity("directWar");
    assertThat(plain.get("method").asText()).isEqualTo("sobol");
    assertThat(plain.get("points").asInt()).isEqualTo(8192 * 8);
    assertThat(plain.has("warnings")).isFalse();
    List<JsonNode> a = byParameter(plain);
    List<JsonNode> b = byParameter(shifted);
    for (int i = 0; i < 3; i++) {
      assertWithin("S1 of x" + (i + 1), S1[i], a.get(i), "first");
      assertWithin("ST of x" + (i + 1), ST[i], a.get(i), "total");
      assertWithin("S1 of x" + (i + 1) + " + 100", S1[i], b.get(i), "first");
      assertWithin("ST of x" + (i + 1) + " + 100", ST[i], b.get(i), "total");
      // the shift moves the outputs' rounding only: each output near 100 is off by at most
      // half an ulp of 128, so an index moves by at most 4 spread ulp(128) / variance, with
      // Ishigami's spread below 30 and variance 13.84
      double rounding = 4 * 30 * Math.ulp(128.0) / 13.84;
      for (String k : List.of("first", "firstLow", "firstHigh", "total", "totalLow",
          "totalHigh")) {
        assertThat(b.get(i).get(k).asDouble()).as("%s of x%d", k, i + 1)
            .isCloseTo(a.get(i).get(k).asDouble(), Offset.offset(rounding));
      }
    }
    JsonNode pairs = plain.get("secondOrder");
    assertThat(pairs).hasSize(3);
    for (int q = 0; q < 3; q++) {
      assertWithin("S2 " + pairs.get(q).get("parameter") + " x " + pairs.get(q).get("other"),
          S2[q], pairs.get(q), "second");
    }
    Cli table = Cli.run("sensitivity", dir.resolve("results.csv").toString());
    assertThat(table.out()).contains("S1").contains("ST").contains("pair")
        .doesNotContain("warning");
  }

  @Test
  void shuffledRowsWithTheirPointsAreMatchedBackToTheDesign() throws Exception {
    JsonNode before = sensitivity("nuclearUse");
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(7));
    write(shuffled);
    Cli c = Cli.run("sensitivity", dir.resolve("results.csv").toString(), "--output",
        "nuclearUse", "--format", "json");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).contains("not in point order").contains("put back in point order");
    assertThat(new ObjectMapper().readTree(c.out())).isEqualTo(before);
  }

  @Test
  void shuffledRowsNumberedAfreshAreRefusedWithTheirPlace() throws Exception {
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(7));
    List<String> renumbered = new ArrayList<>();
    for (int i = 0; i < shuffled.size(); i++) {
      String r = shuffled.get(i);
      renumbered.add(i + r.substring(r.indexOf(',')));
    }
    write(renumbered);
    Cli c = Cli.run("sensitivity", dir.resolve("results.csv").toString(), "--output",
        "nuclearUse");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.out()).isEmpty();
    assertThat(c.err()).containsPattern("results\\.csv:[0-9]+:[0-9]+: actors\\.[a-zA-Z.]+: "
        + "[-0-9.E]+ is not point [0-9]+'s value in the saltelli design")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aSortedResultsFileIsRefused() throws Exception {
    // sorted by the output, as a spreadsheet would leave it, and numbered afresh
    List<String> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparingDouble(
        r -> Double.parseDouble(r.substring(r.lastIndexOf(',') + 1))));
    List<String> renumbered = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      renumbered.add(i + sorted.get(i).substring(sorted.get(i).indexOf(',')));
    }
    write(renumbered);
    Path html = tmp.resolve("never.html");
    Cli c = Cli.run("sensitivity", dir.resolve("results.csv").toString(), "--report",
        html.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("results.csv:2:");
    assertThat(html).doesNotExist();
  }

  @Test
  void anIndexWhoseIntervalIsWiderThanItsRangeIsFlagged() throws Exception {
    // eight base points of a noisy output: the intervals span more than [0, 1]
    String small = SWEEP.replace("points: 8192, secondOrder: true", "points: 8");
    Files.writeString(dir.resolve("sweep.yaml"), small);
    sweep = Sweep.read(dir.resolve("sweep.yaml"));
    double[][] x = sweep.points();
    SplittableRandom noise = new SplittableRandom(5);
    List<String> body = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      body.add(SweepRunner.row(i, x[i], sweep.seed(), new double[] {noise.nextDouble(),
          noise.nextDouble()}));
    }
    write(body);
    Cli c = Cli.run("sensitivity", dir.resolve("results.csv").toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("]!").contains("warning: ")
        .contains("is wider than an index's range [0, 1], so the index is meaningless");
    Path html = tmp.resolve("wide.html");
    assertThat(Cli.run("sensitivity", dir.resolve("results.csv").toString(), "--report",
        html.toString(), "--threads", "1").code()).isZero();
    assertThat(Files.readString(html)).contains("id=\"sensitivity-warnings\"");
    JsonNode j = new ObjectMapper().readTree(Cli.run("sensitivity",
        dir.resolve("results.csv").toString(), "--format", "json").out());
    assertThat(j.get("warnings").size()).isPositive();
  }
}
