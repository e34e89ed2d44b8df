package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Kinetic;
import spiral.scenario.ModelConstants;
import spiral.scenario.Option;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Fixture;

/** The scenario → game compiler: shape, payoffs by hand, equilibria with known answers. */
class ExchangeGameTest {
  static final double HALF_UNIT = 5e-7; // rounding to 6 decimals

  static Option option(String id, String actor, Kinetic k, double cost) {
    return new Option(id, actor, id, -1, k, 1, "none", List.of(), cost, 1);
  }

  static List<Node> terminals(Node n, List<Node> out) {
    if (n.isTerminal()) {
      out.add(n);
    }
    for (Node c : n.children()) {
      terminals(c, out);
    }
    return out;
  }

  @Test
  void shapeIsOptionsTimesChanceTimesReplies() {
    ExchangeGame eg = ExchangeGame.compile(new Fixture().scenario(), 6);
    ExtensiveGame g = eg.game();
    assertThat(g.players()).containsExactly("United States", "Russia");
    assertThat(eg.responses()).extracting(ExchangeGame.Response::id)
        .containsExactly("us-none", "us-less", "us-prop", "us-more");
    assertThat(eg.replies())
        .containsExactly("ru-less", "ru-prop", "ru-more", "ru-nuclear-demo", "hold", "deescalate");
    assertThat(g.infosets(1)).hasSize(1);
    assertThat(g.infosets(1).get(0).actions()).hasSize(4);
    assertThat(g.infosets(2)).hasSize(4 * 2);
    assertThat(g.infosets(0)).hasSize(4);
    assertThat(terminals(g.root(), new ArrayList<>())).hasSize(4 * 2 * 6);
    assertThat(g.hasPerfectRecall()).isTrue();
    for (Infoset chance : g.infosets(0)) {
      assertThat(chance.actions()).containsExactly(ExchangeGame.AS_CHOSEN, ExchangeGame.STEP_UP);
      assertThat(chance.probabilities().get(0).add(chance.probabilities().get(1)))
          .isEqualTo(Rational.ONE);
      assertThat(chance.probabilities().get(1)).isEqualTo(Rational.of(1, 50));
    }
    assertThat(g.comment()).contains("rounded to 6 decimals");
  }

  @Test
  void responderPayoffsByHand() {
    Fixture f = new Fixture();
    f.responderBias = 0; // perceives the attack at rung 8
    Scenario sc = f.scenario();
    ExchangeGame eg = ExchangeGame.compile(sc, 6);
    // weights: civilian {1, .2, .05, .02} x .6 + military {.5, .8, .05, .02} x .4
    double wc = 0.8;
    double wr = 0.44;
    double wk = 0.05;
    double wg = 0.02;
    double s = 0.9; // an ally's base: collective defence x commitment credibility 0.9
    double h8 = 1 / (1 + Math.exp(3)); // continuation hazard at rung 8, nuclear at 13
    double h9 = 1 / (1 + Math.exp(2));
    ExchangeGame.Response prop = eg.responses().get(2);
    assertThat(prop.rung()).isEqualTo(8);
    ExchangeGame.Branch chosen = prop.branches().get(0);
    ExchangeGame.Branch up = prop.branches().get(1);
    assertThat(chosen.probability()).isEqualTo(Rational.of(49, 50));
    assertThat(chosen.executedRung()).isEqualTo(8);
    assertThat(chosen.perceivedRung()).isEqualTo(8); // threat bias 0.3 rounds away
    assertThat(up.executedRung()).isEqualTo(9);
    // ru-prop answers a perceived 8 at 8: credibility 0, punishment ln(1 + d(8)), damage d(8) = 8
    ExchangeGame.Reply r = chosen.replies().get(1);
    assertThat(r.rung()).isEqualTo(8);
    double expected = wc * 0 + wg * Math.log(9) - wk * 8 - wr * h8;
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    r = up.replies().get(1);
    assertThat(r.rung()).isEqualTo(9);
    expected = wg * Math.log(9) - wk * 6 - wr * h9;
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // the nuclear demonstration: risk 1, damage d(13) = 60
    r = chosen.replies().get(3);
    assertThat(r.rung()).isEqualTo(13);
    expected = wg * Math.log(9) - wk * 60 - wr;
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // hold: rung 0, no damage, the continuation hazard of rung 0
    r = chosen.replies().get(4);
    expected = wg * Math.log(9) - wr / (1 + Math.exp(11));
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // us-more: rung 9, credibility s tanh(1/2), punishment ln(1 + d(9))
    ExchangeGame.Response more = eg.responses().get(3);
    assertThat(more.rung()).isEqualTo(9);
    r = more.branches().get(0).replies().get(4);
    expected = wc * s * Math.tanh(0.5) + wg * Math.log(7) - wr / (1 + Math.exp(11));
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // the responder's credibility after the executed response, MODEL.md §4
    double eta = ModelConstants.DEFAULTS.credibilityRate();
    assertThat(chosen.responderCredibility()).isEqualTo(0.5);
    assertThat(up.responderCredibility()).isCloseTo(0.5 + eta * s * Math.tanh(0.5), within(1e-12));
    // the initiator's payoff is the engine's utility of its reply at the rung it perceives
    CompiledModel m = new CompiledModel(sc);
    double[] w = m.startingWeights(CompiledModel.INITIATOR);
    double[] c = m.utilityComponents(CompiledModel.INITIATOR, 9, 1, up.responderCredibility());
    assertThat(up.replies().get(1).initiatorPayoff().doubleValue())
        .isCloseTo(w[0] * c[0] - w[1] * c[1] - w[2] * c[2] + w[3] * c[3], within(HALF_UNIT));
  }

