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
   * {@link #of(ExtensiveGame, List)} in floating point: the behaviour profile of a mixed profile
   * over the reduced strategic form, 0 for every action of a set the player's own strategy never
   * reaches.
   */
  public static double[] of(ExtensiveGame g, double[] mixed) {
    double[] out = new double[g.profileLength()];
    int k = 0;
    int o = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      List<int[]> strategies = ReducedStrategicForm.strategies(g, i);
      int[][] parent = parentIndex(g, i);
      if (k + strategies.size() > mixed.length) {
        throw new IllegalArgumentException("the mixed profile is too short for the tree's"
            + " reduced strategic form");
      }
      List<Infoset> sets = g.infosets(i);
      for (int s = 0; s < sets.size(); s++) {
        int m = sets.get(s).actions().size();
        double reach = 0;
        double[] real = new double[m];
        for (int j = 0; j < strategies.size(); j++) {
          int[] c = strategies.get(j);
          double x = mixed[k + j];
          if (x == 0 || (parent[0][s] >= 0 && c[parent[0][s]] != parent[1][s])) {
            continue;
          }
          reach += x;
          real[c[s]] += x;
        }
        for (int a = 0; a < m; a++) {
          out[o++] = reach == 0 ? 0 : real[a] / reach;
        }
      }
      k += strategies.size();
    }
    if (k != mixed.length) {
      throw new IllegalArgumentException("the mixed profile has " + mixed.length
          + " entries, the tree's reduced strategic form " + k + " strategies");
    }
    return out;
  }

  /**
   * A mixed profile over the reduced strategic form realisation-equivalent to a behaviour
   * profile (Kuhn): a reduced strategy's probability is the product of the probabilities of the
   * actions it chooses. Each information set's probabilities are first made a distribution:
   * negative entries count as 0, the rest are divided by their sum (uniform where it is 0).
   *
   * @throws IllegalArgumentException when {@code behaviour} is not of the tree's profile length
   */
  public static double[] mixed(ExtensiveGame g, double[] behaviour) {
    if (behaviour.length != g.profileLength()) {
      throw new IllegalArgumentException("a behaviour profile of this tree has "
          + g.profileLength() + " entries, not " + behaviour.length);
    }
    List<Double> out = new ArrayList<>();
    int o = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      List<Infoset> sets = g.infosets(i);
      double[][] b = new double[sets.size()][];
      for (int s = 0; s < sets.size(); s++) {
        int m = sets.get(s).actions().size();
        b[s] = new double[m];
        double sum = 0;
        for (int a = 0; a < m; a++) {
          b[s][a] = Math.max(0, behaviour[o++]);
          sum += b[s][a];
        }
        for (int a = 0; a < m; a++) {
          b[s][a] = sum > 0 ? b[s][a] / sum : 1.0 / m;
        }
      }
      for (int[] c : ReducedStrategicForm.strategies(g, i)) {
        double p = 1;
        for (int s = 0; s < c.length; s++) {
          if (c[s] >= 0) {
            p *= b[s][c[s]];
          }
        }
        out.add(p);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Per information set of {@code player}: the index of the set and the action leading to it
   * ({@code [0]} and {@code [1]}), -1 where no own choice leads to it. */
  private static int[][] parentIndex(ExtensiveGame g, int player) {
    List<Infoset> sets = g.infosets(player);
    Map<Infoset, Object[]> parent = ReducedStrategicForm.parents(g, player);
    java.util.Map<Infoset, Integer> index = new java.util.HashMap<>();
    for (int s = 0; s < sets.size(); s++) {
      index.put(sets.get(s), s);
    }
    int[][] out = new int[2][sets.size()];
    for (int s = 0; s < sets.size(); s++) {
      Object[] p = parent.get(sets.get(s));
      out[0][s] = p == null ? -1 : index.get((Infoset) p[0]);
      out[1][s] = p == null ? -1 : (Integer) p[1];
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
