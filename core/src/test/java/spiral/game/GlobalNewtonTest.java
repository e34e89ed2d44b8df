package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The global Newton method: every profile it reports is an equilibrium (checked exactly on the
 * rounded profile), the path of a 2x2 coordination game passes all three equilibria, the same
 * seed gives the same profiles, and on the shared reference games almost every game gets one.
 */
class GlobalNewtonTest {
  static final String COORD =
      "NFG 1 R \"coordination\" { \"1\" \"2\" } { 2 2 }\n\n3 2 0 0 0 0 2 2\n";

  static StrategicGame game(String text) throws Exception {
    return (StrategicGame)
        GameReader.read(new java.io.ByteArrayInputStream(text.getBytes("UTF-8")));
  }

  static List<double[]> solve(StrategicGame g, long seed) {
    GlobalNewton m = new GlobalNewton(g);
    List<double[]> out = new ArrayList<>();
    m.solve(m.randomPerturbations(1, seed).get(0), GlobalNewton.DEFAULT_LAMBDA_END, out::add);
    return out;
  }

  static void assertEquilibria(StrategicGame g, List<double[]> found) {
    Rational range = EquilibriumChecker.payoffRange(g);
    double scale = range.isZero() ? 1 : range.doubleValue();
    for (double[] x : found) {
      Equilibrium e = LogitQre.toEquilibrium(g, x);
      double regret = EquilibriumChecker.maxRegret(g, e.profile()).doubleValue();
      assertThat(regret).isLessThan(GlobalNewton.MAX_REGRET * scale + 1e-9 * scale);
    }
  }

  @Test
  void coordinationGamePathPassesAllThreeEquilibria() throws Exception {
    StrategicGame g = game(COORD);
    List<double[]> found = solve(g, 0);
    assertEquilibria(g, found);
    assertThat(found).hasSize(3);
    assertThat(found.stream().anyMatch(
        x -> Math.abs(x[0] - 0.4) < 1e-9 && Math.abs(x[2] - 0.4) < 1e-9
            || Math.abs(x[0] - 0.5) < 1e-9 && Math.abs(x[2] - 0.4) < 1e-9
            || Math.abs(x[0] - 0.4) < 1e-9 && Math.abs(x[2] - 0.5) < 1e-9)).isTrue();
    List<double[]> again = solve(g, 0);
    for (int k = 0; k < found.size(); k++) {
      assertThat(again.get(k)).isEqualTo(found.get(k));
    }
  }

