package spiral.explore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
  void morrisAndSaltelliHaveTheirShapes() {
    Sweep m = parse(GOOD.replace("type: lhs, points: 6", "type: morris, trajectories: 3"));
    assertThat(m.points()).hasNumberOfRows(3 * 3);
    Sweep sa = parse(GOOD.replace("type: lhs, points: 6", "type: saltelli, points: 4"));
    assertThat(sa.points()).hasNumberOfRows(4 * 4);
    assertThatThrownBy(() -> parse(GOOD.replace("type: lhs, points: 6",
        "type: morris, trajectories: 3, levels: 3")))
        .hasMessageContaining("design.levels");
  }
}
