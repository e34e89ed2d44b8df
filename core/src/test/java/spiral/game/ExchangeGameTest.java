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
    CompiledModel m = new CompiledModel(sc);
    ModelConstants k = ModelConstants.DEFAULTS;
    // weights: civilian {1, .2, .05, .02} x .6 + military {.5, .8, .05, .02} x .4
    double wc = 0.8;
    double wr = 0.44;
    double wk = 0.05;
    double wg = 0.02;
    // the attack struck an ally's base: stake = collective defence x commitment credibility 0.9
    // x cohesion 0.8; pressure = 0.25 per rung of the attack above the baseline
    double stake = 0.9 * 0.8;
    double pi = k.pressureRate() * 8;
    double d0 = 8; // the opening attack's damage: the crisis's scale
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
    // ru-prop answers a perceived 8 at 8: no shortfall, gain ln(1 + d(8)/d0), damage d(8) = 8;
    // the risk exceeds the allies' tolerance 0.05, which costs cohesion the responder values
    ExchangeGame.Reply r = chosen.replies().get(1);
    assertThat(r.rung()).isEqualTo(8);
    double expected =
        wg * Math.log(2) - wk / (1 + pi) * 8 / d0 - wr * h8
            - wc * k.cohesionValue() * k.cohesionRiskRate() * Math.max(0, h8 - 0.05);
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    r = up.replies().get(1);
    assertThat(r.rung()).isEqualTo(9);
    expected =
        wg * Math.log(2) - wk / (1 + pi) * 6 / d0 - wr * h9
            - wc * k.cohesionValue() * k.cohesionRiskRate() * Math.max(0, h9 - 0.05);
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // the nuclear demonstration: risk 1, damage d(13) = 60
    r = chosen.replies().get(3);
    assertThat(r.rung()).isEqualTo(13);
    expected =
        wg * Math.log(2) - wk / (1 + pi) * 60 / d0 - wr
            - wc * k.cohesionValue() * k.cohesionRiskRate() * (1 - 0.05);
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // no kinetic response: the whole shortfall tanh(8/2), weighed by stake and pressure
    ExchangeGame.Response none = eg.responses().get(0);
    r = none.branches().get(0).replies().get(4);
    expected = -wc * (stake + pi) * Math.tanh(4) - wr / (1 + Math.exp(11));
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // over-answering earns no credibility: us-more's shortfall is 0 like us-prop's
    ExchangeGame.Response more = eg.responses().get(3);
    assertThat(more.rung()).isEqualTo(9);
    r = more.branches().get(0).replies().get(4);
    expected = wg * Math.log(1 + 6 / d0) - wr / (1 + Math.exp(11));
    assertThat(r.responderPayoff().doubleValue()).isCloseTo(expected, within(HALF_UNIT));
    // the responder's credibility after the executed response: unchanged by a full answer, lost
    // by an under-answer (MODEL.md §8.2)
    double eta = k.credibilityRate();
    assertThat(chosen.responderCredibility()).isEqualTo(0.5);
    assertThat(up.responderCredibility()).isEqualTo(0.5);
    assertThat(none.branches().get(0).responderCredibility())
        .isCloseTo(0.5 - eta * stake * Math.tanh(4), within(1e-12));
    // the initiator's payoff is the engine's utility of its reply at the rung it perceives
    double[] w = m.startingWeights(CompiledModel.INITIATOR);
    CompiledModel.Situation after =
        new CompiledModel.Situation(0.5 * 0.8, m.pressureFrom(9, 8), 0.8, 0, 0, 0);
    assertThat(up.replies().get(1).initiatorPayoff().doubleValue())
        .isCloseTo(m.utility(CompiledModel.INITIATOR, 9, 1, w, after), within(HALF_UNIT));
  }

  @Test
  void aCredibilityOnlyResponderAnswersInFullAndGainsNothingBeyond() {
    Fixture f = new Fixture();
    f.responderBias = 0;
    f.responderCivilian = new double[] {1, 0, 0, 0};
    f.responderMilitary = new double[] {1, 0, 0, 0};
    ExchangeGame eg = ExchangeGame.compile(f.scenario(), 6);
    ExchangeGame.Reading r = eg.read();
    // over-answering earns no credibility, and its higher risk costs the allies' cohesion (which
    // this responder values through its credibility weight): the full answer is the only
    // credible one
    assertThat(r.equilibriumResponse()).isEqualTo("us-prop");
    assertThat(r.rows()).filteredOn(ExchangeGame.Row::credible).extracting(ExchangeGame.Row::response)
        .containsExactly("us-prop");
    // the gap of the less-than-proportionate response: its shortfall tanh(1/2), weighed by the
    // stake 0.72 and the pressure of the attack, 2
    ExchangeGame.Row less = r.rows().get(1);
    // (the two differ also in the allies' restraint, 1 x 4 x 0.5 x their risk above 0.05; their
    // replies' hazards differ by under 0.005, hence the tolerance 0.01)
    assertThat(less.gap().doubleValue()).isCloseTo((0.72 + 2) * Math.tanh(0.5), within(0.01));
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
    // its cost 1 on the crisis's scale d(8) = 8, borne under the attack's pressure 0.25 x 8
    double cost = 1.0 / 8 / (1 + 2);
    assertThat(r.rows().get(1).responderPayoff().doubleValue()).isCloseTo(-cost, within(HALF_UNIT));
    assertThat(r.rows().get(1).credible()).isFalse();
    assertThat(r.rows().get(1).gap().doubleValue()).isCloseTo(cost, within(HALF_UNIT));
    assertThat(r.credibleDeterrents()).containsExactly("us-none");
    assertThat(r.incredibleDeterrents()).containsExactly("us-more");
  }

  @Test
  void anAttackerThatAnswersEveryHitIsDeterredOnlyByNoHit() {
    Fixture f = new Fixture();
    f.initiatorCivilian = new double[] {1, 0, 0, 0};
    f.initiatorMilitary = new double[] {1, 0, 0, 0};
    ExchangeGame.Reading r = ExchangeGame.compile(f.scenario(), 6).read();
    // it answers any perceived armed act in full; after no kinetic response (rung 0) there is
    // nothing to answer, unless the response slips a rung up, to a rung that is no armed act
    for (ExchangeGame.Row row : r.rows()) {
      if (row.rung() == 0) {
        assertThat(row.furtherAttackProbability()).isEqualTo(Rational.ZERO);
        assertThat(row.deters()).isTrue();
      } else {
        assertThat(row.furtherAttackProbability()).isEqualTo(Rational.ONE);
        assertThat(row.deters()).isFalse();
      }
    }
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