  @Test
  void byNameSolvesStrategicGamesAndRefusesTrees() throws Exception {
    StrategicGame g = game(COORD);
    for (String name : new String[] {"gnm", "liap"}) {
      EquilibriumSolver s = EquilibriumSolver.byName(name);
      assertThat(s.name()).isEqualTo(name);
      for (Equilibrium e : s.solve(g)) {
        assertThat(EquilibriumChecker.isApproximateNash(g, e.profile(), Rational.of(1, 1000)))
            .isTrue();
      }
      assertThat(s.solve(g)).isNotEmpty();
      assertThatThrownBy(() -> s.solve(AgentLogitQreTest.tree(AgentLogitQreTest.ENTRY)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void badArgumentsAreRefused() throws Exception {
    GlobalNewton m = new GlobalNewton(game(COORD));
    assertThatThrownBy(() -> m.solve(new double[3], -10, x -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.solve(new double[4], -10, x -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.solve(new double[] {1, 0, 0, 1}, 1, x -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.solve(new double[] {0.5, 0.5, 0, 1}, -10, x -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @TestFactory
  Stream<DynamicTest> everyReportedProfileIsAnEquilibriumOnTheReferenceGames() throws Exception {
    int[] count = new int[2];
    List<Path> games =
        ReferenceGamesTest.games().stream().filter(f -> f.toString().endsWith(".nfg")).toList();
    return Stream.concat(
        games.stream()
            .map(
                f ->
                    DynamicTest.dynamicTest(
                        "gnm " + f.getFileName(),
                        () -> {
                          StrategicGame g = (StrategicGame) GameReader.read(f);
                          if (g.numProfiles() > 5000) {
                            return;
                          }
                          List<double[]> found = new ArrayList<>();
                          GlobalNewton m = new GlobalNewton(g);
                          try {
                            Deadline.within(Duration.ofSeconds(20), () -> {
                              m.solve(m.randomPerturbations(1, 0).get(0),
                                  GlobalNewton.DEFAULT_LAMBDA_END, found::add);
                              return null;
                            });
                          } catch (Deadline.Exceeded e) {
                            // what was found so far is still checked
                          }
                          assertEquilibria(g, found);
                          count[0]++;
                          if (!found.isEmpty()) {
                            count[1]++;
                          }
                        })),
        Stream.of(
            DynamicTest.dynamicTest(
                "gnm finds an equilibrium on almost every reference game",
                () -> assertThat(count[1]).isGreaterThanOrEqualTo(count[0] * 9 / 10))));
  }

  /**
   * The reference trees on which Gambit 17's gambit-gnm finds equilibria from a fixed
   * perturbation (-s) and the earlier path follower found none (its paths stalled in the ranges
   * of equilibria of degenerate reduced forms). Each is solved on its reduced strategic form,
   * scaled by the tree's payoff bounds as Gambit's is, from the seed-0 perturbation, from which
   * Gambit's gnm also finds at least one equilibrium on each of these but w_ex2.efg and
   * 3_player.efg, where neither finds one.
   */
  static final List<String> DEGENERATE_TREES = List.of(
      "catalog/books/shohamleytonbrown2008/fig6_2.efg",
      "catalog/books/shohamleytonbrown2008/fig6_8.efg",
      "contrib/games/2s2x2x2.efg",
      "contrib/games/2smp.efg",
      "contrib/games/artist2.efg",
      "contrib/games/bayes2a.efg",
      "contrib/games/bcp2.efg",
      "contrib/games/bcp3.efg",
      "contrib/games/bhg3.efg",
      "contrib/games/caro2.efg",
      "contrib/games/condjury.efg",
      "contrib/games/e16.efg",
      "contrib/games/palf2.efg",
      "contrib/games/pvw.efg",
      "contrib/games/tim.efg",
      "contrib/games/work2.efg",
      "contrib/games/work3.efg",
      "tests/test_games/2_player_chance.efg",
      "tests/test_games/2_player_chance_nonterm_outcomes_and_missing_term_outcomes.efg",
      "tests/test_games/mixed_behavior_game.efg",
      "tests/test_games/reduction_both_players_payoff_ties_GTE_survey.efg");

  @Test
  void findsEquilibriaOnTheDegenerateTreesWhereGambitsDoes() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    org.junit.jupiter.api.Assumptions.assumeTrue(folder != null,
        "the shared reference games (shared/games) are absent: skipped");
    long started = System.nanoTime();
    for (String name : DEGENERATE_TREES) {
      ExtensiveGame tree = (ExtensiveGame) GameReader.read(folder.resolve(name));
      StrategicGame g = ReducedStrategicForm.of(tree);
      GlobalNewton m = new GlobalNewton(g, tree.payoffBounds());
      List<double[]> found = new ArrayList<>();
      Deadline.within(Duration.ofSeconds(10), () -> {
        m.solve(m.randomPerturbations(1, 0).get(0), GlobalNewton.DEFAULT_LAMBDA_END, found::add);
        return null;
      });
      assertThat(found).as(name).isNotEmpty();
      assertEquilibria(g, found);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aTreesPayoffBoundsAreItsPathsExtremes() throws Exception {
    // outcomes add up along a path; chance is not averaged
    ExtensiveGame t = (ExtensiveGame) GameReader.read(new java.io.ByteArrayInputStream((
        "EFG 2 R \"\" { \"1\" \"2\" }\n"
        + "c \"\" 1 \"\" { \"a\" 1/2 \"b\" 1/2 } 1 \"o\" { 1, -1 }\n"
        + "t \"\" 2 \"x\" { 5, 0 }\n"
        + "t \"\" 3 \"y\" { -4, 2 }\n").getBytes("UTF-8")));
    Rational[] b = t.payoffBounds();
    assertThat(b[0]).isEqualTo(Rational.of(-3));
    assertThat(b[1]).isEqualTo(Rational.of(6));
  }
}
