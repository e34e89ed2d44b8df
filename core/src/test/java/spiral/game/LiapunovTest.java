package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lyapunov minimisation: every profile it reports is an equilibrium within its regret bound
 * (checked exactly on the rounded profile), the same seed gives the same profiles, and on the
 * shared reference games most games get at least one.
 */
class LiapunovTest {
  static final String BATTLE =
      "NFG 1 R \"Battle of the sexes\" { \"A\" \"B\" }\n"
          + "{ { \"Opera\" \"Football\" } { \"Opera\" \"Football\" } }\n\"\"\n"
          + "2 1 0 0 0 0 1 2\n";

  static StrategicGame game(String text) throws Exception {
    return (StrategicGame)
        GameReader.read(new java.io.ByteArrayInputStream(text.getBytes("UTF-8")));
  }

  static List<Liapunov.Run> runs(StrategicGame g, int count, long seed) {
    Liapunov l = new Liapunov(g);
    List<Liapunov.Run> out = new ArrayList<>();
    l.solve(l.randomStarts(count, seed), Liapunov.DEFAULT_ITERATIONS,
        Liapunov.DEFAULT_MAX_REGRET, out::add);
    return out;
  }

  /** Each reported profile: valid, and its exact regret within the bound times the range. */
  static void assertEquilibria(StrategicGame g, List<Liapunov.Run> runs) {
    Rational range = EquilibriumChecker.payoffRange(g);
    double scale = range.isZero() ? 1 : range.doubleValue();
    for (Liapunov.Run r : runs) {
      if (!r.equilibrium()) {
        assertThat(r.regret()).isGreaterThanOrEqualTo(Liapunov.DEFAULT_MAX_REGRET);
        continue;
      }
      Equilibrium e = LogitQre.toEquilibrium(g, r.end());
      double regret = EquilibriumChecker.maxRegret(g, e.profile()).doubleValue();
      assertThat(regret).isLessThan(Liapunov.DEFAULT_MAX_REGRET * scale + 1e-9 * scale);
    }
  }

  @Test
  void battleOfTheSexes() throws Exception {
    StrategicGame g = game(BATTLE);
    List<Liapunov.Run> r = runs(g, 10, 0);
    assertThat(r).hasSize(10);
    assertEquilibria(g, r);
    assertThat(r.stream().filter(Liapunov.Run::equilibrium).count()).isGreaterThanOrEqualTo(8);
    // the equilibria are the two pure ones and the mixed one (2/3, 1/3; 1/3, 2/3)
    for (Liapunov.Run run : r) {
      if (run.equilibrium()) {
        double[] x = run.end();
        boolean pure1 = x[0] > 0.999 && x[2] > 0.999;
        boolean pure2 = x[1] > 0.999 && x[3] > 0.999;
        boolean mixed = Math.abs(x[0] - 2.0 / 3) < 1e-3 && Math.abs(x[2] - 1.0 / 3) < 1e-3;
        assertThat(pure1 || pure2 || mixed).as(Arrays.toString(x)).isTrue();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameProfiles() throws Exception {
    StrategicGame g = game(BATTLE);
    List<Liapunov.Run> a = runs(g, 5, 42);
    List<Liapunov.Run> b = runs(g, 5, 42);
    for (int k = 0; k < 5; k++) {
      assertThat(a.get(k).start()).isEqualTo(b.get(k).start());
      assertThat(a.get(k).end()).isEqualTo(b.get(k).end());
    }
    assertThat(runs(g, 5, 43).get(0).start()).isNotEqualTo(a.get(0).start());
    for (double[] s : new Liapunov(g).randomStarts(20, 7)) {
      assertThat(s[0] + s[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(s[0]).isBetween(0.0, 1.0);
    }
  }

  @Test
  void aStartOfTheWrongLengthIsRefused() throws Exception {
    Liapunov l = new Liapunov(game(BATTLE));
    assertThatThrownBy(() -> l.solve(List.of(new double[3]), 10, 1e-4, r -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @TestFactory
  Stream<DynamicTest> everyReportedProfileIsAnEquilibriumOnTheReferenceGames() throws Exception {
    int[] found = new int[2];
    List<Path> games = ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .toList();
    return Stream.concat(
        games.stream()
            .map(
                f ->
                    DynamicTest.dynamicTest(
                        "liap " + f.getFileName(),
                        () -> {
                          StrategicGame g = (StrategicGame) GameReader.read(f);
                          if (g.numProfiles() > 5000) {
                            return;
                          }
                          List<Liapunov.Run> r = runs(g, 10, 0);
                          assertEquilibria(g, r);
                          found[0]++;
                          if (r.stream().anyMatch(Liapunov.Run::equilibrium)) {
                            found[1]++;
                          }
                        })),
        Stream.of(
            DynamicTest.dynamicTest(
                "liap finds an equilibrium on most reference games",
                () -> assertThat(found[1]).isGreaterThanOrEqualTo(found[0] * 9 / 10))));
  }
}