  @Test
  void credibilityOnlyResponderPlaysTheStrongestResponse() {
    Fixture f = new Fixture();
    f.responderBias = 0;
    f.responderCivilian = new double[] {1, 0, 0, 0};
    f.responderMilitary = new double[] {1, 0, 0, 0};
    ExchangeGame eg = ExchangeGame.compile(f.scenario(), 6);
    ExchangeGame.Reading r = eg.read();
    assertThat(r.equilibriumResponse()).isEqualTo("us-more");
    assertThat(r.rows()).filteredOn(ExchangeGame.Row::credible).extracting(ExchangeGame.Row::response)
        .containsExactly("us-more");
    // the gap of the proportional response: what it forgoes in credibility, 0.9 tanh(1/2)
    ExchangeGame.Row prop = r.rows().get(2);
    assertThat(prop.gap().doubleValue()).isCloseTo(0.9 * Math.tanh(0.5), within(2 * HALF_UNIT));
    assertThat(EquilibriumChecker.isNash(eg.game(), r.equilibrium().profile())).isTrue();
  }

  @Test
  void aCostlyThreatIsNotCredibleAgainstAnAttackerWhoHolds() {
    Fixture f = new Fixture();
    f.responderCivilian = new double[] {0, 0, 1, 0};
    f.responderMilitary = new double[] {0, 0, 1, 0};
    f.initiatorCivilian = new double[] {0, 0, 1, 0};
    f.initiatorMilitary = new double[] {0, 0, 1, 0};
    f.options =
        List.of(
            option("ru-more", "ru", Kinetic.MORE, 1),
            option("us-none", "us", Kinetic.NONE, 0),
            option("us-more", "us", Kinetic.MORE, 1));
    ExchangeGame.Reading r = ExchangeGame.compile(f.scenario(), 6).read();
    // a cost-only initiator holds after every response, so the responder pays only its own cost
    for (ExchangeGame.Row row : r.rows()) {
      assertThat(row.replies()).containsOnly("hold");
      assertThat(row.furtherAttackProbability()).isEqualTo(Rational.ZERO);
      assertThat(row.deters()).isTrue();
    }
    assertThat(r.equilibriumResponse()).isEqualTo("us-none");
    assertThat(r.rows().get(0).responderPayoff()).isEqualTo(Rational.ZERO);
    assertThat(r.rows().get(1).responderPayoff()).isEqualTo(Rational.of(-1));
    assertThat(r.rows().get(1).credible()).isFalse();
    assertThat(r.rows().get(1).gap()).isEqualTo(Rational.ONE);
    assertThat(r.credibleDeterrents()).containsExactly("us-none");
    assertThat(r.incredibleDeterrents()).containsExactly("us-more");
  }

