package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** enummixed and spe have no fixed cap on the number of strategies (once 62, a bit mask's). */
class NoStrategyCapTest {
  /** A 2x70 game with integer payoffs that vary with the profile. */
  static StrategicGame twoBySeventy() throws GameFormatException {
    StringBuilder b = new StringBuilder("NFG 1 R \"2x70\" { \"P1\" \"P2\" } { 2 70 }\n");
    for (int j = 0; j < 70; j++) {
      for (int i = 0; i < 2; i++) {
        int u1 = (i == 0 ? j % 7 : 6 - j % 7) + (j % 3 == 0 ? 1 : 0);
        int u2 = (i == 0 ? (j * 5) % 11 : (j * 3) % 13) - (j == 69 ? 0 : 1);
        b.append(u1).append(' ').append(u2).append(' ');
      }
    }
    return (StrategicGame) GameReader.parse(b.toString());
  }

  /**
   * A two-player tree with 32 leaves and one subgame, the whole tree: chance picks one of 8
   * cases, player 1 sees it and picks a or b, player 2 picks l or r without seeing either. Its
   * reduced strategic form has 2^8 + 2 = 258 strategies.
   */
  static ExtensiveGame thirtyTwoLeaves() throws GameFormatException {
    StringBuilder b = new StringBuilder("EFG 2 R \"32 leaves\" { \"P1\" \"P2\" }\n");
    b.append("c \"\" 1 \"\" {");
    for (int k = 1; k <= 8; k++) {
      b.append(" \"").append(k).append("\" 1/8");
    }
    b.append(" } 0\n");
    int outcome = 0;
    for (int k = 1; k <= 8; k++) {
      b.append("p \"\" 1 ").append(k).append(" \"\" { \"a\" \"b\" } 0\n");
      for (int a = 0; a < 2; a++) {
        b.append("p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n");
        for (int l = 0; l < 2; l++) {
          int u1 = (a == l ? 2 : 0) + (k % 3 == a ? 1 : 0);
          int u2 = a == l ? 0 : 1 + k % 2;
          b.append("t \"\" ").append(++outcome).append(" \"\" { ").append(u1).append(", ")
              .append(u2).append(" }\n");
        }
      }
    }
    return (ExtensiveGame) GameReader.parse(b.toString());
  }

  @Test
  void enummixedSolvesTwoBySeventy() throws Exception {
    StrategicGame g = twoBySeventy();
    List<Equilibrium> eqs = new EnumMixed().solve(g);
    assertThat(eqs).isNotEmpty();
    SolverTest.allVerified(g, eqs);
    // every equilibrium Lemke-Howson reaches is an extreme equilibrium
    assertThat(SolverTest.lines(eqs)).containsAll(SolverTest.lines(new LemkeHowson().solve(g)));
  }

  @Test
  void speSolvesAThirtyTwoLeafTree() throws Exception {
    ExtensiveGame g = thirtyTwoLeaves();
    assertThat(ReducedStrategicForm.of(g).numStrategies(0)).isEqualTo(256);
    Equilibrium e = new SubgamePerfect().solve(g);
    assertThat(ReferenceGamesTest.check(g, e.profile())).as(e.gambitLine()).isTrue();
  }
}
