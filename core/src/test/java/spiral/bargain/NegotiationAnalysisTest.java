package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.scenario.Problem;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.sim.Progress;

/** The negotiation analysis on negotiations whose answers are known. */
class NegotiationAnalysisTest {
  private static final NegotiationAnalysis ONE = new NegotiationAnalysis(Runnable::run, 1);

  @TempDir Path tmp;

  static Scenario resource(String name) throws Exception {
    try (InputStream in = NegotiationAnalysisTest.class.getResourceAsStream("/negotiation/" + name)) {
      return ScenarioLoader.parse(name, in.readAllBytes());
    }
  }

  /**
   * One divisible issue, linear opposed values: the frontier is u1 + u2 = 1 and with reservations
   * (0.2, 0.1) the Nash, Kalai-Smorodinsky and egalitarian agreements are all (0.55, 0.45).
   */
  @Test
  void linearSplitSolutionsMatchTheClosedForms() throws Exception {
    NegotiationReport r = ONE.analyse(resource("linear.yaml"), 0, 6, Progress.NONE);
    for (NegotiationReport.Agreement a : List.of(r.nash(), r.kalaiSmorodinsky(), r.egalitarian())) {
      assertThat(a.utilities().get("a")).isCloseTo(0.55, offset(1e-9));
      assertThat(a.utilities().get("b")).isCloseTo(0.45, offset(1e-9));
      assertThat(a.levels().get("share")).isEqualTo("0.55");
    }
    assertThat(r.space().points()).isEqualTo(101);
    assertThat(r.space().zoneExists()).isTrue();
    // shares 0.20 .. 0.90 give both at least their reservation values
    assertThat(r.space().zonePoints()).isEqualTo(71);
    assertThat(r.space().paretoPoints()).isEqualTo(101);
    NegotiationReport.ProposalResult even = r.proposals().get(0);
    NegotiationReport.ProposalResult greedy = r.proposals().get(1);
    assertThat(even.acceptedByAll()).isTrue();
    assertThat(greedy.accepts().get("a")).isTrue();
    assertThat(greedy.accepts().get("b")).isFalse();
    assertThat(r.rubinstein().proposerShare()).isCloseTo(0.5263, offset(5e-5));
    assertThat(r.rubinstein().level()).isEqualTo("0.53");
    NegotiationReport.FearonRange f = r.fearon();
    assertThat(f.p()).isCloseTo(0.6, offset(1e-12));
    assertThat(f.range()[0]).isCloseTo(0.50, offset(1e-9));
    assertThat(f.range()[1]).isCloseTo(0.75, offset(1e-9));
    assertThat(f.levelsInRange()).first().isEqualTo("0.51");
    assertThat(f.levelsInRange()).last().isEqualTo("0.74");
  }

  /** War weariness lowers A's reservation value month by month: the zone widens. */
  @Test
  void windowFollowsTheReservationValues() throws Exception {
    NegotiationReport r = ONE.analyse(resource("linear.yaml"), 2, 6, Progress.NONE);
    assertThat(r.window()).hasSize(6);
    assertThat(r.window().get(0).label()).isEqualTo("2022-03");
    assertThat(r.window().get(5).label()).isEqualTo("2022-08");
    for (int t = 0; t < 6; t++) {
      assertThat(r.window().get(t).reservations().get("a")).isCloseTo(Math.max(0, 0.2 - 0.05 * t), offset(1e-9));
      if (t > 0) {
        assertThat(r.window().get(t).zoneShare()).isGreaterThanOrEqualTo(r.window().get(t - 1).zoneShare());
      }
      // the best deal for each party is its end of the zone
      assertThat(r.window().get(t).bestFor().get("b").utilities().get("a"))
          .isCloseTo(Math.max(0, 0.2 - 0.05 * t), offset(0.0100001));
    }
    assertThat(r.openMonths()).containsExactly(List.of("2022-03", "2022-08"));
    assertThat(r.parties().get(0).reservation()).isCloseTo(0.1, offset(1e-9));
  }

  /**
   * Rubinstein's split uses the parties' value functions, not the units: a cube-root
   * proposer (concave, exponent 1/3, δ 0.8) against a linear responder (δ 0.95) settles at x =
   * 0.05 / (1 - 0.95 * 0.512) = 0.0974, where the linear formula put it at 0.2083.
   */
  @Test
  void rubinsteinSplitFollowsTheValueFunctions() throws Exception {
    String text = """
        id: cube-root
        negotiation:
          start: 2022-03
          issues:
            - {id: share, kind: numeric, min: 0, max: 1, step: 0.01}
          parties:
            - {id: a, weights: {share: 1}, values: {share: {type: concave, exponent: 0.3333333333333333}}, reservation: 0, discount: 0.8}
            - {id: b, weights: {share: 1}, values: {share: {type: linear, increasing: false}}, reservation: 0, discount: 0.95}
          rubinstein: {issue: share, proposer: a, responder: b}
        """;
    Scenario sc = ScenarioLoader.parse("cube-root.yaml", text.getBytes(StandardCharsets.UTF_8));
    NegotiationReport.RubinsteinSplit rb = ONE.analyse(sc, 0, 1, Progress.NONE).rubinstein();
    double x = 0.05 / (1 - 0.95 * 0.512);
    assertThat(rb.value()).isCloseTo(x, offset(1e-6));
    assertThat(rb.level()).isEqualTo("0.1");
    assertThat(rb.proposerShare()).isCloseTo(Math.cbrt(x), offset(1e-6));
    assertThat(rb.responderValue()).isCloseTo(1 - x, offset(1e-6));
  }

