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

  /**
   * The exact Jacobian agrees with central differences of the equations at interior points of a
   * tree with chance, several members per set, and three players (the reference trees too, when
   * present), at lambda 0.5 and 20.
   */
  @Test
  void theJacobianIsTheDerivativeOfTheEquations() throws Exception {
    List<ExtensiveGame> games = new ArrayList<>(List.of(tree(ENTRY), tree(PENNIES)));
    java.nio.file.Path shared = ReferenceGamesTest.games().stream()
        .filter(f -> f.getFileName().toString().equals("bayes2a.efg")).findFirst().orElse(null);
    if (shared != null) {
      games.add((ExtensiveGame) GameReader.read(shared));
      games.add((ExtensiveGame) GameReader.read(shared.resolveSibling("2x2x2.efg")));
    }
    java.util.Random rng = new java.util.Random(7);
    for (ExtensiveGame g : games) {
      AgentLogitQre.Tree t = new AgentLogitQre.Tree(g);
      int n = t.n;
      for (double lambda : new double[] {0.5, 20}) {
        double[] z = new double[n + 1];
        for (int k = 0; k < n; k++) {
          z[k] = Math.log(0.1 + 0.8 * rng.nextDouble());
        }
        z[n] = lambda;
        double[][] jt = new double[n + 1][n];
        t.jacobian(z, jt);
        double[] hp = new double[n];
        double[] hm = new double[n];
        for (int k = 0; k <= n; k++) {
          double step = 1e-6;
          double[] zp = z.clone();
          double[] zm = z.clone();
          zp[k] += step;
          zm[k] -= step;
          t.value(zp, hp);
          t.value(zm, hm);
          for (int e = 0; e < n; e++) {
            double fd = (hp[e] - hm[e]) / (2 * step);
            assertThat(jt[k][e]).as("%s d(eq %d)/d(var %d) at lambda %s", g.title(), e, k, lambda)
                .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(fd))));
          }
        }
      }
    }
  }

  /**
   * Where the branch reaches sets whose probability underflows to 0, their beliefs become
   * uniform as in Gambit's tracing, and the branch ends where Gambit's ends: on these reference
   * trees the last lambda Gambit 17's gambit-logit printed, to its 6 decimals.
   */
  @Test
  void theBranchEndsWhereGambitsEnds() throws Exception {
    String[][] ends = {
      {"vd.efg", "744.845046"},
      {"fig1.efg", "747.961794"},
      {"bcp4.efg", "372.220036"},
      {"e16.efg", "1982.071789"},
    };
    for (String[] end : ends) {
      java.nio.file.Path f = ReferenceGamesTest.games().stream()
          .filter(p -> p.getFileName().toString().equals(end[0])
              && (!end[0].equals("fig1.efg") || p.toString().contains("selten1975")))
          .findFirst().orElse(null);
      org.junit.jupiter.api.Assumptions.assumeTrue(f != null,
          "the shared reference games (shared/games) are absent: skipped");
      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
      List<LogitQre.Point> path = new ArrayList<>();
      AgentLogitQre.trace(g, LogitQre.Options.defaults(), path::add);
      assertThat(String.format(java.util.Locale.ROOT, "%.6f",
          path.get(path.size() - 1).lambda())).as(end[0]).isEqualTo(end[1]);
    }
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

  /**
   * At a bifurcation that Gambit's tracer cannot get past, Spiral's stops at the same point
   * (Gambit 17's {@code gambit-logit} end line on the three copies of the 2x2x2 tree), and with
   * crossing it goes on to an approximate equilibrium.
   */
  @Test
  void stopsAtABifurcationWhereGambitsStopsAndCrossesWhenAsked() throws Exception {
    java.nio.file.Path folder = ReferenceGamesTest.gamesFolder();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        folder != null, "the reference games are not beside the project");
    for (String f :
        List.of(
            "contrib/games/2x2x2.efg",
            "tests/test_games/basic_extensive_game.efg",
            "tests/test_games/mixed_behavior_game.efg")) {
      ExtensiveGame g = (ExtensiveGame) GameReader.read(folder.resolve(f));
      LogitQre.Result r = AgentLogitQre.trace(g, LogitQre.Options.defaults(), null);
      assertThat(r.converged()).as(f).isFalse();
      assertThat(String.format(java.util.Locale.ROOT, "%.6f", r.lambda())).isEqualTo("0.596755");
      List<String> line = new ArrayList<>();
      for (double x : r.profile()) {
        line.add(
            new java.math.BigDecimal(x)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString());
      }
      assertThat(String.join(",", line)).as(f).isEqualTo("0.5,0.5,0.5,0.5,0.574046,0.425954");
      LogitQre.Result crossed =
          AgentLogitQre.trace(g, LogitQre.Options.defaults().crossingBifurcations(), null);
      assertThat(crossed.converged()).as(f).isTrue();
      assertApproximateNash(g, crossed);
    }
  }
}
