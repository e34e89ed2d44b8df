package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import spiral.game.ExtensiveGame.Infoset;
import spiral.sim.Fixture;

/** Invariants of the compiled exchange over random weights, risks, biases and roundings. */
class ExchangeGamePropertiesTest {
  @Property(tries = 60)
  void chanceSumsToOneAndTheReadingIsASubgamePerfectEquilibrium(
      @ForAll @IntRange(min = 0, max = 15) int decimals,
      @ForAll @DoubleRange(min = 0, max = 0.5) double inadvertent,
      @ForAll @DoubleRange(min = 0, max = 2) double riskScale,
      @ForAll @DoubleRange(min = -1, max = 1) double initiatorBias,
      @ForAll @DoubleRange(min = 0, max = 1) double responderCredibilityWeight,
      @ForAll @IntRange(min = 5, max = 12) int initiatingRung) {
    Fixture f = new Fixture();
    f.inadvertent = inadvertent;
    f.riskScale = riskScale;
    f.initiatorBias = initiatorBias;
    f.initiatingRung = initiatingRung;
    f.responderCivilian = new double[] {responderCredibilityWeight, 0.2, 0.05, 0.02};
    ExchangeGame eg = ExchangeGame.compile(f.scenario(), decimals);
    ExtensiveGame g = eg.game();
    for (Infoset chance : g.infosets(0)) {
      Rational up = chance.probabilities().get(1);
      assertThat(up.signum()).isNotNegative();
      assertThat(chance.probabilities().get(0).add(up)).isEqualTo(Rational.ONE);
    }
    ExchangeGame.Reading r = eg.read();
    assertThat(EquilibriumChecker.isNash(g, r.equilibrium().profile())).isTrue();
    Rational best = null;
    for (ExchangeGame.Row row : r.rows()) {
      best = best == null ? row.responderPayoff() : best.max(row.responderPayoff());
      assertThat(row.gap().signum()).isNotNegative();
      assertThat(row.credible()).isEqualTo(row.gap().isZero());
      assertThat(row.deters()).isEqualTo(row.furtherAttackProbability().isZero());
    }
    for (ExchangeGame.Row row : r.rows()) {
      assertThat(row.gap()).isEqualTo(best.subtract(row.responderPayoff()));
      if (row.equilibrium()) {
        assertThat(row.credible()).isTrue();
        assertThat(row.responderPayoff()).isEqualTo(r.equilibrium().payoffs().get(0));
      }
    }
  }
}
