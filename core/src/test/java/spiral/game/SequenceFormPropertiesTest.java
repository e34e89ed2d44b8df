package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.ExtensiveGame.Outcome;

/**
 * Random small trees with perfect recall: Lemke on the sequence form ends at an exact equilibrium,
 * and on constant-sum trees the sequence-form program ends at one too, with the same payoffs (the
 * value, which every equilibrium of a constant-sum game shares).
 */
class SequenceFormPropertiesTest {
  /**
   * Chance picks one of two types (probabilities 1/3, 2/3) that player 1 sees or not; player 1
   * has a1 actions; player 2, who sees player 1's action or not, has a2; player 1 then moves again
   * (two actions) after their first action when {@code again}, remembering it; leaves get the
   * next values (player 1's; player 2's is {@code zeroSum ? -v : next}).
   */
  static ExtensiveGame tree(
      int a1, int a2, boolean seesType, boolean seesAction, boolean again, boolean zeroSum,
      List<Integer> values) {
    Iterator<Integer> v = values.iterator();
    int[] outcome = {1};
    Infoset chance =
        new Infoset(0, 1, "", List.of("x", "y"), List.of(Rational.of(1, 3), Rational.of(2, 3)));
    List<Node> types = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Infoset p1 = new Infoset(1, seesType ? 1 + t : 1, "", actions(a1), List.of());
      List<Node> moves = new ArrayList<>();
      for (int a = 0; a < a1; a++) {
        Infoset p2 = new Infoset(2, seesAction ? 1 + a : 1, "", actions(a2), List.of());
        List<Node> replies = new ArrayList<>();
        for (int b = 0; b < a2; b++) {
          if (again) {
            int set = 10 + (seesType ? t * 10 : 0) + a;
            Infoset p1b = new Infoset(1, set, "", actions(2), List.of());
            replies.add(
                new Node(
                    "", p1b, null, List.of(leaf(v, outcome, zeroSum), leaf(v, outcome, zeroSum))));
          } else {
            replies.add(leaf(v, outcome, zeroSum));
          }
        }
        moves.add(new Node("", p2, null, replies));
      }
      types.add(new Node("", p1, null, moves));
    }
    return new ExtensiveGame("random", "", List.of("1", "2"), new Node("", chance, null, types));
  }

  private static List<String> actions(int k) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      l.add("a" + i);
    }
    return l;
  }

  private static Node leaf(Iterator<Integer> v, int[] outcome, boolean zeroSum) {
    int u = v.next();
    int w = zeroSum ? -u : v.next();
    Outcome o = new Outcome(outcome[0]++, "", List.of(Rational.of(u), Rational.of(w)));
    return new Node("", null, o, List.of());
  }

  @Property(tries = 150)
  void lemkeEndsAtAnEquilibrium(
      @ForAll @IntRange(min = 1, max = 3) int a1,
      @ForAll @IntRange(min = 1, max = 3) int a2,
      @ForAll boolean seesType,
      @ForAll boolean seesAction,
      @ForAll boolean again,
      @ForAll @Size(72) List<@IntRange(min = -3, max = 3) Integer> values) {
    ExtensiveGame g = tree(a1, a2, seesType, seesAction, again, false, values);
    assertThat(g.hasPerfectRecall()).isTrue();
    Equilibrium e = new LemkeSequenceForm().solve(g).get(0);
    assertThat(EquilibriumChecker.isNash(g, e.profile())).as(e.gambitLine()).isTrue();
    assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, e.profile()));
  }

  @Property(tries = 100)
  void lpGivesTheValueOfConstantSumTrees(
      @ForAll @IntRange(min = 1, max = 3) int a1,
      @ForAll @IntRange(min = 1, max = 2) int a2,
      @ForAll boolean seesType,
      @ForAll boolean seesAction,
      @ForAll boolean again,
      @ForAll @Size(72) List<@IntRange(min = -3, max = 3) Integer> values) {
    ExtensiveGame g = tree(a1, a2, seesType, seesAction, again, true, values);
    assertThat(SequenceFormLp.isConstantSum(g)).isTrue();
    Equilibrium lp = new SequenceFormLp().solve(g).get(0);
    assertThat(EquilibriumChecker.isNash(g, lp.profile())).as(lp.gambitLine()).isTrue();
    Equilibrium lcp = new LemkeSequenceForm().solve(g).get(0);
    assertThat(lcp.payoffs()).isEqualTo(lp.payoffs());
  }
}
