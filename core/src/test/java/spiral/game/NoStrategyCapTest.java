package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No fixed cap on the number of strategies: enummixed and spe (once 62, a bit mask's), and a
 * tree's reduced strategic form and pure enumeration (once 5,000,000 and 100,000,000 profiles),
 * whose limits are the heap's free memory and the deadline.
 */
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

  /** {@link TestTrees#cases}, read. */
  static ExtensiveGame cases(int cases) throws GameFormatException {
    return (ExtensiveGame) GameReader.parse(TestTrees.cases(cases));
  }


  @Test
  void theReducedFormIsLimitedByMemoryNotByACount() throws Exception {
    // 2^12 x 2^12 = 16,777,216 profiles: over the old cap of 5,000,000, about 6 GiB
    ExtensiveGame big = cases(12);
    assertThat(ReducedStrategicForm.profiles(big)).isEqualTo(BigInteger.ONE.shiftLeft(24));
    BigInteger needed = ReducedStrategicForm.bytesNeeded(big);
    assertThat(needed).isBetween(BigInteger.valueOf(5L << 30), BigInteger.valueOf(7L << 30));
    ReducedStrategicForm.checkMemory(big, 8L << 30); // a heap with 8 GiB free would hold it
    assertThatThrownBy(() -> ReducedStrategicForm.checkMemory(big, 1L << 30))
        .isInstanceOf(TooLargeForMemory.class)
        .hasMessageContaining("too large for memory")
        .hasMessageContaining("16777216 pure strategy profiles need about 5.6 GiB")
        .hasMessageContaining("1.0 GiB is free")
        .hasMessageContaining("-Xmx");
    // a small form is built where the memory holds it, and refused where it does not
    ExtensiveGame small = thirtyTwoLeaves();
    assertThat(ReducedStrategicForm.of(small, 1L << 30).numProfiles()).isEqualTo(256 * 2);
    assertThatThrownBy(() -> ReducedStrategicForm.of(small, 100_000))
        .isInstanceOf(TooLargeForMemory.class)
        .hasMessageContaining("512 pure strategy profiles need about 2");
    // more profiles than a Java array holds: refused whatever the heap
    ExtensiveGame huge = cases(16);
    assertThatThrownBy(() -> ReducedStrategicForm.checkMemory(huge, Long.MAX_VALUE))
        .isInstanceOf(TooLargeForMemory.class)
        .hasMessageContaining("4294967296 pure strategy profiles, more than a Java array holds");
  }

  @Test
  void pureEnumerationOnATreeIsLimitedByMemoryNotByACount() throws Exception {
    // 2^14 x 2^14 = 268,435,456 profiles (over the old cap of 100,000,000): the memoised best
    // responses take 2 x 2^14 values, a few MiB
    ExtensiveGame big = cases(14);
    assertThat(EnumPure.bytesNeeded(big)).isLessThan(BigInteger.valueOf(16L << 20));
    EnumPure.checkMemory(big, 16L << 20);
    assertThatThrownBy(() -> EnumPure.checkMemory(big, 1L << 20))
        .isInstanceOf(TooLargeForMemory.class)
        .hasMessageContaining("enumerating its 268435456 reduced pure strategy profiles");
  }

  @Test
  void buildingTheReducedFormAndEnumeratingStopAtTheDeadline() throws Exception {
    // 65,536 profiles: about a second to build; a deadline of 1 ns stops it at the first check
    ExtensiveGame g = cases(8);
    assertThatThrownBy(
            () -> Deadline.within(Duration.ofNanos(1), () -> ReducedStrategicForm.of(g)))
        .isInstanceOf(Deadline.Exceeded.class);
    assertThatThrownBy(() -> Deadline.within(Duration.ofNanos(1), () -> new EnumPure().solve(g)))
        .isInstanceOf(Deadline.Exceeded.class);
    assertThatThrownBy(
            () -> Deadline.within(Duration.ofNanos(1), () -> ReducedStrategicForm.strategies(g, 1)))
        .isInstanceOf(Deadline.Exceeded.class);
  }

  @Test
  void enummixedIsBoundedByTheDeadlineNotByACountOfBases() throws Exception {
    // 16x16: C(32, 16) = 601,080,390 bases per polytope, once refused (the limit was 200,000,000)
    StringBuilder b = new StringBuilder("NFG 1 R \"16x16\" { \"1\" \"2\" } { 16 16 }\n");
    for (int p = 0; p < 256; p++) {
      b.append((p * 37) % 23).append(' ').append((p * 53) % 29).append(' ');
    }
    StrategicGame g = (StrategicGame) GameReader.parse(b.toString());
    assertThatThrownBy(() -> Deadline.within(Duration.ofMillis(50), () -> new EnumMixed().solve(g)))
        .isInstanceOf(Deadline.Exceeded.class);
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
