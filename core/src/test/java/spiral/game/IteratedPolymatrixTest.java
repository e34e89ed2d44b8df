package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Iterated polymatrix approximation on small games: two-player games solved exactly at the first
 * iteration, n-player games to an equilibrium (checked exactly: regret 0 where the result is
 * exact, below 1e-6 of the payoff range otherwise), the same seed giving the same lines, and bad
 * perturbations refused. The reference games: {@link IpaReferenceTest}.
 */
class IteratedPolymatrixTest {
  /** Jordan's cyclic matching pennies: the only equilibrium has every player mixing 1/2. */
  static final String CYCLIC =
      """
      NFG 1 R "cyclic pennies" { "1" "2" "3" } { 2 2 2 }

      1 1 0 0 1 1 0 0 0 1 0 1 1 0 1 0 0 0 0 1 1 1 1 0
      """;

  /** A 2x2x2 game with pure and mixed equilibria (payoffs drawn from a few integers). */
  static final String THREE =
      """
      NFG 1 R "three players" { "1" "2" "3" } { 2 2 2 }

      9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 0 0 0 3 4 0
      """;


  static StrategicGame game(String text) throws Exception {
    return LogitQreTest.game(text);
  }

  /** Asserts that the outcome is an equilibrium: exactly, or within the regret bound. */
  static void assertEquilibrium(StrategicGame g, IteratedPolymatrix.Outcome o) {
    assertThat(o).isNotNull();
    List<Rational> profile = o.equilibrium().profile();
    if (o.exact()) {
      assertThat(EquilibriumChecker.isNash(g, profile)).as(o.equilibrium().gambitLine()).isTrue();
    } else {
      Rational range = EquilibriumChecker.payoffRange(g);
      Rational eps = Rational.of(1, 1_000_000).multiply(range.isZero() ? Rational.ONE : range);
      assertThat(EquilibriumChecker.isApproximateNash(g, profile, eps))
          .as(o.equilibrium().gambitLine())
          .isTrue();
      assertThat(o.regret()).isLessThan(IteratedPolymatrix.MAX_REGRET);
    }
    for (int k = 0; k < profile.size(); k++) {
      assertThat(o.profile()[k]).isCloseTo(profile.get(k).doubleValue(),
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  static List<IteratedPolymatrix.Outcome> solve(StrategicGame g, int count, long seed) {
    IteratedPolymatrix m = new IteratedPolymatrix(g);
    List<IteratedPolymatrix.Outcome> out = new ArrayList<>();
    for (double[] p : m.randomPerturbations(count, seed)) {
      out.add(m.solve(p, null));
    }
    return out;
  }

  @Test
  void twoPlayerGamesAreSolvedExactlyAtTheFirstIteration() throws Exception {
    for (String name : List.of("battle.nfg", "matching.nfg", "prisoners.nfg", "degenerate.nfg")) {
      StrategicGame g = (StrategicGame) SpeLogitTest.resource(name);
      for (IteratedPolymatrix.Outcome o : solve(g, 5, 1)) {
        assertEquilibrium(g, o);
        assertThat(o.iterations()).as(name).isEqualTo(1);
      }
    }
    // matching pennies: the one equilibrium, exactly
    StrategicGame pennies = (StrategicGame) SpeLogitTest.resource("matching.nfg");
    IteratedPolymatrix.Outcome o = solve(pennies, 1, 0).get(0);
    assertThat(o.exact()).isTrue();
    assertThat(o.equilibrium().gambitLine()).isEqualTo("NE,1/2,1/2,1/2,1/2");
  }

  @Test
  void thePerturbationPicksThePathsStart() throws Exception {
    // a coordination game: the pure profile that maximises g is itself an equilibrium
    StrategicGame g = GlobalNewtonTest.game(GlobalNewtonTest.COORD);
    IteratedPolymatrix m = new IteratedPolymatrix(g);
    assertThat(m.solve(new double[] {0.9, 0.1, 0.8, 0.2}, null).equilibrium().gambitLine())
        .isEqualTo("NE,1,0,1,0");
    assertThat(m.solve(new double[] {0.1, 0.9, 0.2, 0.8}, null).equilibrium().gambitLine())
        .isEqualTo("NE,0,1,0,1");
  }

  @Test
  void threePlayersConvergeToTheMixedEquilibrium() throws Exception {
    StrategicGame g = game(CYCLIC);
    for (IteratedPolymatrix.Outcome o : solve(g, 4, 0)) {
      assertEquilibrium(g, o);
      for (double x : o.profile()) {
        assertThat(x).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    StrategicGame three = game(THREE);
    List<IteratedPolymatrix.Outcome> found = solve(three, 10, 0);
    for (IteratedPolymatrix.Outcome o : found) {
      assertEquilibrium(three, o);
    }
  }

  @Test
  void eachIterationIsReportedAndTheSeedFixesTheLines() throws Exception {
    StrategicGame g = game(CYCLIC);
    IteratedPolymatrix m = new IteratedPolymatrix(g);
    double[] p = m.randomPerturbations(1, 7).get(0);
    List<IteratedPolymatrix.Step> steps = new ArrayList<>();
    IteratedPolymatrix.Outcome o = m.solve(p, steps::add);
    assertThat(steps).hasSize(o.iterations());
    for (int k = 0; k < steps.size(); k++) {
      assertThat(steps.get(k).iteration()).isEqualTo(k + 1);
      assertThat(steps.get(k).profile()).hasSize(6);
    }
    IteratedPolymatrix.Outcome again = new IteratedPolymatrix(g).solve(p, null);
    assertThat(again.profile()).isEqualTo(o.profile());
    assertThat(m.randomPerturbations(3, 7)).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(m.randomPerturbations(3, 7));
  }

  @Test
  void oneStrategyGamesAndZeroPayoffs() throws Exception {
    StrategicGame solo = game("NFG 1 R \"solo\" { \"1\" } { 3 }\n\n1 3 2\n");
    IteratedPolymatrix.Outcome o = solve(solo, 1, 0).get(0);
    assertThat(o.equilibrium().gambitLine()).isEqualTo("NE,0,1,0");
    StrategicGame zero = game("NFG 1 R \"zero\" { \"1\" \"2\" } { 2 2 }\n\n0 0 0 0 0 0 0 0\n");
    assertEquilibrium(zero, solve(zero, 1, 0).get(0));
  }

  @Test
  void badPerturbationsAreRefused() throws Exception {
    IteratedPolymatrix m = new IteratedPolymatrix(game(CYCLIC));
    assertThatThrownBy(() -> m.solve(new double[5], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 6");
    assertThatThrownBy(() -> m.solve(new double[6], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not zero");
    assertThatThrownBy(() -> m.solve(new double[] {1, 1, 0.2, 0.1, 0.3, 0.4}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("player 1");
  }

  @Test
  void byNameGivesOneEquilibrium() throws Exception {
    EquilibriumSolver s = EquilibriumSolver.byName("ipa");
    assertThat(s.name()).isEqualTo("ipa");
    StrategicGame g = game(THREE);
    List<Equilibrium> found = s.solve(g);
    assertThat(found).hasSize(1);
    assertThatThrownBy(() -> s.solve(AgentLogitQreTest.tree(AgentLogitQreTest.ENTRY)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
