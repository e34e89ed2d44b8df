package spiral.game;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import spiral.game.ExtensiveGame.Infoset;

/**
 * Behaviour strategies of a tree with perfect recall from mixed strategies over its reduced
 * strategic form ({@link ReducedStrategicForm}), realisation-equivalent by Kuhn's theorem: at each
 * information set, an action's probability is the probability of the player's sequence that ends
 * with it divided by the probability of the sequence that leads to the set. At a set that the
 * player's own mixed strategy never reaches the quotient is undefined and every action gets 0 (as
 * Gambit's enumpure prints such sets). Realisation-equivalent profiles give every player the same
 * expected payoff against anything, so a Nash equilibrium of the reduced strategic form becomes
 * one of the tree.
 *
 * <p>Cost: (reduced strategies) x (information sets) per player, exact.
 */
public final class BehaviourStrategies {
  private BehaviourStrategies() {}

  /**
   * The behaviour profile (players in order, information sets in depth-first order of first
   * appearance, actions in file order) of a mixed profile over the reduced strategic form, whose
   * strategies are in {@link ReducedStrategicForm}'s order.
   */
  public static List<Rational> of(ExtensiveGame g, List<Rational> mixed) {
    List<Rational> out = new ArrayList<>();
    int k = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      List<int[]> strategies = ReducedStrategicForm.strategies(g, i);
      List<Infoset> sets = g.infosets(i);
      Map<Infoset, Object[]> parent = ReducedStrategicForm.parents(g, i);
      java.util.Map<Infoset, Integer> index = new java.util.HashMap<>();
      for (int s = 0; s < sets.size(); s++) {
        index.put(sets.get(s), s);
      }
      if (k + strategies.size() > mixed.size()) {
        throw new IllegalArgumentException("the mixed profile is too short for the tree's"
            + " reduced strategic form");
      }
      for (int s = 0; s < sets.size(); s++) {
        int m = sets.get(s).actions().size();
        Object[] p = parent.get(sets.get(s));
        int ps = p == null ? -1 : index.get((Infoset) p[0]);
        int pa = p == null ? -1 : (Integer) p[1];
        Rational reach = Rational.ZERO;
        Rational[] real = new Rational[m];
        java.util.Arrays.fill(real, Rational.ZERO);
        for (int j = 0; j < strategies.size(); j++) {
          int[] c = strategies.get(j);
          Rational x = mixed.get(k + j);
          if (x.isZero() || (ps >= 0 && c[ps] != pa)) {
            continue;
          }
          reach = reach.add(x);
          real[c[s]] = real[c[s]].add(x);
        }
        for (int a = 0; a < m; a++) {
          out.add(reach.isZero() ? Rational.ZERO : real[a].divide(reach));
        }
      }
      k += strategies.size();
    }
    if (k != mixed.size()) {
      throw new IllegalArgumentException("the mixed profile has " + mixed.size()
          + " entries, the tree's reduced strategic form " + k + " strategies");
    }
    return out;
  }

  /**
   * Equilibria of a tree in behaviour strategies from equilibria of its reduced strategic form:
   * each converted by {@link #of}, duplicates dropped (first kept), and each kept only when its
   * largest regret on the tree (exact, {@link EquilibriumChecker#maxRegret(ExtensiveGame, List)})
   * is at most {@code maxRegret}; at most {@code stopAfter} (0: all).
   */
  public static List<Equilibrium> equilibria(
      ExtensiveGame g, List<Equilibrium> mixed, Rational maxRegret, int stopAfter) {
    Set<List<Rational>> seen = new LinkedHashSet<>();
    List<Equilibrium> out = new ArrayList<>();
    for (Equilibrium e : mixed) {
      Deadline.check();
      List<Rational> b = of(g, e.profile());
      if (!seen.add(b)) {
        continue;
      }
      if (EquilibriumChecker.maxRegret(g, b).compareTo(maxRegret) > 0) {
        continue;
      }
      out.add(new Equilibrium(b, EquilibriumChecker.payoffs(g, b)));
      if (stopAfter > 0 && out.size() >= stopAfter) {
        break;
      }
    }
    return out;
  }
}
