package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequence form, Lemke and the linear program on it, beliefs and the solver deadline. */
class SequenceFormTest {
  static final Rational H = Rational.of(1, 2);

  /** Player 1: L ends; R lets chance pick h or t, unseen by player 2, who picks a or b. */
  static final String TINY =
      "EFG 2 R \"tiny\" { \"1\" \"2\" } \"\"\n"
          + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
          + "t \"\" 1 \"\" { 3/2, -1 }\n"
          + "c \"\" 1 \"\" { \"h\" 1/2 \"t\" 1/2 } 0\n"
          + "p \"\" 2 1 \"\" { \"a\" \"b\" } 0\n"
          + "t \"\" 2 \"\" { 2, 0 }\n"
          + "t \"\" 3 \"\" { 0, 2 }\n"
          + "p \"\" 2 1 \"\" { \"a\" \"b\" } 0\n"
          + "t \"\" 4 \"\" { 0, 4 }\n"
          + "t \"\" 5 \"\" { 4, 0 }\n";

  /**
   * A signalling game (after Cho and Kreps' beer-quiche): chance makes the sender strong (2/3)
   * or weak (1/3); the sender, knowing it, has beer or quiche; the receiver sees only the
   * breakfast and duels or not. The sender gets 1 for the breakfast it likes (strong: beer, weak:
   * quiche) plus 2 when there is no duel; the receiver gets 1 for dueling a weak sender or for
   * not dueling a strong one.
   */
  static final String SIGNALS =
      "EFG 2 R \"beer-quiche\" { \"Sender\" \"Receiver\" } \"\"\n"
          + "c \"\" 1 \"\" { \"strong\" 2/3 \"weak\" 1/3 } 0\n"
          + "p \"\" 1 1 \"S\" { \"beer\" \"quiche\" } 0\n"
          + "p \"\" 2 1 \"after beer\" { \"duel\" \"not\" } 0\n"
          + "t \"\" 1 \"\" { 1, 0 }\n"
          + "t \"\" 2 \"\" { 3, 1 }\n"
          + "p \"\" 2 2 \"after quiche\" { \"duel\" \"not\" } 0\n"
          + "t \"\" 3 \"\" { 0, 0 }\n"
          + "t \"\" 4 \"\" { 2, 1 }\n"
          + "p \"\" 1 2 \"W\" { \"beer\" \"quiche\" } 0\n"
          + "p \"\" 2 1 \"after beer\" { \"duel\" \"not\" } 0\n"
          + "t \"\" 5 \"\" { 0, 1 }\n"
          + "t \"\" 6 \"\" { 2, 0 }\n"
          + "p \"\" 2 2 \"after quiche\" { \"duel\" \"not\" } 0\n"
          + "t \"\" 7 \"\" { 1, 1 }\n"
          + "t \"\" 8 \"\" { 3, 0 }\n";

  static ExtensiveGame tree(String text) throws Exception {
    return (ExtensiveGame) GameReader.parse(text);
  }

  static List<Rational> r(String... values) {
    return Arrays.stream(values).map(Rational::parse).toList();
  }

