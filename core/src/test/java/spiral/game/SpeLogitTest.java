package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subgame-perfect (backward induction) and logit (QRE tracing) solvers on small games. */
class SpeLogitTest {
  /** Logit results must leave every player a regret below this (payoffs of order 1). */
  static final double REGRET_TOLERANCE = 1e-6;

  static Game resource(String name) throws Exception {
    try (InputStream in = SpeLogitTest.class.getResourceAsStream("/games/" + name)) {
      return GameReader.read(in);
    }
  }

  static List<Rational> ints(int... v) {
    List<Rational> l = new ArrayList<>();
    for (int x : v) {
      l.add(Rational.of(x));
    }
    return l;
  }

  @Test
  void entryDeterrenceExpandsAndDeters() throws Exception {
    ExtensiveGame g = (ExtensiveGame) resource("entry3.efg");
    Equilibrium e = EquilibriumSolver.byName("spe").solve(g).get(0);
    // Entrant: Out after expansion, In without; Incumbent: Expand, Fight, Accommodate.
    assertThat(e.profile()).isEqualTo(ints(0, 1, 1, 0, 1, 0, 1, 0, 0, 1));
    assertThat(e.payoffs()).isEqualTo(ints(0, 4));
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
  }

  @Test
  void centipedeTakesAtOnce() throws Exception {
    ExtensiveGame g = (ExtensiveGame) resource("centipede.efg");
    Equilibrium e = new SubgamePerfect().solve(g);
    assertThat(e.profile()).isEqualTo(ints(1, 0, 1, 0, 1, 0, 1, 0));
    assertThat(e.payoffs()).isEqualTo(ints(1, 0));
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
  }

  @Test
  void chanceTakesExpectationsAndTiesGoToTheFirstAction() throws Exception {
    ExtensiveGame g =
        (ExtensiveGame)
            GameReader.parse(
                "EFG 2 R \"t\" { \"A\" \"B\" } \"\"\n"
                    + "c \"\" 1 \"\" { \"L\" 1/2 \"R\" 1/2 } 0\n"
                    + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                    + "t \"\" 1 \"\" { 2, 0 }\n"
                    + "t \"\" 0\n"
                    + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
                    + "t \"\" 0\n"
                    + "p \"\" 2 1 \"\" { \"x\" \"y\" } 2 \"\" { 1, 1 }\n"
                    + "t \"\" 3 \"\" { 3, 0 }\n"
                    + "t \"\" 4 \"\" { 0, 0 }\n");
    Equilibrium e = new SubgamePerfect().solve(g);
    // Player 2 is indifferent (0 = 0) and takes x; the outcome at their node adds 1 to each.
    assertThat(e.profile()).isEqualTo(ints(1, 0, 0, 1, 1, 0));
    assertThat(e.payoffs()).isEqualTo(List.of(Rational.of(3), Rational.of(1, 2)));
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
  }

  @Test
  void speRefusesImperfectInformationAndStrategicGames() throws Exception {
    ExtensiveGame entry = (ExtensiveGame) resource("entry.efg");
    assertThat(EquilibriumChecker.isNash(entry, new SubgamePerfect().solve(entry).profile()))
        .isTrue();
    assertThatThrownBy(() -> new SubgamePerfect().solve(resource("matching.nfg")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void speSolvesAProperSubgameWithImperfectInformation() throws Exception {
    // Player 1 takes Out (1, 0) or plays matching pennies, whose value (0) is worse.
    ExtensiveGame g =
        (ExtensiveGame)
            GameReader.parse(
                "EFG 2 R \"t\" { \"A\" \"B\" } \"\"\n"
                    + "p \"\" 1 1 \"\" { \"Out\" \"In\" } 0\n"
                    + "t \"\" 1 \"\" { 1, 0 }\n"
                    + "p \"\" 1 2 \"\" { \"H\" \"T\" } 0\n"
                    + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
                    + "t \"\" 2 \"\" { 1, -1 }\n"
                    + "t \"\" 3 \"\" { -1, 1 }\n"
                    + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
                    + "t \"\" 3\n"
                    + "t \"\" 2\n");
    Equilibrium e = new SubgamePerfect().solve(g);
    Rational h = Rational.of(1, 2);
    assertThat(e.profile()).isEqualTo(List.of(Rational.ONE, Rational.ZERO, h, h, h, h));
    assertThat(e.payoffs()).isEqualTo(ints(1, 0));
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
  }

  @Test
  void logitMatchingPenniesIsTheCentroid() throws Exception {
    StrategicGame g = (StrategicGame) resource("matching.nfg");
    Equilibrium e = EquilibriumSolver.byName("logit").solve(g).get(0);
    for (Rational r : e.profile()) {
      assertThat(r.doubleValue()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void logitFindsTheUniquePureEquilibrium() throws Exception {
    StrategicGame g = (StrategicGame) resource("prisoners.nfg");
    Equilibrium e = new LogitQre().solve(g).get(0);
    double[] x = e.profile().stream().mapToDouble(Rational::doubleValue).toArray();
    assertThat(x[0]).isLessThan(1e-6);
    assertThat(x[1]).isGreaterThan(1 - 1e-6);
    assertThat(x[2]).isLessThan(1e-6);
    assertThat(x[3]).isGreaterThan(1 - 1e-6);
    assertThat(LogitQre.maxRegret(g, x)).isLessThan(REGRET_TOLERANCE);
  }

  @Test
  void logitPathStartsAtTheCentroidAndIncreasesLambda() throws Exception {
    StrategicGame g = (StrategicGame) resource("battle.nfg");
    List<LogitQre.Point> path = new ArrayList<>();
    double[] x = LogitQre.trace(g, path::add);
    assertThat(path.get(0).lambda()).isZero();
    assertThat(path.get(0).profile()).containsExactly(0.5, 0.5, 0.5, 0.5);
    // Gambit's stopping rule: the first point whose regret is below 1e-8 of the payoff range (2)
    assertThat(LogitQre.maxRegret(g, x)).isLessThan(2e-8);
    assertThat(LogitQre.maxRegret(g, path.get(path.size() - 2).profile())).isGreaterThan(2e-8);
    for (int k = 1; k < path.size(); k++) {
      assertThat(path.get(k).lambda()).isGreaterThan(path.get(k - 1).lambda());
    }
  }

  @Test
  void logitRefusesTrees() {
    assertThatThrownBy(() -> new LogitQre().solve(resource("entry3.efg")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
