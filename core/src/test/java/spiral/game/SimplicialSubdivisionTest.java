package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** simpdiv: epsilon-equilibria on the reference games, on random games and near unique ones. */
class SimplicialSubdivisionTest {
  /** A strategic game from its strategy counts and payoffs, value[profile * players + player]. */
  static StrategicGame game(int[] strategies, List<Integer> values) {
    int n = strategies.length;
    List<String> players = new ArrayList<>();
    List<List<String>> labels = new ArrayList<>();
    int profiles = 1;
    for (int i = 0; i < n; i++) {
      players.add(Integer.toString(i + 1));
      List<String> l = new ArrayList<>();
      for (int j = 0; j < strategies[i]; j++) {
        l.add(Integer.toString(j + 1));
      }
      labels.add(l);
      profiles *= strategies[i];
    }
    Rational[][] pay = new Rational[profiles][n];
    for (int p = 0; p < profiles; p++) {
      for (int i = 0; i < n; i++) {
        pay[p][i] = Rational.of(values.get(p * n + i));
      }
    }
    return new StrategicGame("g", "", players, labels, pay);
  }

  static void assertApproximate(Game g, SimplicialSubdivision s, Equilibrium e) {
    assertThat(EquilibriumChecker.isApproximateNash(g, e.profile(), s.bound(g)))
        .as(e.gambitLine(10))
        .isTrue();
  }

  static double[] doubles(Equilibrium e) {
    return e.profile().stream().mapToDouble(Rational::doubleValue).toArray();
  }

  @Test
  void matchingPenniesLandsOnItsUniqueEquilibrium() {
    StrategicGame g = game(new int[] {2, 2}, List.of(1, -1, -1, 1, -1, 1, 1, -1));
    SimplicialSubdivision s = new SimplicialSubdivision();
    Equilibrium e = s.solve(g);
    assertApproximate(g, s, e);
    // Player 1's regret is |u_H - u_T| times the weight of the worse reply: with y = 1/2 + delta,
    // |u_H - u_T| = 4 |delta| and the weight is about 1/2, so regret <= 1e-8 x range 2 gives
    // |delta| <= about 1e-8; 1e-6 leaves room.
    for (double x : doubles(e)) {
      assertThat(x).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  /**
   * Jordan's cyclic matching pennies: 1 wants to match 2, 2 to match 3, 3 to mismatch 1; the only
   * equilibrium has everyone mixing half and half (a pure or partly pure choice by anyone
   * propagates round the cycle to a contradiction).
   */
  static StrategicGame cyclicPennies() {
    List<Integer> v = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      int s1 = p % 2;
      int s2 = (p / 2) % 2;
      int s3 = (p / 4) % 2;
      v.add(s1 == s2 ? 1 : 0);
      v.add(s2 == s3 ? 1 : 0);
      v.add(s3 != s1 ? 1 : 0);
    }
    return game(new int[] {2, 2, 2}, v);
  }

  @Test
  void threePlayerCyclicPenniesLandsOnItsUniqueMixedEquilibrium() {
    StrategicGame g = cyclicPennies();
    assertThat(new EnumPure().solve(g)).isEmpty();
    SimplicialSubdivision s = new SimplicialSubdivision();
    Equilibrium e = s.solve(g);
    assertApproximate(g, s, e);
    // Player 1's regret is |2 q2 - 1| times the weight of the worse reply (about 1/2), so each
    // probability is within about 2 x 1e-8 of 1/2.
    for (double x : doubles(e)) {
      assertThat(x).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, e.profile()));
  }

  @Test
  void aLooserEpsilonAndAFinerFirstGridStillGiveAnApproximateEquilibrium() {
    StrategicGame g = cyclicPennies();
    SimplicialSubdivision s = new SimplicialSubdivision(Rational.of(1, 1000), 7);
    Equilibrium e = s.solve(g);
    assertApproximate(g, s, e);
    assertThat(EquilibriumChecker.isApproximateNash(g, e.profile(), Rational.of(1, 1000)))
        .isTrue();
  }

  @Test
  void pureEquilibriaAndSingleStrategyPlayers() {
    // player 2 has one strategy; player 1's second strategy is strictly better
    StrategicGame g = game(new int[] {2, 1, 2}, List.of(0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1));
    SimplicialSubdivision s = new SimplicialSubdivision();
    Equilibrium e = s.solve(g);
    assertApproximate(g, s, e);
    assertThat(EquilibriumChecker.isNash(g, e.profile())).as(e.gambitLine()).isTrue();
  }

  @Test
  void treesGiveBehaviourProfiles() throws Exception {
    ExtensiveGame t =
        (ExtensiveGame)
            GameReader.parse(
                "EFG 2 R \"Entry\" { \"Entrant\" \"Incumbent\" } \"\"\n"
                    + "p \"\" 1 1 \"\" { \"In\" \"Out\" } 0\n"
                    + "p \"\" 2 1 \"\" { \"Fight\" \"Accommodate\" } 0\n"
                    + "t \"\" 1 \"\" { -1, -1 }\n"
                    + "t \"\" 2 \"\" { 1, 1 }\n"
                    + "t \"\" 3 \"\" { 0, 2 }\n");
    SimplicialSubdivision s = new SimplicialSubdivision();
    Equilibrium e = s.solve(t);
    assertThat(e.profile()).hasSize(4);
    assertApproximate(t, s, e);
  }

  @Test
  void refusesBadParameters() {
    assertThatThrownBy(() -> new SimplicialSubdivision(Rational.ZERO, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new SimplicialSubdivision(Rational.of(1, 10), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThat(EquilibriumSolver.byName("simpdiv")).isInstanceOf(SimplicialSubdivision.class);
  }

  /** Random games with integer payoffs -3..3 (many ties), at the default epsilon. */
  @Property(tries = 100, seed = "20260126")
  void randomSmallGamesGiveEpsilonEquilibria(
      @ForAll @IntRange(min = 2, max = 4) int players,
      @ForAll @Size(4) List<@IntRange(min = 2, max = 3) Integer> counts,
      @ForAll @Size(324) List<@IntRange(min = -3, max = 3) Integer> values) {
    int[] strategies = new int[players];
    for (int i = 0; i < players; i++) {
      strategies[i] = counts.get(i);
    }
    StrategicGame g = game(strategies, values);
    SimplicialSubdivision s = new SimplicialSubdivision();
    Equilibrium e = s.solve(g);
    assertApproximate(g, s, e);
    assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, e.profile()));
  }

  @TestFactory
  Stream<DynamicTest> referenceGamesWithAKnownEquilibrium() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .filter(f -> listsAnEquilibrium(f))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "simpdiv " + f.getFileName(),
                    () -> {
                      Game g = GameReader.read(f);
                      SimplicialSubdivision s = new SimplicialSubdivision();
                      Equilibrium e = s.solve(g).get(0);
                      assertApproximate(g, s, e);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> nPlayerReferenceTreesWithAKnownEquilibrium() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".efg"))
        .filter(f -> listsAnEquilibrium(f))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "simpdiv " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      if (g.numPlayers() < 3 || !g.hasPerfectRecall()) {
                        return;
                      }
                      SimplicialSubdivision s = new SimplicialSubdivision();
                      Equilibrium e = s.solve(g);
                      assertApproximate(g, s, e);
                    }));
  }

  private static boolean listsAnEquilibrium(Path f) {
    for (String method : List.of("enumpure", "enummixed")) {
      Path ne = Path.of(f + "." + method + ".ne");
      try {
        if (Files.exists(ne) && !ReferenceGamesTest.reference(ne).isEmpty()) {
          return true;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return false;
  }
}
