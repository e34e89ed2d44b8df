package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Lemke–Howson ({@code lcp}) and the zero-sum linear program ({@code lp}). */
class LcpLpTest {
  static final Rational H = Rational.of(1, 2);

  @Test
  void matchingPennies() throws Exception {
    Game g = GameReaderTest.resource("matching.nfg");
    assertThat(SolverTest.lines(new LemkeHowson().solve(g)))
        .containsExactly("NE,1/2,1/2,1/2,1/2");
    List<Equilibrium> lp = new ZeroSumLp().solve(g);
    assertThat(SolverTest.lines(lp)).containsExactly("NE,1/2,1/2,1/2,1/2");
    assertThat(lp.get(0).payoffs()).containsExactly(Rational.ZERO, Rational.ZERO);
  }

  @Test
  void battleOfTheSexesAllThreeFromTheLabels() throws Exception {
    Game g = GameReaderTest.resource("battle.nfg");
    List<Equilibrium> eqs = new LemkeHowson().solve(g);
    SolverTest.allVerified(g, eqs);
    // the mixed equilibrium is reached from the pure ones
    assertThat(SolverTest.lines(eqs))
        .containsExactlyInAnyOrder("NE,1,0,1,0", "NE,0,1,0,1", "NE,2/3,1/3,1/3,2/3");
    for (int k = 0; k < 4; k++) {
      Equilibrium e = LemkeHowson.fromLabel((StrategicGame) g, k);
      assertThat(EquilibriumChecker.isNash((StrategicGame) g, e.profile())).isTrue();
    }
  }

  @Test
  void prisonersAndDegenerate() throws Exception {
    Game g = GameReaderTest.resource("prisoners.nfg");
    assertThat(SolverTest.lines(new LemkeHowson().solve(g))).containsExactly("NE,0,1,0,1");
    Game d = GameReaderTest.resource("degenerate.nfg");
    List<Equilibrium> eqs = new LemkeHowson().solve(d);
    assertThat(eqs).isNotEmpty();
    SolverTest.allVerified(d, eqs);
    assertThat(SolverTest.lines(new EnumMixed().solve(d))).containsAll(SolverTest.lines(eqs));
  }

  @Test
  void lpOnAConstantSumGameWithFractions() throws Exception {
    // rock-paper-scissors with payoffs summing to 3/2, shifted and scaled
    Game g =
        GameReader.parse(
            "NFG 1 R \"rps\" { \"1\" \"2\" } { 3 3 }\n"
                + "3/4 3/4 7/4 -1/4 -1/4 7/4 -1/4 7/4 3/4 3/4 7/4 -1/4 7/4 -1/4 -1/4 7/4"
                + " 3/4 3/4");
    List<Equilibrium> lp = new ZeroSumLp().solve(g);
    Rational t = Rational.of(1, 3);
    assertThat(lp.get(0).profile()).containsExactly(t, t, t, t, t, t);
    assertThat(lp.get(0).payoffs()).containsExactly(Rational.of(3, 4), Rational.of(3, 4));
    assertThat(ZeroSumLp.isConstantSum((StrategicGame) g)).isTrue();
  }