  @Test
  void anAttackerWhoAlwaysEscalatesIsDeterredByNothing() {
    Fixture f = new Fixture();
    f.initiatorCivilian = new double[] {1, 0, 0, 0};
    f.initiatorMilitary = new double[] {1, 0, 0, 0};
    ExchangeGame.Reading r = ExchangeGame.compile(f.scenario(), 6).read();
    // it answers any perceived act with its highest rung; only after no kinetic response (rung 0)
    // is there nothing to answer, unless the response slips a rung up (probability 1/50)
    for (ExchangeGame.Row row : r.rows()) {
      assertThat(row.furtherAttackProbability())
          .isEqualTo(row.rung() == 0 ? Rational.of(1, 50) : Rational.ONE);
      assertThat(row.deters()).isFalse();
    }
    assertThat(r.credibleDeterrents()).isEmpty();
    assertThat(r.incredibleDeterrents()).isEmpty();
  }

  @Test
  void roundTripsThroughGambitText() throws Exception {
    ExtensiveGame g = ExchangeGame.compile(new Fixture().scenario(), 4).game();
    Game back = GameReader.parse(GameWriter.efg(g));
    assertThat(back).isEqualTo(g);
    assertThat(new SubgamePerfect().solve((ExtensiveGame) back)).isEqualTo(new SubgamePerfect().solve(g));
  }

  @Test
  void decimalsAreChecked() {
    Scenario sc = new Fixture().scenario();
    assertThatThrownBy(() -> ExchangeGame.compile(sc, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 15, was -1");
    assertThatThrownBy(() -> ExchangeGame.compile(sc, 16))
        .isInstanceOf(IllegalArgumentException.class);
    ExchangeGame coarse = ExchangeGame.compile(sc, 0);
    assertThat(coarse.game().infosets(0).get(0).probabilities()).containsExactly(Rational.ONE, Rational.ZERO);
  }

  @Test
  void everyBuiltinEscalationScenarioCompilesAndSolvesQuickly() throws Exception {
    int compiled = 0;
    for (String name : BuiltinScenarios.names()) {
      Scenario sc = ScenarioLoader.resolve(name);
      if (!sc.hasEscalation()) {
        assertThatThrownBy(() -> ExchangeGame.compile(sc, 6))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no escalation model");
        continue;
      }
      long t0 = System.nanoTime();
      ExchangeGame eg = ExchangeGame.compile(sc, 6);
      ExchangeGame.Reading r = eg.read();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).as(name).isLessThan(5);
      int n = eg.responses().size();
      assertThat(terminals(eg.game().root(), new ArrayList<>()))
          .hasSize(n * 2 * eg.replies().size());
      assertThat(GameReader.parse(GameWriter.efg(eg.game()))).isEqualTo(eg.game());
      assertThat(EquilibriumChecker.isNash(eg.game(), r.equilibrium().profile())).as(name).isTrue();
      ExchangeGame.Row chosen =
          r.rows().stream().filter(ExchangeGame.Row::equilibrium).findFirst().orElseThrow();
      assertThat(chosen.response()).isEqualTo(r.equilibriumResponse());
      assertThat(chosen.credible()).isTrue();
      assertThat(chosen.responderPayoff()).isEqualTo(r.equilibrium().payoffs().get(0));
      assertThat(chosen.initiatorPayoff()).isEqualTo(r.equilibrium().payoffs().get(1));
      assertThat(r.rows()).allSatisfy(row -> assertThat(row.gap().signum()).isNotNegative());
      compiled++;
    }
    assertThat(compiled).isGreaterThanOrEqualTo(4);
  }
}
