package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lemke on the sequence form ({@code lcp} on trees) and the sequence-form linear program ({@code
 * lp} on constant-sum trees) against the equilibria Gambit's {@code gambit-lcp} printed for every
 * two-player tree of the shared collection. Skipped when the collection is absent.
 */
class SequenceFormReferenceTest {
  /**
   * Trees where Lemke's path here ends at another equilibrium than Gambit's, with other payoffs
   * (both are equilibria: checked exactly).
   */
  static final Set<String> OTHER_PATH = Set.of();

  static Stream<Path> lcpGames() throws Exception {
    return ReferenceGamesTest.games().stream().filter(f -> Files.exists(Path.of(f + ".lcp.ne")));
  }

  static List<Rational> referenceProfile(Path f) throws Exception {
    Set<List<Rational>> ref = ReferenceGamesTest.reference(Path.of(f + ".lcp.ne"));
    assertThat(ref).hasSize(1);
    return ref.iterator().next();
  }

  @TestFactory
  Stream<DynamicTest> lcpIsGambitsEquilibrium() throws Exception {
    return lcpGames()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "lcp " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      List<Rational> ref = referenceProfile(f);
                      List<Equilibrium> eqs = new LemkeHowson().solve(g);
                      assertThat(eqs).hasSize(1);
                      Equilibrium e = eqs.get(0);
                      assertThat(EquilibriumChecker.isNash(g, e.profile()))
                          .as(e.gambitLine())
                          .isTrue();
                      assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, e.profile()));
                      if (OTHER_PATH.contains(f.getFileName().toString())) {
                        assertThat(e.profile()).isNotEqualTo(ref);
                        return;
                      }
                      assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, ref));
                      // the same profile as Gambit's, number for number
                      assertThat(e.profile()).isEqualTo(ref);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> lpHasTheValueOnConstantSumTrees() throws Exception {
    return lcpGames()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "lp " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      if (!SequenceFormLp.isConstantSum(g)) {
                        return;
                      }
                      Equilibrium e = new ZeroSumLp().solve(g).get(0);
                      assertThat(EquilibriumChecker.isNash(g, e.profile()))
                          .as(e.gambitLine())
                          .isTrue();
                      assertThat(e.payoffs())
                          .isEqualTo(EquilibriumChecker.payoffs(g, referenceProfile(f)));
                    }));
  }

  @Test
  void someTreesAreConstantSumAndOthersRefused() throws Exception {
    long constant = 0;
    for (Path f : lcpGames().toList()) {
      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
      if (SequenceFormLp.isConstantSum(g)) {
        constant++;
      } else {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ZeroSumLp().solve(g))
            .hasMessage("not a constant-sum game");
      }
    }
    System.out.println("constant-sum trees: " + constant);
    assertThat(constant).isPositive();
  }
}
