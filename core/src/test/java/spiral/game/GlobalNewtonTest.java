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
}
