package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** enumpoly on trees in behaviour strategies, and the conversion from mixed strategies. */
class EnumPolyTreeTest {
  /** {@link TestTrees#HAND}. */
  static final String HAND = TestTrees.HAND;

  static ExtensiveGame read(String text) throws Exception {
    return (ExtensiveGame)
        GameReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Rational> parse(String csv) {
    return Stream.of(csv.split(",")).map(Rational::parse).toList();
  }

  @Test
  void handCheckedTree() throws Exception {
    ExtensiveGame g = read(HAND);
    // Reduced strategies: player 1 L*, Ra, Rb; player 2 l, r. Player 2 prefers r whenever R is
    // played, so (L, r) is the only isolated equilibrium; L with l at most 1/2 is a continuum.
    List<Equilibrium> eqs = new SupportEnumeration().solve(g);
    assertThat(eqs).extracting(Equilibrium::gambitLine).containsExactly("NE,1,0,0,0,0,1");
    assertThat(eqs.get(0).payoffs()).containsExactly(Rational.of(2), Rational.ZERO);
    assertThat(EquilibriumChecker.isNash(g, eqs.get(0).profile())).isTrue();
  }

  @Test
  void kuhnConversion() throws Exception {
    ExtensiveGame g = read(HAND);
    // player 1: L 1/2, Ra 1/3, Rb 1/6; player 2: l 1/4, r 3/4
    List<Rational> b = BehaviourStrategies.of(g, parse("1/2,1/3,1/6,1/4,3/4"));
    assertThat(b).isEqualTo(parse("1/2,1/2,2/3,1/3,1/4,3/4"));
    StrategicGame form = ReducedStrategicForm.of(g);
    assertThat(EquilibriumChecker.payoffs(g, b))
        .isEqualTo(EquilibriumChecker.payoffs(form, parse("1/2,1/3,1/6,1/4,3/4")));
    assertThatThrownBy(() -> BehaviourStrategies.of(g, parse("1,0,0,1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void imperfectRecallIsRefused() throws Exception {
    ExtensiveGame g = read("EFG 2 R \"forget\" { \"1\" \"2\" } \"\"\n"
        + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 1 \"\" { 1, 0 }\n"
        + "t \"\" 2 \"\" { 0, 1 }\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 3 \"\" { 0, 1 }\n"
        + "t \"\" 4 \"\" { 1, 0 }\n");
    assertThatThrownBy(() -> new SupportEnumeration().solve(g))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imperfect recall");
  }

  /**
   * Every reference tree with Gambit's pure equilibria: each behaviour profile printed is an
   * equilibrium of the tree, and every pure equilibrium Gambit printed is among them (both print
   * 0 at a set the player's own play never reaches). Trees whose reduced form is too large for
   * support enumeration, or that take more than a few seconds, are passed over.
   */
  @TestFactory
  Stream<DynamicTest> referenceTrees() throws Exception {
    AtomicInteger solved = new AtomicInteger();
    List<Path> trees = ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".efg"))
        .filter(f -> Files.exists(Path.of(f + ".enumpure.ne")))
        .toList();
    Stream<DynamicTest> each = trees.stream().map(f -> DynamicTest.dynamicTest(
        "enumpoly behaviour " + f.getFileName(),
        () -> {
          ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
          if (!g.hasPerfectRecall()) {
            return;
          }
          List<Equilibrium> eqs;
          try {
            eqs = Deadline.within(Duration.ofSeconds(3),
                () -> new SupportEnumeration().solve(g));
          } catch (Deadline.Exceeded | IllegalArgumentException e) {
            return;
          }
          StrategicGame form = ReducedStrategicForm.of(g);
          Rational bound =
              EquilibriumChecker.payoffRange(form).multiply(Rational.of(1, 100_000_000));
          Set<List<Rational>> found = new HashSet<>();
          for (Equilibrium e : eqs) {
            assertThat(found.add(e.profile())).as("printed once").isTrue();
            assertThat(e.profile()).hasSize(g.profileLength());
            assertThat(EquilibriumChecker.maxRegret(g, e.profile())).isLessThanOrEqualTo(bound);
          }
          assertThat(found)
              .containsAll(ReferenceGamesTest.reference(Path.of(f + ".enumpure.ne")));
          solved.incrementAndGet();
        }));
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest(
        "most reference trees are solved", () -> assertThat(solved.get()).isGreaterThan(100))));
  }
}
