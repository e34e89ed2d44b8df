package spiral.game.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import spiral.game.EnumMixed;
import spiral.game.Equilibrium;
import spiral.game.EquilibriumChecker;
import spiral.game.Rational;

/** The closed-form models against the oracles of DOMAIN.md §3. */
class ModelsTest {
  static Rational r(String s) {
    return Rational.parse(s);
  }

  static Set<String> lines(List<Equilibrium> eqs) {
    return eqs.stream().map(Equilibrium::gambitLine).collect(Collectors.toSet());
  }

  @Test
  void chickenOracle() {
    Chicken c = Chicken.standard();
    assertThat(c.straightProbability()).isEqualTo(r("0.1"));
    assertThat(c.crashProbability()).isEqualTo(r("0.01"));
    assertThat(c.mixedPayoff()).isEqualTo(r("-0.1"));
  }

  @Test
  void chickenSolvedByEnumMixedMatchesTheClosedForm() {
    for (Chicken c :
        List.of(Chicken.standard(), new Chicken(r("3"), r("1/2"), r("7")), new Chicken(r("2"), r("5"), r("6")))) {
      List<Equilibrium> eqs = new EnumMixed().solve(c.game());
      Equilibrium mixed = new Equilibrium(c.mixedProfile(), List.of(c.mixedPayoff(), c.mixedPayoff()));
      assertThat(lines(eqs))
          .containsExactlyInAnyOrder("NE,1,0,0,1", "NE,0,1,1,0", mixed.gambitLine());
      Equilibrium found = eqs.stream().filter(e -> e.profile().equals(c.mixedProfile())).findFirst().orElseThrow();
      assertThat(found.payoffs()).containsExactly(c.mixedPayoff(), c.mixedPayoff());
      assertThat(EquilibriumChecker.isNash(c.game(), c.mixedProfile())).isTrue();
      Rational q = c.straightProbability();
      assertThat(found.profile().get(1).multiply(found.profile().get(3))).isEqualTo(c.crashProbability());
      assertThat(q.multiply(q)).isEqualTo(c.crashProbability());
    }
  }

