package spiral.explore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
  static final String GOOD = """
      scenario: rand-d-ports
      parameters:
        - {path: actors.russia.rationality, min: 1, max: 5}
        - {path: alliances.nato-alliance.commitmentCredibility, min: 0.6, max: 1.0}
      design: {type: lhs, points: 6}
      runs: 200
      seed: 3
      outputs: [nuclearUse, directWar]
      """;

  static Sweep parse(String text) {
    return Sweep.parse("s.yaml", text, null);
  }

  @Test
  void readsAGoodSweep() {
    Sweep s = parse(GOOD);
    assertThat(s.names()).containsExactly("actors.russia.rationality",
        "alliances.nato-alliance.commitmentCredibility");
    assertThat(s.runs()).isEqualTo(200);
    assertThat(s.seed()).isEqualTo(3);
    double[][] x = s.points();
    assertThat(x).hasNumberOfRows(6);
    for (double[] p : x) {
      assertThat(p[0]).isBetween(1.0, 5.0);
      assertThat(p[1]).isBetween(0.6, 1.0);
    }
    assertThat(parse(GOOD).points()).isDeepEqualTo(x);
  }

  @Test
  void unknownKeyIsNamedWithItsLine() {
    assertThatThrownBy(() -> parse(GOOD + "rnus: 3\n"))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("s.yaml:9:")
        .hasMessageContaining("unknown key 'rnus'");
    assertThatThrownBy(() -> parse(GOOD.replace("design: {type: lhs, points: 6}",
        "design: {type: lhs, pionts: 6}")))
        .hasMessageContaining("design").hasMessageContaining("unknown key 'pionts'");
  }

  @Test
  void wrongTypesAreNamed() {
    assertThatThrownBy(() -> parse(GOOD.replace("runs: 200", "runs: many")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("runs: expected an integer");
    assertThatThrownBy(() -> parse(GOOD.replace("points: 6", "points: 6.5")))
        .hasMessageContaining("design.points: expected an integer");
  }

  @Test
  void unknownParameterPathsAreRefused() {
    assertThatThrownBy(() -> parse(GOOD.replace("actors.russia.rationality",
        "actors.russia.rationalty")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("parameters[0].path")
        .hasMessageContaining("rationalty");
  }

  @Test
  void badRangesAreRefused() {
    assertThatThrownBy(() -> parse(GOOD.replace("min: 1, max: 5", "min: 5, max: 1")))
        .hasMessageContaining("parameters[0]").hasMessageContaining("below max");
    assertThatThrownBy(() -> parse(GOOD.replace("min: 0.6, max: 1.0", "min: 0.6, max: 1.7")))
        .hasMessageContaining("parameters[1].path");
    assertThatThrownBy(() -> parse(GOOD.replace("min: 1, max: 5", "min: 1")))
        .hasMessageContaining("parameters[0].max: missing");
    assertThatThrownBy(() -> parse(GOOD.replace("points: 6", "points: 0")))
        .hasMessageContaining("design.points");
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs", "type: grid")))
        .hasMessageContaining("design.type: unknown design 'grid'");
    assertThatThrownBy(() -> parse(GOOD.replace("directWar]", "war]")))
        .hasMessageContaining("outputs[1]: unknown output 'war'");
    assertThatThrownBy(() -> parse(GOOD.replace("scenario: rand-d-ports", "scenario: nowhere")))
        .hasMessageContaining("scenario:");
  }

  @Test
  void factorialUsesTheValuesAndLevels() {
    Sweep s = parse("""
        scenario: rand-d-ports
        parameters:
          - {path: actors.russia.rationality, values: [1, 3]}
          - {path: alliances.nato-alliance.commitmentCredibility, min: 0.6, max: 1.0}
        design: {type: factorial, levels: 3}
        outputs: [nuclearUse]
        """);
    double[][] x = s.points();
    assertThat(x).hasNumberOfRows(6);
    assertThat(Arrays.stream(x).map(p -> p[0] + "/" + p[1]).toList())
        .containsExactly("1.0/0.6", "1.0/0.8", "1.0/1.0", "3.0/0.6", "3.0/0.8", "3.0/1.0");
  }

  @Test
  void thePointCountIsKnownWithoutGeneratingTheDesign() {
    for (String design : List.of("type: lhs, points: 6", "type: sobol-sequence, points: 8",
        "type: morris, trajectories: 3", "type: saltelli, points: 4", "type: factorial, levels: 3")) {
      Sweep s = parse(GOOD.replace("type: lhs, points: 6", design));
      assertThat(s.pointCount()).as(design).isEqualTo(s.points().length);
    }
    Sweep values = parse(GOOD.replace("{path: actors.russia.rationality, min: 1, max: 5}",
        "{path: actors.russia.rationality, values: [1, 2, 3, 4, 5]}")
        .replace("type: lhs, points: 6", "type: factorial, levels: 2"));
    assertThat(values.pointCount()).isEqualTo(10).isEqualTo(values.points().length);
  }

  @Test
  void morrisAndSaltelliHaveTheirShapes() {
    Sweep m = parse(GOOD.replace("type: lhs, points: 6", "type: morris, trajectories: 3"));
    assertThat(m.points()).hasNumberOfRows(3 * 3);
    Sweep sa = parse(GOOD.replace("type: lhs, points: 6", "type: saltelli, points: 4"));
    assertThat(sa.points()).hasNumberOfRows(4 * 4);
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs, points: 6",
        "type: morris, trajectories: 3, levels: 3")))
        .hasMessageContaining("design.levels");
  }

  /** "s.yaml:LINE:COLUMN: " of the first {@code token} on a line of a text. */
  static String at(String text, int line, String token) {
    String l = text.lines().toList().get(line - 1);
    assertThat(l).contains(token);
    return "s.yaml:" + line + ":" + (l.indexOf(token) + 1) + ": ";
  }

  @Test
  void semanticProblemsNameLineColumnAndValue() {
    // GOOD's lines: 1 scenario, 2 parameters, 3 and 4 the parameters, 5 design, 6 runs, 7 seed,
    // 8 outputs
    assertThatThrownBy(() -> parse(GOOD.replace("actors.russia.rationality",
        "actors.russia.rationalty")))
        .hasMessageStartingWith("s.yaml:3:").hasMessageContaining("parameters[0].path")
        .hasMessageContaining("rationalty");
    assertThatThrownBy(() -> parse(GOOD.replace("min: 1, max: 5", "min: 5, max: 1")))
        .hasMessageStartingWith(at(GOOD.replace("min: 1, max: 5", "min: 5, max: 1"), 3, "5, max: 1") + "parameters[0].min: min 5.0 must be below max 1.0");
    assertThatThrownBy(() -> parse(GOOD.replace("directWar]", "war]")))
        .hasMessageStartingWith(at(GOOD.replace("directWar]", "war]"), 8, "war]") + "outputs[1]: unknown output 'war'");
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs", "type: grid")))
        .hasMessageStartingWith(at(GOOD.replace("type: lhs", "type: grid"), 5, "grid") + "design.type: unknown design 'grid'");
    assertThatThrownBy(() -> parse(GOOD.replace("points: 6", "points: 0")))
        .hasMessageStartingWith(at(GOOD, 5, "6}") + "design.points:").hasMessageContaining("was 0");
    assertThatThrownBy(() -> parse(GOOD.replace("runs: 200", "runs: 0")))
        .hasMessageStartingWith("s.yaml:6:7: runs: must be between 1 and 10^9, was 0");
    assertThatThrownBy(() -> parse(GOOD.replace("scenario: rand-d-ports", "scenario: nowhere")))
        .hasMessageStartingWith("s.yaml:1:11: scenario:").hasMessageContaining("nowhere");
    // a missing key is placed at the mapping that lacks it
    assertThatThrownBy(() -> parse(GOOD.replace("min: 1, max: 5", "min: 1")))
        .hasMessageStartingWith(at(GOOD, 3, "{") + "parameters[0].max: missing");
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs, points: 6", "type: morris")))
        .hasMessageStartingWith(at(GOOD, 5, "{") + "design.trajectories:")
        .hasMessageEndingWith("trajectories, missing");
    assertThatThrownBy(() -> parse(GOOD + "---\nscenario: again\n"))
        .hasMessageStartingWith("s.yaml:10:1: ").hasMessageContaining("a second YAML document");
    assertThatThrownBy(() -> parse(GOOD.replace("min: 0.6, max: 1.0", "values: [0.7, 0.7]")
        .replace("type: lhs, points: 6", "type: factorial, levels: 2")))
        .hasMessageStartingWith(at(GOOD.replace("min: 0.6, max: 1.0", "values: [0.7, 0.7]"), 4,
            "0.7]") + "parameters[1].values[1]: 0.7 is listed twice");
    assertThatThrownBy(() -> parse(GOOD.replace("min: 0.6, max: 1.0", "values: [0.7, 1.7]")
        .replace("type: lhs, points: 6", "type: factorial, levels: 2")))
        .hasMessageStartingWith(at(GOOD.replace("min: 0.6, max: 1.0", "values: [0.7, 1.7]"), 4,
            "1.7]") + "parameters[1].values[1]: ")
        .hasMessageContaining("1.7");
  }

  @Test
  void malformedTruncatedHugeAndHostileFilesAreRefusedWithAMessage() {
    List<String> bad = List.of(
        GOOD.substring(0, GOOD.indexOf("design:") + 18), // truncated inside a flow mapping
        "scenario: [rand-d-ports\n",
        "- just\n- a list\n",
        "\t\tscenario: x\n",
        GOOD + "---\nscenario: again\n",
        GOOD.replace("runs: 200", "runs: 99999999999999999999999999"),
        GOOD.replace("runs: 200", "runs: .inf"),
        GOOD.replace("min: 1, max: 5", "min: .nan, max: 5"),
        GOOD.replace("points: 6", "points: 10000000"),
        GOOD.replace("type: lhs, points: 6", "type: morris, trajectories: 1000000, levels: 1000000"),
        // a billion laughs
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
        "[".repeat(10_000),
        "scenario: " + "x".repeat(Sweep.MAX_CHARS) + "\n",
        "scenario: !!java.io.File /tmp\n",
        "\u0000\u0001\u0002");
    for (String text : bad) {
      String shown = text.length() > 80 ? text.substring(0, 80) : text;
      try {
        parse(text);
        throw new AssertionError("accepted: " + shown);
      } catch (SweepException e) {
        assertThat(e.getMessage()).as(shown).startsWith("s.yaml");
      }
    }
  }

  /** Fuzzing finding: a null output was looked up in an immutable list (NullPointerException). */
  @Test
  void aNullOutputIsAProblemAtItsPlace() {
    assertThatThrownBy(() -> parse(GOOD.replace("outputs: [nuclearUse, directWar]",
        "outputs: [nuclearUse, ~]")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("s.yaml:8:")
        .hasMessageContaining("outputs[1]: missing (null)");
  }

  /** Fuzzing finding: a path of dots only split into no parts (ArrayIndexOutOfBoundsException). */
  @Test
  void aPathOfDotsIsAProblemAtItsPlace() {
    for (String path : List.of(".", "..", "actors.", "model.rho.")) {
      assertThatThrownBy(() -> parse(GOOD.replace("actors.russia.rationality", "'" + path + "'")))
          .as(path)
          .isInstanceOf(SweepException.class)
          .hasMessageContaining("s.yaml:3:")
          .hasMessageContaining("parameters[0].path")
          .hasMessageContaining("does not name");
    }
  }

  @Test
  void pointCountIsTheNumberOfPointsWithoutMakingThem() {
    for (String design : List.of("{type: lhs, points: 6}", "{type: sobol-sequence, points: 5}", "{type: saltelli, points: 4, secondOrder: true}",
        "{type: saltelli, points: 4}", "{type: morris, trajectories: 3, levels: 4}",
        "{type: factorial, levels: 3}")) {
      Sweep s = parse(GOOD.replace("{type: lhs, points: 6}", design));
      assertThat(s.pointCount()).as(design).isEqualTo(s.points().length);
    }
  }

  @Test
  void theOldDesignNameSobolIsRefusedWithAHintNamingTheNewOnes() {
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs, points: 6", "type: sobol, points: 8")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("s.yaml:5:")
        .hasMessageContaining("design.type")
        .hasMessageContaining("'saltelli'")
        .hasMessageContaining("'sobol-sequence'");
    assertThat(parse(GOOD.replace("type: lhs, points: 6", "type: sobol-sequence, points: 8"))
        .points()).hasNumberOfRows(8);
  }

  @Test
  void secondOrderAddsTheBaBlocksAndIsOnlyForSaltelli() {
    Sweep sa = parse(GOOD.replace("type: lhs, points: 6",
        "type: saltelli, points: 4, secondOrder: true"));
    assertThat(sa.design().secondOrder()).isTrue();
    assertThat(sa.points()).hasNumberOfRows(4 * (2 * 2 + 2));
    assertThat(sa.saltelli().secondOrder()).isTrue();
    assertThat(parse(GOOD.replace("type: lhs, points: 6", "type: saltelli, points: 4"))
        .design().secondOrder()).isFalse();
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs, points: 6",
        "type: lhs, points: 4, secondOrder: true")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("s.yaml:5:")
        .hasMessageContaining("design.secondOrder");
  }

  /** Seventeen distinct parameters of rand-d-ports, one more than the old Saltelli limit. */
  static final List<String> SEVENTEEN = List.of("actors.russia.resolve",
      "actors.russia.painThreshold", "actors.russia.credibility", "actors.russia.rationality",
      "actors.russia.credibilityWeight", "actors.russia.riskAversion", "actors.russia.costWeight",
      "actors.russia.punishmentWeight", "actors.russia.perception.noise",
      "actors.russia.perception.threatBias", "model.rho", "model.delta", "model.tau",
      "model.credibilityRate", "model.cohesionRate", "model.cohesionRiskRate",
      "model.cohesionDrift");

  static String sweepOver(List<String> paths, String design) {
    StringBuilder b = new StringBuilder("scenario: rand-d-ports\nparameters:\n");
    for (String p : paths) {
      b.append("  - {path: ").append(p).append(", min: 0.3, max: 0.7}\n");
    }
    return b.append("design: {").append(design).append("}\nruns: 10\noutputs: [nuclearUse]\n")
        .toString();
  }

  @Test
  void aSeventeenParameterSaltelliSweepBeyondTheOldLimitIsBuilt() {
    // the old direction numbers covered 32 dimensions: 16 Saltelli or 32 sequence parameters
    Sweep sa = parse(sweepOver(SEVENTEEN, "type: saltelli, points: 4"));
    assertThat(sa.points()).hasNumberOfRows(4 * 19);
    assertThat(parse(sweepOver(SEVENTEEN, "type: saltelli, points: 4, secondOrder: true"))
        .points()).hasNumberOfRows(4 * 36);
  }

  @Test
  void aSweepOverMoreParametersThanTheLimitIsRefusedBeforeItsDesignIsMade() {
    List<String> paths = new java.util.ArrayList<>();
    for (int i = 0; i <= Sweep.MAX_PARAMETERS; i++) {
      paths.add("model.p" + i);
    }
    assertThatThrownBy(() -> parse(sweepOver(paths, "type: saltelli, points: 4")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("s.yaml:3:")
        .hasMessageContaining("parameters")
        .hasMessageContaining("more than " + Sweep.MAX_PARAMETERS);
    assertThat(spiral.explore.SaltelliDesign.MAX_PARAMETERS)
        .isGreaterThanOrEqualTo(Sweep.MAX_PARAMETERS);
    assertThat(spiral.explore.SobolSequence.MAX_DIMENSION)
        .isGreaterThanOrEqualTo(Sweep.MAX_PARAMETERS);
  }
}