  @Test
  void positionsAndTheGapBetweenTheParties() throws Exception {
    PositionsReport p = NegotiationAnalysis.positions(resource("linear.yaml"));
    assertThat(p.between()).containsExactly("a", "b");
    assertThat(p.positions()).hasSize(4);
    assertThat(p.positions().get(3).levels()).isEmpty();
    assertThat(p.gaps()).hasSize(2);
    assertThat(p.gaps().get(0).gap()).isCloseTo(0.67, offset(1e-9));
    assertThat(p.gaps().get(1).gap()).isCloseTo(0.33, offset(1e-9));
    assertThat(p.positions().get(0).utilities().get("a")).isCloseTo(1.0, offset(1e-12));
  }

  /**
   * A reservation value from the escalation engine: when fighting on is more dangerous, the value
   * of fighting on falls and the zone of agreement widens.
   */
  @Test
  void moreDangerousFightingWidensTheZone() throws Exception {
    String d;
    try (InputStream in = getClass().getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml")) {
      d = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path calm = tmp.resolve("calm.yaml");
    Path dangerous = tmp.resolve("dangerous.yaml");
    Files.writeString(calm, d);
    // both leaderships care far less about risk, and accidents near the top are likelier
    Files.writeString(dangerous, d.replaceAll("risk: [0-9.]+", "risk: 0.05")
        .replace("ladder: nato-russia-2022", "ladder: nato-russia-2022\nmodel: {delta: 4}"));
    double calmShare = zoneShare(calm);
    double dangerousShare = zoneShare(dangerous);
    assertThat(dangerousShare).isGreaterThan(calmShare);
  }

  private double zoneShare(Path escalation) throws Exception {
    String text = """
        id: linked
        negotiation:
          start: 2022-10
          issues:
            - {id: share, kind: numeric, min: 0, max: 1, step: 0.01}
          parties:
            - {id: a, weights: {share: 1}, reservation: 0.3}
            - id: b
              weights: {share: 1}
              values: {share: {type: linear, increasing: false}}
              reservation:
                fromSimulation:
                  scenario: "%s"
                  values: {CONTAINED: 0.7, SETTLEMENT: 0.6, PROTRACTED: 0.5, NUCLEAR_USE: 0.0}
                  runs: 4000
        """.formatted(escalation.toString().replace('\\', '/'));
    Scenario sc = ScenarioLoader.parse("linked.yaml", text.getBytes(StandardCharsets.UTF_8));
    NegotiationReport r = ONE.analyse(sc, 0, 1, Progress.NONE);
    assertThat(r.parties().get(1).simulated()).containsKeys("CONTAINED", "NUCLEAR_USE");
    return r.space().zoneShare();
  }

  @Test
  void badNegotiationsGetLocatedProblems() {
    assertProblem("""
        id: bad
        negotiation:
          start: 2022-03
          issues: [{id: x, kind: ordinal, levels: [lo, hi]}]
          parties:
            - {id: a, weights: {x: 0.7}}
            - {id: b, weights: {x: 1}}
        """, "bad.yaml:6:15: negotiation.parties[0].weights: the weights sum to 0.7, not 1");
    assertProblem("""
        id: bad
        negotiation:
          start: 2022-03
          issues: [{id: x, kind: ordinal, levels: [lo, hi]}]
          parties:
            - {id: a, weights: {x: 1}}
            - {id: b, weights: {x: 1}}
          proposals:
            - {id: p, levels: {x: middle}}
        """, "bad.yaml:9:24: negotiation.proposals[0].levels.x: unknown level \"middle\" of issue 'x' (levels: lo, hi)");
    assertProblem("""
        id: bad
        negotiation:
          start: 2022-03
          issues: [{id: x, kind: boolean}]
          parties:
            - {id: a, weights: {x: 1}}
            - {id: b, weights: {x: 1}}
          positions:
            - {date: 2022-02-30, actor: a, statement: s}
        """, "bad.yaml:9:8: negotiation.positions[0].date: \"2022-02-30\" is not a real date (expected YYYY-MM-DD or YYYY-MM)");
    assertProblem("""
        id: bad
        negotiation:
          start: 2022-13
          issues: [{id: x, kind: boolean}]
          parties:
            - {id: a, weights: {x: 1}}
            - {id: b, weights: {x: 1}}
        """, "bad.yaml:3:3: negotiation.start: \"2022-13\" is not a real month (expected YYYY-MM)");
  }

  private static void assertProblem(String yaml, String expected) {
    assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ScenarioException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).contains(expected));
  }
}
