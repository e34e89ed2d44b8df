package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import spiral.game.ExtensiveGame.Infoset;

/**
 * The agent logit QRE on trees: the branch starts at the centroid, stays near it at small lambda,
 * and ends at an approximate Nash equilibrium (on the shared reference trees when present).
 */
class AgentLogitQreTest {
  /** An entry game: one subgame-perfect equilibrium, In then Accommodate. */
  static final String ENTRY =
      """
      EFG 2 R "entry" { "Entrant" "Incumbent" }
      ""

      p "" 1 1 "" { "Out" "In" } 0
      t "" 1 "Out" { 0, 4 }
      p "" 2 1 "" { "Fight" "Accommodate" } 0
      t "" 2 "F" { -1, -1 }
      t "" 3 "A" { 2, 2 }
      """;

  /** Matching pennies with the second mover not seeing the first's move. */
  static final String PENNIES =
      """
      EFG 2 R "pennies" { "1" "2" }
      ""

      p "" 1 1 "" { "H" "T" } 0
      p "" 2 1 "" { "h" "t" } 0
      t "" 1 "" { 1, -1 }
      t "" 2 "" { -1, 1 }
      p "" 2 1 "" { "h" "t" } 0
      t "" 3 "" { -1, 1 }
      t "" 4 "" { 1, -1 }
      """;

  static ExtensiveGame tree(String text) throws Exception {
    return (ExtensiveGame)
        GameReader.read(new java.io.ByteArrayInputStream(text.getBytes("UTF-8")));
  }

  static int maxInfosets(ExtensiveGame g) {
    int m = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      m = Math.max(m, g.infosets(i).size());
    }
    return m;
  }

  /** The exact profile's regret is at most the agent regret bound times the player's sets. */
  static void assertApproximateNash(ExtensiveGame g, LogitQre.Result r) {
    double range = range(g);
    double bound = LogitQre.DEFAULT_MAX_REGRET * (range == 0 ? 1 : range);
    assertThat(AgentLogitQre.agentMaxRegret(g, r.profile())).isLessThan(bound);
    Equilibrium e = AgentLogitQre.toEquilibrium(g, r.profile());
    double regret = EquilibriumChecker.maxRegret(g, e.profile()).doubleValue();
    assertThat(regret).isLessThan(maxInfosets(g) * (bound + 1e-10 * Math.max(1, range)));
  }

  static double range(ExtensiveGame g) {
    List<Double> all = new ArrayList<>();
    collect(g.root(), all);
    double lo = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double hi = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return hi - lo;
  }

  private static void collect(ExtensiveGame.Node n, List<Double> all) {
    if (n.outcome() != null) {
      n.outcome().payoffs().forEach(p -> all.add(p.doubleValue()));
    }
    n.children().forEach(c -> collect(c, all));
  }

  @Test
  void entryEndsAtTheSubgamePerfectEquilibrium() throws Exception {
    ExtensiveGame g = tree(ENTRY);
    List<LogitQre.Point> path = new ArrayList<>();
    LogitQre.Result r = AgentLogitQre.trace(g, LogitQre.Options.defaults(), path::add);
    assertThat(r.converged()).isTrue();
    assertThat(path.get(0).lambda()).isZero();
    assertThat(path.get(0).profile()).containsExactly(0.5, 0.5, 0.5, 0.5);
    assertThat(path.get(path.size() - 1).profile()).isEqualTo(r.profile());
    double[] x = r.profile();
    assertThat(x[1]).isGreaterThan(0.999); // In
    assertThat(x[3]).isGreaterThan(0.999); // Accommodate
    assertApproximateNash(g, r);
    // near lambda 0 the profile is near uniform, and lambda only grows
    for (int k = 1; k < path.size(); k++) {
      LogitQre.Point p = path.get(k);
      assertThat(p.lambda()).isGreaterThan(path.get(k - 1).lambda());
      if (p.lambda() < 0.01) {
        for (double v : p.profile()) {
          assertThat(v).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        }
      }
    }
    assertThat(path.get(1).lambda()).isLessThan(0.05);
  }

  @Test
  void penniesStayAtTheCentre() throws Exception {
    ExtensiveGame g = tree(PENNIES);
    LogitQre.Result r = AgentLogitQre.trace(g, LogitQre.Options.defaults(), null);
    for (double v : r.profile()) {
      assertThat(v).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertApproximateNash(g, r);
  }

  @Test
  void optionsAreChecked() throws Exception {
    assertThatThrownBy(() -> new LogitQre.Options(0, 1.1, 1e-8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogitQre.Options(0.03, 1, 1e-8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogitQre.Options(0.03, 1.1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    // a looser regret bound stops earlier
    ExtensiveGame g = tree(ENTRY);
    double loose = AgentLogitQre.trace(g, new LogitQre.Options(0.03, 1.1, 1e-3), null)
        .lambda();
    double tight = AgentLogitQre.trace(g, LogitQre.Options.defaults(), null).lambda();
    assertThat(loose).isLessThan(tight);
  }

  @TestFactory
  Stream<DynamicTest> endsAtAnApproximateEquilibriumOnTheReferenceTrees() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".efg"))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "agent logit " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      if (!g.hasPerfectRecall() || g.profileLength() == 0
                          || g.profileLength() > 60) {
                        return;
                      }
                      for (int i = 1; i <= g.numPlayers(); i++) {
                        for (Infoset s : g.infosets(i)) {
                          if (s.actions().isEmpty()) {
                            return;
                          }
                        }
                      }
                      LogitQre.Result r;
                      try {
                        r =
                            Deadline.within(
                                Duration.ofSeconds(20),
                                () ->
                                    AgentLogitQre.trace(
                                        g, LogitQre.Options.defaults(), null));
                      } catch (Deadline.Exceeded e) {
                        return; // a slow branch is not a wrong one
                      }
                      if (r.converged()) {
                        assertApproximateNash(g, r);
                      }
                    }));
  }
}
