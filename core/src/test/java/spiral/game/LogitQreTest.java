package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The strategic logit trace's controls, Gambit's -s (first step), -a (maximal acceleration) and
 * -m (regret at which tracing stops): the path they give, Gambit's own documented path, and the
 * end point's regret on the shared reference games (skipped when absent).
 */
class LogitQreTest {
  /** A 3x3 game whose branch ends at a mixed equilibrium (regret falls as 1 / lambda). */
  static final String RPS =
      """
      NFG 1 R "skewed rock-paper-scissors" { "1" "2" } { 3 3 }

      0 0 1 -1 -1 1 -1 1 0 0 1 -1 2 -2 -1 1 0 0
      """;

  static StrategicGame game(String text) throws Exception {
    return (StrategicGame)
        GameReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The largest payoff minus the smallest, as Gambit scales the regret bound. */
  static double range(StrategicGame g) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < g.numProfiles(); p++) {
      for (int i = 0; i < g.numPlayers(); i++) {
        double v = g.payoff(p, i).doubleValue();
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return hi > lo ? hi - lo : 1;
  }

  static List<LogitQre.Point> path(StrategicGame g, LogitQre.Options o) {
    List<LogitQre.Point> path = new ArrayList<>();
    LogitQre.Result r = LogitQre.trace(g, o, path::add);
    assertThat(path.get(path.size() - 1).profile()).isEqualTo(r.profile());
    assertThat(path.get(path.size() - 1).lambda()).isEqualTo(r.lambda());
    return path;
  }

  @Test
  void defaultsAreGambits() {
    LogitQre.Options o = LogitQre.Options.defaults();
    assertThat(o.firstStep()).isEqualTo(0.03);
    assertThat(o.maxAccel()).isEqualTo(1.1);
    assertThat(o.maxRegret()).isEqualTo(1e-8);
  }

  @Test
  void theEndMeetsTheRegretBound() throws Exception {
    StrategicGame g = game(RPS);
    for (double m : new double[] {1e-3, 1e-6, 1e-8, 1e-10}) {
      LogitQre.Result r = LogitQre.trace(g, new LogitQre.Options(0.03, 1.1, m), null);
      assertThat(r.converged()).isTrue();
      assertThat(LogitQre.maxRegret(g, r.profile())).isLessThan(m * range(g));
    }
  }

  @Test
  void aLooserRegretBoundEndsAtASmallerLambda() throws Exception {
    StrategicGame g = game(RPS);
    double previous = 0;
    for (double m : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
      List<LogitQre.Point> path = path(g, new LogitQre.Options(0.03, 1.1, m));
      double lambda = path.get(path.size() - 1).lambda();
      assertThat(lambda).isGreaterThan(previous);
      previous = lambda;
      // every point before the last is above the bound: the trace stops at the first below it
      for (LogitQre.Point p : path.subList(0, path.size() - 1)) {
        assertThat(LogitQre.maxRegret(g, p.profile())).isGreaterThanOrEqualTo(m * range(g));
      }
    }
  }

  @Test
  void aSmallerFirstStepOrAccelerationTakesMorePoints() throws Exception {
    StrategicGame g = game(RPS);
    List<LogitQre.Point> base = path(g, LogitQre.Options.defaults());
    List<LogitQre.Point> small = path(g, new LogitQre.Options(0.003, 1.1, 1e-8));
    List<LogitQre.Point> slow = path(g, new LogitQre.Options(0.03, 1.02, 1e-8));
    List<LogitQre.Point> big = path(g, new LogitQre.Options(0.3, 1.1, 1e-8));
    assertThat(small.size()).isGreaterThan(base.size());
    assertThat(slow.size()).isGreaterThan(base.size());
    assertThat(big.size()).isLessThan(base.size());
    // the first step: the arc length from the centroid is the step asked for
    assertThat(small.get(1).lambda()).isLessThan(base.get(1).lambda());
    assertThat(base.get(1).lambda()).isLessThan(0.031);
    // the same branch whatever the steps: the ends agree
    double[] a = base.get(base.size() - 1).profile();
    double[] b = slow.get(slow.size() - 1).profile();
    for (int k = 0; k < a.length; k++) {
      assertThat(b[k]).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> new LogitQre.Options(0, 1.1, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first step");
    assertThatThrownBy(() -> new LogitQre.Options(0.03, 0.5, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceleration");
    assertThatThrownBy(() -> new LogitQre.Options(0.03, 1.1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regret");
    assertThatThrownBy(() -> new LogitQre.Options(Double.NaN, 1.1, 1e-8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Gambit's documentation of gambit-logit shows the first points of the branch of Selten's
   * (1975) Figure 2 in its reduced strategic form ({@code gambit-logit -S}): the same lines.
   */
  @Test
  void theBranchOfGambitsDocumentedExample() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    assumeTrue(folder != null, "the shared reference games (shared/games) are absent: skipped");
    Path f = folder.resolve("catalog/journals/ijgt/selten1975/fig2.efg");
    assumeTrue(Files.exists(f), "fig2.efg is absent: skipped");
    StrategicGame g = ReducedStrategicForm.of((ExtensiveGame) GameReader.read(f));
    List<LogitQre.Point> path = path(g, LogitQre.Options.defaults());
    List<String> gambit =
        List.of(
            "0.000000,0.333333,0.333333,0.333333,0.5,0.5",
            "0.022853,0.335873,0.328284,0.335843,0.501962,0.498038",
            "0.047978,0.338668,0.322803,0.33853,0.504249,0.495751",
            "0.075600,0.341747,0.316863,0.34139,0.506915,0.493085",
            "0.105965,0.345145,0.310443,0.344413,0.510023,0.489977",
            "0.139346,0.348902,0.303519,0.347578,0.51364,0.48636");
    for (int k = 0; k < gambit.size(); k++) {
      assertThat(line(path.get(k))).isEqualTo(gambit.get(k));
    }
  }

  /** Gambit's path line: lambda with 6 places, probabilities with 6 significant digits. */
  private static String line(LogitQre.Point p) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.6f", p.lambda()));
    for (double v : p.profile()) {
      String s = new java.math.BigDecimal(v)
          .round(new java.math.MathContext(6))
          .stripTrailingZeros()
          .toPlainString();
      b.append(',').append(s);
    }
    return b.toString();
  }

  /**
   * Crossing bifurcations, the branch ends within the regret bound on every reference strategic
   * game, at Gambit's defaults and at looser controls; without crossing (Gambit's tracer) it does
   * too, except where Gambit's own tracer stops at a bifurcation ({@link
   * #stopsWhereGambitsTracerStops}).
   */
  @TestFactory
  Stream<DynamicTest> otherControlsStillEndWithinTheBoundOnTheReferenceGames() throws Exception {
    LogitQre.Options loose = new LogitQre.Options(0.1, 1.5, 1e-6);
    Set<String> stopsLoose =
        Set.of("2x2x2.nfg", "non_const_sum_game.nfg", "6x6_game_with_75_eq_small_payoffs.nfg");
    Set<String> stopsDefault = Set.of("2x2x2.nfg");
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "logit -s 0.1 -a 1.5 -m 1e-6 " + f.getFileName(),
                    () -> {
                      StrategicGame g = (StrategicGame) GameReader.read(f);
                      String name = f.getFileName().toString();
                      for (LogitQre.Options o : List.of(loose, LogitQre.Options.defaults())) {
                        boolean stops =
                            (o == loose ? stopsLoose : stopsDefault).contains(name);
                        LogitQre.Result gambits = LogitQre.trace(g, o, null);
                        assertThat(gambits.converged()).as("Gambit's tracer").isEqualTo(!stops);
                        LogitQre.Result r = LogitQre.trace(g, o.crossingBifurcations(), null);
                        assertThat(r.converged()).as("crossing").isTrue();
                        for (LogitQre.Result end : stops ? List.of(r) : List.of(r, gambits)) {
                          assertThat(LogitQre.maxRegret(g, end.profile()))
                              .isLessThan(o.maxRegret() * range(g));
                        }
                      }
                    }));
  }

  /**
   * Where Gambit's tracer stops at a bifurcation (its step falls below the minimum), Spiral's
   * stops at the same point: Gambit 17's {@code gambit-logit} end lines, lambda and profile.
   */
  @Test
  void stopsWhereGambitsTracerStops() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    assumeTrue(folder != null, "the reference games are not beside the project");
    Object[][] cases = {
      {"contrib/games/2x2x2.nfg", LogitQre.Options.defaults(),
        "0.596755,0.5,0.5,0.5,0.5,0.574046,0.425954"},
      {"contrib/games/2x2x2.nfg", new LogitQre.Options(0.1, 1.5, 1e-6),
        "0.596755,0.5,0.5,0.5,0.5,0.574046,0.425954"},
      {"tests/test_games/non_const_sum_game.nfg", new LogitQre.Options(0.1, 1.5, 1e-6),
        "5.882831,0.782441,0.217558,0.217574,0.782426"},
    };
    for (Object[] c : cases) {
      StrategicGame g = (StrategicGame) GameReader.read(folder.resolve((String) c[0]));
      List<LogitQre.Point> path = new ArrayList<>();
      LogitQre.Result r = LogitQre.trace(g, (LogitQre.Options) c[1], path::add);
      assertThat(r.converged()).as("%s", c[0]).isFalse();
      assertThat(line(path.get(path.size() - 1))).as("%s", c[0]).isEqualTo(c[2]);
      assertThat(LogitQre.maxRegret(g, r.profile())).isGreaterThan(1e-3 * range(g));
    }
  }
}