  @Test
  void matricesOfATinyGameByHand() throws Exception {
    SequenceForm sf = new SequenceForm(tree(TINY));
    // player 1: empty, L, R; player 2: empty, a, b
    assertThat(sf.numSequences(0)).isEqualTo(3);
    assertThat(sf.numSequences(1)).isEqualTo(3);
    assertThat(sf.constraints(0)).isEqualTo(new int[][] {{1, 0, 0}, {-1, 1, 1}});
    assertThat(sf.constraints(1)).isEqualTo(new int[][] {{1, 0, 0}, {-1, 1, 1}});
    Rational[][] a = new Rational[3][3];
    Rational[][] b = new Rational[3][3];
    Rational[][] w = new Rational[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        a[i][j] = sf.payoff(0, i, j);
        b[i][j] = sf.payoff(1, i, j);
        w[i][j] = sf.shiftWeight(i, j);
      }
    }
    Rational z = Rational.ZERO;
    Rational one = Rational.ONE;
    assertThat(a)
        .isEqualTo(
            new Rational[][] {
              {z, z, z}, {Rational.of(3, 2), z, z}, {z, one, Rational.of(2)}
            });
    assertThat(b)
        .isEqualTo(
            new Rational[][] {
              {z, z, z}, {Rational.of(-1), z, z}, {z, Rational.of(2), one}
            });
    assertThat(w).isEqualTo(new Rational[][] {{z, z, z}, {one, z, z}, {z, one, one}});
    assertThat(sf.maxPayoff()).isEqualTo(Rational.of(4));
    assertThat(sf.minPayoff(1)).isEqualTo(Rational.of(-1));
    assertThat(sf.outcomesPerPath()).isEqualTo(1);
    assertThat(sf.unevenPaths()).isFalse();
    assertThat(sf.parentSequence(1, 0)).isZero();
    assertThat(sf.firstSequence(1, 0)).isEqualTo(1);
  }

  @Test
  void lemkeOnTheTinyGame() throws Exception {
    ExtensiveGame g = tree(TINY);
    Equilibrium e = new LemkeSequenceForm().solve(g).get(0);
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
    // L pays 3/2; R pays at most 1 against a (which player 2 prefers after R)
    assertThat(e.profile().subList(0, 2)).containsExactly(Rational.ONE, Rational.ZERO);
    assertThat(e.payoffs()).containsExactly(Rational.of(3, 2), Rational.of(-1));
    assertThat(new LemkeHowson().solve(g)).containsExactly(e);
  }

  @Test
  void uniformWhereTheOwnPlanNeverReaches() throws Exception {
    ExtensiveGame g =
        tree(
            "EFG 2 R \"t\" { \"1\" \"2\" } \"\"\n"
                + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                + "t \"\" 1 \"\" { 3, 0 }\n"
                + "p \"\" 1 2 \"\" { \"a\" \"b\" \"c\" } 0\n"
                + "t \"\" 2 \"\" { 1, 0 }\n"
                + "t \"\" 3 \"\" { 2, 0 }\n"
                + "t \"\" 4 \"\" { 0, 0 }\n");
    Equilibrium e = new LemkeSequenceForm().solve(g).get(0);
    Rational t = Rational.of(1, 3);
    assertThat(e.profile()).containsExactly(Rational.ONE, Rational.ZERO, t, t, t);
  }

  @Test
  void lpAndLemkeOnMatchingPenniesAsATree() throws Exception {
    ExtensiveGame g =
        tree(
            "EFG 2 R \"pennies\" { \"1\" \"2\" } \"\"\n"
                + "p \"\" 1 1 \"\" { \"H\" \"T\" } 0\n"
                + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
                + "t \"\" 1 \"\" { 1, -1 }\n"
                + "t \"\" 2 \"\" { -1, 1 }\n"
                + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
                + "t \"\" 2 \"\" { -1, 1 }\n"
                + "t \"\" 1 \"\" { 1, -1 }\n");
    assertThat(SequenceFormLp.isConstantSum(g)).isTrue();
    for (EquilibriumSolver s : List.of(new ZeroSumLp(), new LemkeHowson())) {
      Equilibrium e = s.solve(g).get(0);
      assertThat(e.profile()).as(s.name()).containsExactly(H, H, H, H);
      assertThat(e.payoffs()).containsExactly(Rational.ZERO, Rational.ZERO);
    }
    assertThatThrownBy(() -> new ZeroSumLp().solve(tree(TINY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a constant-sum game");
  }

  @Test
  void outcomesOnInnerNodesAndPathsWithoutOutcomes() throws Exception {
    // a constant-sum game whose payoffs come partly from an inner node; one leaf has none
    ExtensiveGame g =
        tree(
            "EFG 2 R \"inner\" { \"1\" \"2\" } \"\"\n"
                + "p \"\" 1 1 \"\" { \"a\" \"b\" } 1 \"\" { 1, -1 }\n"
                + "p \"\" 2 1 \"\" { \"c\" \"d\" } 0\n"
                + "t \"\" 2 \"\" { 2, -2 }\n"
                + "t \"\" 0\n"
                + "p \"\" 2 1 \"\" { \"c\" \"d\" } 0\n"
                + "t \"\" 3 \"\" { -1, 1 }\n"
                + "t \"\" 2 \"\" { 2, -2 }\n");
    SequenceForm sf = new SequenceForm(g);
    assertThat(sf.outcomesPerPath()).isEqualTo(2);
    assertThat(sf.unevenPaths()).isTrue();
    Equilibrium lcp = new LemkeSequenceForm().solve(g).get(0);
    Equilibrium lp = new SequenceFormLp().solve(g).get(0);
    assertThat(EquilibriumChecker.isNash(g, lcp.profile())).isTrue();
    assertThat(EquilibriumChecker.isNash(g, lp.profile())).isTrue();
    assertThat(lp.payoffs()).isEqualTo(lcp.payoffs());
    List<Equilibrium> all = new EnumMixed().solve(ReducedStrategicForm.of(g));
    assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.payoffs()).isEqualTo(lp.payoffs()));
  }

  @Test
  void refusals() throws Exception {
    ExtensiveGame three =
        tree(
            "EFG 2 R \"t\" { \"a\" \"b\" \"c\" } \"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
                + "t \"\" 1 \"\" { 1, 2, 3 }\nt \"\" 2 \"\" { 3, 2, 1 }\n");
    assertThatThrownBy(() -> new SequenceForm(three)).hasMessageContaining("two-player");
    assertThatThrownBy(() -> new LemkeSequenceForm().solve(GameReaderTest.resource("battle.nfg")))
        .hasMessageContaining("trees");
  }

  @Test
  void beliefsInASignallingGame() throws Exception {
    ExtensiveGame g = tree(SIGNALS);
    // pooling on beer; the receiver does not duel after beer and duels after quiche
    List<Rational> pooling = r("1", "0", "1", "0", "0", "1", "1", "0");
    assertThat(EquilibriumChecker.isNash(g, pooling)).isTrue();
    List<List<List<Rational>>> b = Beliefs.of(g, pooling);
    assertThat(b.get(0)).containsExactly(r("1"), r("1"));
    assertThat(b.get(1).get(0)).isEqualTo(r("2/3", "1/3"));
    assertThat(b.get(1).get(1)).isNull();
    // separating: strong has beer, weak quiche
    List<Rational> separating = r("1", "0", "0", "1", "0", "1", "1", "0");
    b = Beliefs.of(g, separating);
    assertThat(b.get(1)).containsExactly(r("1", "0"), r("0", "1"));
    // a mixed profile: weak has beer with probability 1/2
    b = Beliefs.of(g, r("1", "0", "1/2", "1/2", "1/2", "1/2", "1/2", "1/2"));
    assertThat(b.get(1)).containsExactly(r("4/5", "1/5"), r("0", "1"));
    // lcp's equilibrium has beliefs that sum to 1 where the set is reached
    Equilibrium e = new LemkeSequenceForm().solve(g).get(0);
    assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
    for (List<Rational> belief : Beliefs.of(g, e.profile()).get(1)) {
      if (belief != null) {
        assertThat(belief.stream().reduce(Rational.ZERO, Rational::add)).isEqualTo(Rational.ONE);
      }
    }
  }

  @Test
  void beliefsInPoker() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    assumeTrue(folder != null, "the shared reference games (shared/games) are absent: skipped");
    Path f = folder.resolve("doc").resolve("poker.efg");
    assumeTrue(Files.exists(f), "doc/poker.efg is absent: skipped");
    ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
    Equilibrium e = new LemkeSequenceForm().solve(g).get(0);
    assertThat(e.gambitLine()).isEqualTo("NE,1,0,1/3,2/3,2/3,1/3");
    assertThat(e.payoffs()).isEqualTo(r("1/3", "-1/3"));
    // Alice always raises with the king, bluffs with the queen a third of the time: Bob, raised,
    // holds the king-node with probability (1/2) / (1/2 + 1/6) = 3/4
    List<List<List<Rational>>> b = Beliefs.of(g, e.profile());
    assertThat(b.get(0)).containsExactly(r("1"), r("1"));
    assertThat(b.get(1)).containsExactly(r("3/4", "1/4"));
    assertThat(new SequenceFormLp().solve(g).get(0).payoffs()).isEqualTo(e.payoffs());
  }

  @Test
  void deadline() throws Exception {
    Deadline.check(); // no deadline: nothing happens
    StrategicGame battle = (StrategicGame) GameReaderTest.resource("battle.nfg");
    assertThat(Deadline.within(Duration.ofMinutes(1), () -> new EnumMixed().solve(battle)))
        .hasSize(3);
    assertThatThrownBy(() -> Deadline.within(Duration.ZERO, () -> new EnumMixed().solve(battle)))
        .isInstanceOf(Deadline.Exceeded.class)
        .hasMessage("gave up after 0 s");
    assertThatThrownBy(
            () -> Deadline.within(Duration.ofMillis(1500), () -> {
              while (true) {
                Deadline.check();
              }
            }))
        .isInstanceOf(Deadline.Exceeded.class)
        .hasMessage("gave up after 1.5 s")
        .satisfies(x -> assertThat(((Deadline.Exceeded) x).limit()).hasMillis(1500));
    Deadline.check(); // the deadline ends with within
    assertThatThrownBy(() -> Deadline.within(Duration.ofSeconds(-1), () -> 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
