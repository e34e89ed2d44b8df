package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SolverTest {
  static Set<String> lines(List<Equilibrium> eqs) {
    return eqs.stream().map(Equilibrium::gambitLine).collect(Collectors.toSet());
  }

  static void allVerified(Game g, List<Equilibrium> eqs) {
    for (Equilibrium e : eqs) {
      assertThat(ReferenceGamesTest.check(g, e.profile())).as(e.gambitLine()).isTrue();
    }
  }

  @Test
  void prisonersDilemma() throws Exception {
    Game g = GameReaderTest.resource("prisoners.nfg");
    List<Equilibrium> pure = new EnumPure().solve(g);
    assertThat(lines(pure)).containsExactly("NE,0,1,0,1");
    assertThat(pure.get(0).payoffs()).containsExactly(Rational.ONE, Rational.ONE);
    assertThat(lines(new EnumMixed().solve(g))).containsExactly("NE,0,1,0,1");
  }

  @Test
  void matchingPennies() throws Exception {
    Game g = GameReaderTest.resource("matching.nfg");
    assertThat(new EnumPure().solve(g)).isEmpty();
    List<Equilibrium> mixed = new EnumMixed().solve(g);
    assertThat(lines(mixed)).containsExactly("NE,1/2,1/2,1/2,1/2");
    assertThat(mixed.get(0).payoffs()).containsExactly(Rational.ZERO, Rational.ZERO);
    assertThat(mixed.get(0).gambitLine(3)).isEqualTo("NE,0.500,0.500,0.500,0.500");
  }

  @Test
  void battleOfTheSexes() throws Exception {
    Game g = GameReaderTest.resource("battle.nfg");
    List<Equilibrium> mixed = new EnumMixed().solve(g);
    assertThat(lines(mixed))
        .containsExactlyInAnyOrder("NE,1,0,1,0", "NE,0,1,0,1", "NE,2/3,1/3,1/3,2/3");
    allVerified(g, mixed);
  }

  @Test
  void degenerateGame() throws Exception {
    Game g = GameReaderTest.resource("degenerate.nfg");
    List<Equilibrium> mixed = new EnumMixed().solve(g);
    allVerified(g, mixed);
    // every pure equilibrium is an extreme equilibrium
    assertThat(lines(mixed)).containsAll(lines(new EnumPure().solve(g)));
  }

  @Test
  void treeEnumPure() throws Exception {
    Game g = GameReaderTest.resource("entry.efg");
    List<Equilibrium> eqs = new EnumPure().solve(g);
    assertThat(lines(eqs))
        .containsExactlyInAnyOrder("NE,1,0,0,1,0,1", "NE,0,1,1,0,1,0", "NE,0,1,0,1,1,0");
    allVerified(g, eqs);
    assertThat(new EnumPure().solve(g).get(0).payoffs()).hasSize(2);
  }

  @Test
  void agentEquilibriumIsNotNash() throws Exception {
    ExtensiveGame g = (ExtensiveGame) GameReaderTest.resource("myerson.efg");
    assertThat(lines(new EnumPure().solve(g))).containsExactly("NE,1,0,0,1,0,1");
    // B1, (Z1 unreached), W2: no single-set deviation pays, but A1 with Y1 does
    List<Rational> agent =
        List.of(Rational.ZERO, Rational.ONE, Rational.ZERO, Rational.ZERO, Rational.ONE,
            Rational.ZERO);
    assertThat(EquilibriumChecker.isNash(g, agent)).isFalse();
  }

  @Test
  void reducedStrategicForm() throws Exception {
    ExtensiveGame g = (ExtensiveGame) GameReaderTest.resource("myerson.efg");
    StrategicGame r = ReducedStrategicForm.of(g);
    assertThat(r.strategies().get(0)).containsExactly("11", "12", "2*");
    assertThat(r.strategies().get(1)).containsExactly("1", "2");
    List<Equilibrium> eqs = new EnumMixed().solve(g);
    assertThat(lines(eqs)).contains("NE,0,1,0,0,1");
    allVerified(r, eqs);
  }

  @Test
  void checkerRejectsNonEquilibria() throws Exception {
    StrategicGame g = (StrategicGame) GameReaderTest.resource("prisoners.nfg");
    Rational h = Rational.of(1, 2);
    assertThat(EquilibriumChecker.isNash(g, List.of(h, h, h, h))).isFalse();
    assertThat(EquilibriumChecker.isNash(g, List.of(Rational.ONE, Rational.ZERO, Rational.ZERO,
        Rational.ONE))).isFalse();
    assertThat(EquilibriumChecker.isNash(g, List.of(Rational.ZERO, h, Rational.ZERO,
        Rational.ONE))).isFalse();
  }

  @Test
  void methodsRefuseGamesTheyDoNotApplyTo() throws Exception {
    Game three =
        GameReader.parse("NFG 1 R \"t\" { \"a\" \"b\" \"c\" } { 2 2 2 }\n1 2 3 4 5 6 7 8 9 10 11 12"
            + " 13 14 15 16 17 18 19 20 21 22 23 24");
    assertThatThrownBy(() -> new EnumMixed().solve(three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-player");
    Game forgetful =
        GameReader.parse(
            "EFG 2 R \"t\" { \"a\" } \"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
                + "p \"\" 1 2 \"\" { \"u\" \"v\" } 0\nt \"\" 0\nt \"\" 0\n"
                + "p \"\" 1 2 0\nt \"\" 0\nt \"\" 0\n");
    assertThat(((ExtensiveGame) forgetful).hasPerfectRecall()).isFalse();
    assertThatThrownBy(() -> new EnumPure().solve(forgetful))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imperfect recall");
    assertThat(EquilibriumSolver.byName("enummixed").name()).isEqualTo("enummixed");
    assertThat(EquilibriumSolver.byName("nope")).isNull();
  }
}
