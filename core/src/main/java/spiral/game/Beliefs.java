package spiral.game;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * The beliefs a behaviour profile induces at the information sets of a tree (Bayes' rule; Kreps
 * and Wilson, "Sequential equilibria", Econometrica 50, 1982): at each set, each node's
 * realisation probability (the product of the chance and behaviour probabilities on its path)
 * divided by the sum over the set's nodes. A set reached with probability 0 has no belief that
 * Bayes' rule defines: it is given as null. Cost: one pass over the tree, O(nodes) rational
 * operations.
 */
public final class Beliefs {
  private Beliefs() {}

  /**
   * For each personal player in order, for each of their information sets in Gambit's order
   * ({@link ExtensiveGame#infosets(int)}), the belief over the set's nodes in depth-first order
   * of the tree, or null where the set is reached with probability 0.
   *
   * @throws IllegalArgumentException when the profile's length does not fit the game
   */
  public static List<List<List<Rational>>> of(ExtensiveGame g, List<Rational> profile) {
    EquilibriumChecker.Behaviour b = new EquilibriumChecker.Behaviour(g, profile);
    Map<Infoset, List<Rational>> reach = new HashMap<>();
    walk(g.root(), Rational.ONE, b, reach);
    List<List<List<Rational>>> out = new ArrayList<>();
    for (int i = 1; i <= g.numPlayers(); i++) {
      List<List<Rational>> player = new ArrayList<>();
      for (Infoset s : g.infosets(i)) {
        List<Rational> r = reach.get(s);
        Rational sum = Rational.ZERO;
        for (Rational x : r) {
          sum = sum.add(x);
        }
        if (sum.isZero()) {
          player.add(null);
        } else {
          List<Rational> belief = new ArrayList<>(r.size());
          for (Rational x : r) {
            belief.add(x.divide(sum));
          }
          player.add(List.copyOf(belief));
        }
      }
      out.add(Collections.unmodifiableList(player));
    }
    return List.copyOf(out);
  }

  private static void walk(
      Node n, Rational w, EquilibriumChecker.Behaviour b, Map<Infoset, List<Rational>> reach) {
    Infoset s = n.infoset();
    if (s == null) {
      return;
    }
    if (!s.isChance()) {
      reach.computeIfAbsent(s, k -> new ArrayList<>()).add(w);
    }
    Rational[] p = b.probs(s);
    for (int a = 0; a < p.length; a++) {
      walk(n.children().get(a), w.multiply(p[a]), b, reach);
    }
  }
}
