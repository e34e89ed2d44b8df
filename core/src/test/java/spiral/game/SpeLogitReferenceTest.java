package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * The spe and logit solvers against the shared reference games and Gambit's equilibria. Skipped
 * when the collection is absent.
 */
class SpeLogitReferenceTest {
  /** Largest distance (max norm) between a logit result and the Gambit equilibrium it matches. */
  static final double MATCH_TOLERANCE = 1e-4;

  /**
   * Degenerate games where the logit end point is an equilibrium inside a continuum of equilibria
   * (the centroid itself, or a point the branch reaches, where it stops as Gambit's does, once the
   * regret is below 1e-8 of the payoff range), not one of the extreme equilibria enummixed prints.
   */
  static final Set<String> NOT_EXTREME =
      Set.of(
          "csg1.nfg",
          "csg2.nfg",
          "csg3.nfg",
          "csg4.nfg",
          "deg1.nfg",
          "deg2.nfg",
          "vd.nfg",
          "wink3.nfg",
          "winkels.nfg",
          "zero.nfg",
          "2x2_bimatrix_all_zero_payoffs.nfg",
          "const_sum_game.nfg",
          "mixed_strategy.nfg",
          "non_const_sum_game.nfg");

  static boolean perfectInformation(ExtensiveGame g) {
    Map<Infoset, Integer> count = new HashMap<>();
    countNodes(g.root(), count);
    return count.entrySet().stream().allMatch(e -> e.getKey().isChance() || e.getValue() == 1);
  }

  private static void countNodes(Node n, Map<Infoset, Integer> count) {
    if (n.infoset() != null) {
      count.merge(n.infoset(), 1, Integer::sum);
      n.children().forEach(c -> countNodes(c, count));
    }
  }

  /**
   * The profile as Gambit's enumpure prints it: all zeros at information sets that the player's
   * own choices never reach.
   */
  static List<Rational> reduced(ExtensiveGame g, List<Rational> profile) {
    EquilibriumChecker.Behaviour b = new EquilibriumChecker.Behaviour(g, profile);
    Set<Infoset> reached = new java.util.HashSet<>();
    for (int i = 1; i <= g.numPlayers(); i++) {
      mark(g.root(), i, b, reached);
    }
    List<Rational> out = new ArrayList<>();
    int k = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      for (Infoset s : g.infosets(i)) {
        for (int a = 0; a < s.actions().size(); a++) {
          out.add(reached.contains(s) ? profile.get(k) : Rational.ZERO);
          k++;
        }
      }
    }
    return out;
  }

  private static void mark(Node n, int i, EquilibriumChecker.Behaviour b, Set<Infoset> reached) {
    Infoset s = n.infoset();
    if (s == null) {
      return;
    }
    if (s.player() == i) {
      reached.add(s);
    }
    Rational[] p = b.probs(s);
    for (int a = 0; a < n.children().size(); a++) {
      if (s.player() != i || !p[a].isZero()) {
        mark(n.children().get(a), i, b, reached);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> speIsAmongGambitsPureEquilibria() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".efg"))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "spe " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      if (!g.hasPerfectRecall() || g.profileLength() == 0) {
                        return;
                      }
                      if (!perfectInformation(g)) {
                        if (g.profileLength() > 12) {
                          return; // small trees only: subgames are solved by enumeration
                        }
                        Equilibrium e;
                        try {
                          e = new SubgamePerfect().solve(g);
                        } catch (IllegalArgumentException refused) {
                          assertThat(refused).hasMessageContaining("no pure equilibrium");
                          return;
                        }
                        assertThat(EquilibriumChecker.isNash(g, e.profile()))
                            .as(e.gambitLine())
                            .isTrue();
                        return;
                      }
                      Equilibrium e = new SubgamePerfect().solve(g);
                      assertThat(EquilibriumChecker.isNash(g, e.profile()))
                          .as(e.gambitLine())
                          .isTrue();
                      Path ne = Path.of(f + ".enumpure.ne");
                      if (Files.exists(ne)) {
                        assertThat(ReferenceGamesTest.reference(ne))
                            .contains(reduced(g, e.profile()));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> logitIsNearAGambitEquilibrium() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .filter(f -> Files.exists(Path.of(f + ".enummixed.ne")))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "logit " + f.getFileName(),
                    () -> {
                      StrategicGame g = (StrategicGame) GameReader.read(f);
                      LogitQre.Result end = LogitQre.trace(g, LogitQre.Options.defaults(), null);
                      double[] x = end.profile();
                      double range = LogitQreTest.range(g);
                      assertThat(end.converged()).isTrue();
                      assertThat(LogitQre.maxRegret(g, x))
                          .isLessThan(LogitQre.DEFAULT_MAX_REGRET * range);
                      Equilibrium e = LogitQre.toEquilibrium(g, x);
                      double[] r =
                          e.profile().stream().mapToDouble(Rational::doubleValue).toArray();
                      assertThat(LogitQre.maxRegret(g, r))
                          .isLessThan(SpeLogitTest.REGRET_TOLERANCE * range);
                      if (NOT_EXTREME.contains(f.getFileName().toString())) {
                        return;
                      }
                      double best = Double.POSITIVE_INFINITY;
                      for (List<Rational> q :
                          ReferenceGamesTest.reference(Path.of(f + ".enummixed.ne"))) {
                        double d = 0;
                        for (int k = 0; k < x.length; k++) {
                          d = Math.max(d, Math.abs(x[k] - q.get(k).doubleValue()));
                        }
                        best = Math.min(best, d);
                      }
                      assertThat(best).isLessThan(MATCH_TOLERANCE);
                    }));
  }
}