  @Test
  void refusals() throws Exception {
    Game battle = GameReaderTest.resource("battle.nfg");
    assertThatThrownBy(() -> new ZeroSumLp().solve(battle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a constant-sum game");
    Game three =
        GameReader.parse("NFG 1 R \"t\" { \"a\" \"b\" \"c\" } { 2 2 2 }\n1 2 3 4 5 6 7 8 9 10 11 12"
            + " 13 14 15 16 17 18 19 20 21 22 23 24");
    assertThatThrownBy(() -> new LemkeHowson().solve(three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-player");
    assertThatThrownBy(() -> new ZeroSumLp().solve(three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-player");
    Game tree = GameReaderTest.resource("entry.efg");
    assertThatThrownBy(() -> new ZeroSumLp().solve(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a constant-sum game");
    Game tree3 =
        GameReader.parse(
            "EFG 2 R \"t\" { \"a\" \"b\" \"c\" } \"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
                + "t \"\" 1 \"\" { 1, 2, 3 }\nt \"\" 2 \"\" { 3, 2, 1 }\n");
    assertThatThrownBy(() -> new LemkeHowson().solve(tree3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-player");
    assertThatThrownBy(() -> new ZeroSumLp().solve(tree3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-player");
    assertThat(EquilibriumSolver.byName("lcp").name()).isEqualTo("lcp");
    assertThat(EquilibriumSolver.byName("lp").name()).isEqualTo("lp");
  }

  @Property(tries = 200)
  void lcpFindsExtremeEquilibriaAndLpTheValue(
      @ForAll @IntRange(min = 1, max = 4) int m,
      @ForAll @IntRange(min = 1, max = 4) int n,
      @ForAll @Size(32) List<@IntRange(min = -3, max = 3) Integer> values) {
    StrategicGame g = SolverPropertiesTest.bimatrix(m, n, values);
    List<Equilibrium> lcp = new LemkeHowson().solve(g);
    assertThat(lcp).isNotEmpty();
    Set<List<Rational>> mixed = ReferenceGamesTest.found(new EnumMixed().solve(g));
    // a degenerate game's equilibrium may come once per basis reached, as in Gambit
    for (Equilibrium e : lcp) {
      assertThat(EquilibriumChecker.isNash(g, e.profile())).as(e.gambitLine()).isTrue();
      assertThat(mixed).contains(e.profile());
    }
    // the zero-sum game with player 1's payoffs
    Integer[] zs = values.toArray(new Integer[0]);
    for (int p = 0; p < m * n; p++) {
      zs[2 * p + 1] = 5 - zs[2 * p];
    }
    StrategicGame z = SolverPropertiesTest.bimatrix(m, n, List.of(zs));
    Equilibrium lp = new ZeroSumLp().solve(z).get(0);
    assertThat(EquilibriumChecker.isNash(z, lp.profile())).isTrue();
    for (Equilibrium e : new EnumMixed().solve(z)) {
      assertThat(e.payoffs()).isEqualTo(lp.payoffs());
    }
  }

  /** The numbers of equilibria Gambit's lcp printed on the largest games (BENCH.md). */
  @Test
  void sameCountsAsGambitsLcpOnTheLargestGames() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        folder != null, "the shared reference games (shared/games) are absent: skipped");
    java.util.Map<String, Integer> gambit =
        java.util.Map.of(
            "8x8.nfg", 5, "6x6_game_with_75_eq.nfg", 75, "todd3.nfg", 1, "csg2.nfg", 1);
    for (Path f : ReferenceGamesTest.games()) {
      Integer count = gambit.get(f.getFileName().toString());
      if (count != null) {
        assertThat(new LemkeHowson().solve(GameReader.read(f))).as(f.toString()).hasSize(count);
      }
    }
  }

  static boolean twoPlayer(Path f) {
    try {
      return GameReader.read(f).numPlayers() == 2;
    } catch (IOException | GameFormatException e) {
      return false;
    }
  }

  /**
   * Every two-player reference .nfg: lcp finds at least one equilibrium, each verified exactly
   * and each among Gambit's extreme equilibria (enummixed); lp on the constant-sum ones gives a
   * verified equilibrium with the value of every extreme equilibrium.
   */
  @TestFactory
  Stream<DynamicTest> referenceGames() throws IOException {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .filter(LcpLpTest::twoPlayer)
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "lcp/lp " + f.getFileName(),
                    () -> {
                      StrategicGame g = (StrategicGame) GameReader.read(f);
                      List<Equilibrium> eqs = new LemkeHowson().solve(g);
                      assertThat(eqs).isNotEmpty();
                      assertThat(eqs).hasSameSizeAs(ReferenceGamesTest.found(eqs));
                      for (Equilibrium e : eqs) {
                        assertThat(EquilibriumChecker.isNash(g, e.profile()))
                            .as(e.gambitLine())
                            .isTrue();
                      }
                      Path ne = Path.of(f + ".enummixed.ne");
                      if (Files.exists(ne)) {
                        assertThat(ReferenceGamesTest.reference(ne))
                            .containsAll(ReferenceGamesTest.found(eqs));
                      }
                      if (ZeroSumLp.isConstantSum(g)) {
                        Equilibrium lp = new ZeroSumLp().solve(g).get(0);
                        assertThat(EquilibriumChecker.isNash(g, lp.profile())).isTrue();
                        for (Equilibrium e : new EnumMixed().solve(g)) {
                          assertThat(e.payoffs()).isEqualTo(lp.payoffs());
                        }
                      } else {
                        assertThatThrownBy(() -> new ZeroSumLp().solve(g))
                            .hasMessage("not a constant-sum game");
                      }
                    }));
  }
}