  @Test
  void chickenRefusesBadParameters() {
    assertThatThrownBy(() -> new Chicken(r("0"), r("1"), r("10")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W (win) must be > 0");
    assertThatThrownBy(() -> new Chicken(r("1"), r("-1"), r("10")))
        .hasMessageContaining("L (loss from swerving) must be > 0");
    assertThatThrownBy(() -> new Chicken(r("1"), r("2"), r("2")))
        .hasMessageContaining("C (crash) must exceed L");
    assertThatThrownBy(() -> new Chicken(r("1"), r("2"), null)).hasMessageContaining("C (crash) is missing");
  }

  @Test
  void stagHuntOracle() {
    StagHunt s = StagHunt.standard();
    assertThat(s.threshold()).isEqualTo(r("2/3"));
    assertThat(s.cooperates(r("2/3"))).isTrue();
    assertThat(s.cooperates(r("0.66"))).isFalse();
    assertThat(s.cooperates(Rational.ONE)).isTrue();
    assertThat(s.mixedPayoff()).isEqualTo(r("8/3"));
    assertThatThrownBy(() -> s.cooperates(r("1.1"))).hasMessageContaining("belief must be in [0, 1]");
  }

  @Test
  void stagHuntSolvedByEnumMixedMatchesTheClosedForm() {
    for (StagHunt s :
        List.of(StagHunt.standard(), new StagHunt(r("10"), r("7"), r("3"), r("-5/2")))) {
      List<Equilibrium> eqs = new EnumMixed().solve(s.game());
      Rational p = s.threshold();
      Rational q = Rational.ONE.subtract(p);
      assertThat(lines(eqs))
          .containsExactlyInAnyOrder(
              "NE,1,0,1,0", "NE,0,1,0,1", "NE," + p + "," + q + "," + p + "," + q);
      Equilibrium found = eqs.stream().filter(e -> e.profile().equals(s.mixedProfile())).findFirst().orElseThrow();
      assertThat(found.payoffs()).containsExactly(s.mixedPayoff(), s.mixedPayoff());
      assertThat(EquilibriumChecker.isNash(s.game(), s.mixedProfile())).isTrue();
    }
    assertThat(lines(new EnumMixed().solve(StagHunt.standard().game()))).contains("NE,2/3,1/3,2/3,1/3");
  }

  @Test
  void stagHuntRefusesBadOrdering() {
    assertThatThrownBy(() -> new StagHunt(r("3"), r("4"), r("2"), r("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Stag Hunt needs R > T > P > S, got R = 3, T = 4, P = 2, S = 0");
    assertThatThrownBy(() -> new StagHunt(r("4"), r("3"), r("0"), r("0")))
        .hasMessageContaining("R > T > P > S");
  }

  @Test
  void brinkmanshipOracle() {
    Brinkmanship b = Brinkmanship.standard();
    assertThat(b.effectiveness()).isCloseTo(0.0909, within(5e-5));
    assertThat(b.effectiveness()).isCloseTo(1.0 / 11, within(1e-15));
    assertThat(b.acceptability()).isCloseTo(0.3889, within(5e-5));
    assertThat(b.acceptability()).isCloseTo(7.0 / 18, within(1e-15));
    assertThat(b.feasible()).isTrue();
    assertThat(b.works(0.2)).isTrue();
    assertThat(b.works(0.05)).isFalse();
    assertThat(b.works(0.5)).isFalse();
    assertThat(new Brinkmanship(1, 10, 1, 2, 20, 0.9).feasible()).isFalse();
    Brinkmanship.Side first = new Brinkmanship.Side(1, 0.4, -4);
    Brinkmanship.Side second = new Brinkmanship.Side(1, 0.2, -9);
    assertThat(first.criticalRisk()).isCloseTo(0.12, within(1e-12));
    assertThat(second.criticalRisk()).isCloseTo(0.08, within(1e-12));
    assertThat(Brinkmanship.zeuthen(first, second)).isEqualTo(Brinkmanship.Concession.SECOND);
    assertThat(Brinkmanship.zeuthen(second, first)).isEqualTo(Brinkmanship.Concession.FIRST);
    assertThat(Brinkmanship.zeuthen(first, first)).isEqualTo(Brinkmanship.Concession.BOTH);
  }

  @Test
  void brinkmanshipRefusesBadParameters() {
    assertThatThrownBy(() -> new Brinkmanship(0, 10, 1, 2, 20, 0.3)).hasMessageContaining("G (adversary's gain from defying) must be > 0");
    assertThatThrownBy(() -> new Brinkmanship(1, 10, 1, 2, 2, 0.3)).hasMessageContaining("W_D (loss in the disaster) must exceed L");
    assertThatThrownBy(() -> new Brinkmanship(1, 10, 1, 2, 20, 0)).hasMessageContaining("h (share of hard adversaries) must be in (0, 1]");
    assertThatThrownBy(() -> new Brinkmanship(1, 10, 1, 2, 20, 1.5)).hasMessageContaining("must be in (0, 1]");
    assertThatThrownBy(() -> new Brinkmanship(1, Double.NaN, 1, 2, 20, 0.3)).hasMessageContaining("W_C");
    assertThatThrownBy(() -> new Brinkmanship.Side(1, -5, -4)).hasMessageContaining("disaster < submit <= prevail");
    assertThatThrownBy(() -> new Brinkmanship.Side(1, 2, -4)).hasMessageContaining("disaster < submit <= prevail");
    assertThatThrownBy(() -> Brinkmanship.standard().works(1.5)).hasMessageContaining("[0, 1]");
  }

  @Test
  void warOfAttritionOracle() {
    WarOfAttrition w = WarOfAttrition.standard();
    assertThat(w.hazard()).isCloseTo(0.1, within(1e-15));
    assertThat(w.expectedDuration()).isCloseTo(5, within(1e-15));
    assertThat(w.expectedTotalCost()).isCloseTo(10, within(1e-15));
    assertThat(w.endRate()).isCloseTo(0.2, within(1e-15));
    assertThat(w.survival(5)).isCloseTo(Math.exp(-1), within(1e-15));
    assertThatThrownBy(() -> new WarOfAttrition(0, 1)).hasMessageContaining("V (prize) must be > 0");
    assertThatThrownBy(() -> new WarOfAttrition(10, -1)).hasMessageContaining("c (cost per unit of time) must be > 0");
    assertThatThrownBy(() -> w.survival(-1)).hasMessageContaining(">= 0");
  }

  @Test
  void warOfAttritionDurationBySimulation() {
    // the first of two exponential quitting times with hazard c/V each
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    WarOfAttrition w = new WarOfAttrition(10, 1);
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double t1 = -Math.log(1 - rnd.nextDouble()) / w.hazard();
      double t2 = -Math.log(1 - rnd.nextDouble()) / w.hazard();
      sum += Math.min(t1, t2);
    }
    assertThat(sum / n).isCloseTo(w.expectedDuration(), within(0.05));
  }

  @Test
  void richardsonStableOracle() {
    Richardson r = Richardson.standard();
    assertThat(r.stable()).isTrue();
    assertThat(r.equilibrium().x()).isCloseTo(1, within(1e-12));
    assertThat(r.equilibrium().y()).isCloseTo(1, within(1e-12));
    double[] ev = r.eigenvalues();
    assertThat(ev[0]).isCloseTo(-1.382, within(5e-4));
    assertThat(ev[1]).isCloseTo(-3.618, within(5e-4));
    List<Richardson.State> path = r.trajectory(0, 0, 0.01, 2000);
    assertThat(path).hasSize(2001);
    Richardson.State end = path.get(2000);
    assertThat(end.t()).isCloseTo(20, within(1e-9));
    assertThat(end.x()).isCloseTo(1, within(1e-9));
    assertThat(end.y()).isCloseTo(1, within(1e-9));
  }

  @Test
  void richardsonRunaway() {
    Richardson r = new Richardson(1, 1, 2, 2, 1, 1);
    assertThat(r.stable()).isFalse();
    double[] ev = r.eigenvalues();
    assertThat(ev[0]).isCloseTo(1, within(1e-12));
    assertThat(ev[1]).isCloseTo(-3, within(1e-12));
    assertThat(r.equilibrium().x()).isCloseTo(-1, within(1e-12));
    // from (0, 0) the deviation (1, 1) from (-1, -1) lies on the unstable eigenvector: x = e^t - 1
    List<Richardson.State> path = r.trajectory(0, 0, 0.01, 1000);
    Richardson.State end = path.get(path.size() - 1);
    assertThat(end.x()).isCloseTo(Math.exp(10) - 1, within(1e-6 * Math.exp(10)));
    assertThat(end.y()).isCloseTo(end.x(), within(1e-9));
    for (int i = 1; i < path.size(); i++) {
      assertThat(path.get(i).x()).isGreaterThan(path.get(i - 1).x());
    }
    // any start off the stable manifold diverges
    Richardson.State off = r.trajectory(0.5, -0.2, 0.01, 2000).get(2000);
    assertThat(Math.abs(off.x()) + Math.abs(off.y())).isGreaterThan(1e6);
  }

  @Test
  void richardsonRk4IsFourthOrder() {
    Richardson r = Richardson.standard();
    // exact solution along the slow eigenvector is awkward; compare halving errors instead
    double fine = r.trajectory(5, -3, 0.001, 4000).get(4000).x();
    double e1 = Math.abs(r.trajectory(5, -3, 0.1, 40).get(40).x() - fine);
    double e2 = Math.abs(r.trajectory(5, -3, 0.05, 80).get(80).x() - fine);
    assertThat(e1 / e2).isBetween(12.0, 20.0);
  }

  @Test
  void richardsonRefusesBadParameters() {
    assertThatThrownBy(() -> new Richardson(0, 1, 1, 1, 0, 0)).hasMessageContaining("a (fatigue of x) must be > 0");
    assertThatThrownBy(() -> new Richardson(1, 1, -1, 1, 0, 0)).hasMessageContaining("k (reaction of x to y) must be >= 0");
    assertThatThrownBy(() -> new Richardson(1, 1, 1, 1, Double.POSITIVE_INFINITY, 0)).hasMessageContaining("g (grievance of x) must be a finite number");
    Richardson neutral = new Richardson(1, 1, 1, 1, 0, 0);
    assertThat(neutral.hasEquilibrium()).isFalse();
    assertThatThrownBy(neutral::equilibrium).isInstanceOf(IllegalStateException.class).hasMessageContaining("ab = kl");
    assertThatThrownBy(() -> neutral.trajectory(0, 0, 0, 10)).hasMessageContaining("dt (time step) must be > 0");
    assertThatThrownBy(() -> neutral.trajectory(0, 0, 0.1, 0)).hasMessageContaining("steps must be in [1, ");
  }
}
