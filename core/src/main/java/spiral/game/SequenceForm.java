package spiral.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * The sequence form of a two-player tree with perfect recall (von Stengel, "Efficient computation
 * of behavior strategies", GEB 14, 1996; Koller, Megiddo and von Stengel, "Efficient computation
 * of equilibria for extensive two-person games", GEB 14, 1996).
 *
 * <p>A player's sequences are the empty sequence (index 0) and one per action of each of their
 * information sets: the set's actions occupy consecutive indices, sets in depth-first order of
 * first appearance ({@link ExtensiveGame#infosets(int)}), actions in file order. A realisation
 * plan x gives each sequence the probability that the player's own choices play it; it satisfies
 * Ex = e, x >= 0, where row 0 of E says x(empty) = 1 and row 1 + k says that the actions of set k
 * add up to the set's parent sequence (the player's last own move before it). The payoff matrices
 * hold, for each pair of sequences, the sum over the nodes they lead to of the chance probability
 * times the outcome found there (outcomes on inner nodes count where they are), so that player
 * i's expected payoff is x'A_i y. {@link #shiftWeight} tells how to shift payoffs uniformly.
 * Cost of building it: one pass over the tree plus O(sequences of player 1 x sequences of player
 * 2) for the dense matrices.
 */
public final class SequenceForm {
  private final ExtensiveGame game;
  private final int[] numSequences = new int[2];
  private final int[][] parent = new int[2][];
  private final int[][] first = new int[2][];
  private final Rational[][][] payoff;
  private final Rational[][] reach;
  private final Rational[][][] leafPayoff;
  private final Rational[][] leafWeight;
  private Rational maxLeafPayoff;
  private final Map<Infoset, Integer> setIndex = new HashMap<>();
  private Rational maxOutcome;
  private final Rational[] minOutcome = new Rational[2];
  private int outcomesPerPath;
  private boolean uneven;

  /**
   * The sequence form of {@code game}.
   *
   * @throws IllegalArgumentException unless the game has two players and perfect recall
   */
  public SequenceForm(ExtensiveGame game) {
    if (game.numPlayers() != 2) {
      throw new IllegalArgumentException(
          "the sequence form needs a two-player game (this one has " + game.numPlayers() + ")");
    }
    game.requirePerfectRecall();
    this.game = game;
    for (int p = 0; p < 2; p++) {
      List<Infoset> sets = game.infosets(p + 1);
      parent[p] = new int[sets.size()];
      first[p] = new int[sets.size()];
      int s = 1;
      for (int k = 0; k < sets.size(); k++) {
        setIndex.put(sets.get(k), k);
        first[p][k] = s;
        s += sets.get(k).actions().size();
      }
      numSequences[p] = s;
    }
    payoff = new Rational[2][numSequences[0]][numSequences[1]];
    reach = new Rational[numSequences[0]][numSequences[1]];
    leafPayoff = new Rational[2][numSequences[0]][numSequences[1]];
    leafWeight = new Rational[numSequences[0]][numSequences[1]];
    for (int i = 0; i < numSequences[0]; i++) {
      for (int j = 0; j < numSequences[1]; j++) {
        payoff[0][i][j] = Rational.ZERO;
        payoff[1][i][j] = Rational.ZERO;
        reach[i][j] = Rational.ZERO;
        leafPayoff[0][i][j] = Rational.ZERO;
        leafPayoff[1][i][j] = Rational.ZERO;
        leafWeight[i][j] = Rational.ZERO;
      }
    }
    outcomesPerPath = Math.max(1, maxCount(game.root()));
    walk(game.root(), Rational.ONE, new int[2], 0);
    walkLeaves(game.root(), Rational.ONE, new int[2], Rational.ZERO, Rational.ZERO);
    if (maxOutcome == null) {
      maxOutcome = Rational.ZERO;
    }
  }

  private static int maxCount(Node n) {
    int best = 0;
    for (Node c : n.children()) {
      best = Math.max(best, maxCount(c));
    }
    return best + (n.outcome() != null ? 1 : 0);
  }

  /** Second pass: each leaf's path total, at the leaf's pair of sequences (see {@link #leafPayoff}). */
  private void walkLeaves(Node n, Rational prob, int[] seq, Rational total1, Rational total2) {
    if (n.outcome() != null) {
      total1 = total1.add(n.outcome().payoffs().get(0));
      total2 = total2.add(n.outcome().payoffs().get(1));
    }
    Infoset s = n.infoset();
    if (s == null) {
      int i = seq[0];
      int j = seq[1];
      leafWeight[i][j] = leafWeight[i][j].add(prob);
      leafPayoff[0][i][j] = leafPayoff[0][i][j].add(prob.multiply(total1));
      leafPayoff[1][i][j] = leafPayoff[1][i][j].add(prob.multiply(total2));
      Rational m = total1.max(total2);
      maxLeafPayoff = maxLeafPayoff == null ? m : maxLeafPayoff.max(m);
      return;
    }
    if (s.isChance()) {
      for (int a = 0; a < n.children().size(); a++) {
        walkLeaves(
            n.children().get(a), prob.multiply(s.probabilities().get(a)), seq, total1, total2);
      }
      return;
    }
    int p = s.player() - 1;
    int k = setIndex.get(s);
    int saved = seq[p];
    for (int a = 0; a < n.children().size(); a++) {
      seq[p] = first[p][k] + a;
      walkLeaves(n.children().get(a), prob, seq, total1, total2);
    }
    seq[p] = saved;
  }

  private void walk(Node n, Rational prob, int[] seq, int count) {
    if (n.outcome() != null) {
      count++;
      reach[seq[0]][seq[1]] = reach[seq[0]][seq[1]].add(prob);
      for (int p = 0; p < 2; p++) {
        Rational u = n.outcome().payoffs().get(p);
        payoff[p][seq[0]][seq[1]] = payoff[p][seq[0]][seq[1]].add(prob.multiply(u));
        maxOutcome = maxOutcome == null ? u : maxOutcome.max(u);
        minOutcome[p] = minOutcome[p] == null ? u : minOutcome[p].min(u);
      }
    }
    Infoset s = n.infoset();
    if (s == null) {
      if (count < outcomesPerPath) {
        uneven = true;
        reach[seq[0]][seq[1]] =
            reach[seq[0]][seq[1]].add(prob.multiply(Rational.of(outcomesPerPath - count)));
      }
      return;
    }
    if (s.isChance()) {
      for (int a = 0; a < n.children().size(); a++) {
        walk(n.children().get(a), prob.multiply(s.probabilities().get(a)), seq, count);
      }
      return;
    }
    int p = s.player() - 1;
    int k = setIndex.get(s);
    parent[p][k] = seq[p];
    int saved = seq[p];
    for (int a = 0; a < n.children().size(); a++) {
      seq[p] = first[p][k] + a;
      walk(n.children().get(a), prob, seq, count);
    }
    seq[p] = saved;
  }

  /** The game. */
  public ExtensiveGame game() {
    return game;
  }

  /** Number of sequences of player {@code player} (0 or 1), the empty sequence included. */
  public int numSequences(int player) {
    return numSequences[player];
  }

  /** Number of information sets of player {@code player} (0 or 1). */
  public int numInfosets(int player) {
    return first[player].length;
  }

  /** Index of the first sequence (first action) of information set {@code k} of a player. */
  public int firstSequence(int player, int k) {
    return first[player][k];
  }

  /**
   * The sequence that leads to information set {@code k} of a player (0 for the empty sequence).
   */
  public int parentSequence(int player, int k) {
    return parent[player][k];
  }

  /** Player {@code player}'s (0 or 1) payoff for sequence pair (i, j), chance included. */
  public Rational payoff(int player, int i, int j) {
    return payoff[player][i][j];
  }

  /**
   * The weight of sequence pair (i, j) in a uniform shift of the payoffs: the chance probability
   * of the nodes with an outcome that the pair leads to, plus, for each leaf it leads to, its
   * chance probability times the number of outcomes its path lacks from {@link
   * #outcomesPerPath}. Adding c times these weights to every payoff entry adds c x
   * outcomesPerPath to every pure profile's payoff, so the equilibria stay the same; when every
   * path has the same number of outcomes it is the shift by c of every outcome.
   */
  public Rational shiftWeight(int i, int j) {
    return reach[i][j];
  }

  /** The largest number of outcomes on a path from the root to a leaf (at least 1). */
  public int outcomesPerPath() {
    return outcomesPerPath;
  }

  /**
   * Player {@code player}'s (0 or 1) payoff for sequence pair (i, j) with every outcome moved to
   * the leaves below it: the sum over the leaves the pair leads to of the chance probability times
   * the total of the outcomes on the leaf's path (as Gambit's trees count payoffs). For every
   * realisation plan pair x'Ay is the same as with {@link #payoff}; only the matrix differs where
   * outcomes sit on inner nodes.
   */
  public Rational leafPayoff(int player, int i, int j) {
    return leafPayoff[player][i][j];
  }

  /** The chance probability of the leaves that sequence pair (i, j) leads to. */
  public Rational leafWeight(int i, int j) {
    return leafWeight[i][j];
  }

  /** The largest path total ({@link #leafPayoff}) of any leaf to either player. */
  public Rational maxLeafPayoff() {
    return maxLeafPayoff == null ? Rational.ZERO : maxLeafPayoff;
  }

  /** Whether some path from the root to a leaf has fewer than {@link #outcomesPerPath} outcomes. */
  public boolean unevenPaths() {
    return uneven;
  }

  /** The least payoff of any outcome to player {@code player} (0 or 1; 0 without outcomes). */
  public Rational minPayoff(int player) {
    return minOutcome[player] == null ? Rational.ZERO : minOutcome[player];
  }

  /** The largest payoff of any outcome to either player (0 without outcomes). */
  public Rational maxPayoff() {
    return maxOutcome;
  }

  /**
   * The constraint matrix of player {@code player} (E for 0, F for 1): (sets + 1) x sequences,
   * entries 0, 1 and -1; the right-hand side is (1, 0, ..., 0).
   */
  public int[][] constraints(int player) {
    int sets = numInfosets(player);
    int[][] e = new int[sets + 1][numSequences[player]];
    e[0][0] = 1;
    for (int k = 0; k < sets; k++) {
      int par = parent[player][k];
      e[k + 1][par] = -1;
      int size = game.infosets(player + 1).get(k).actions().size();
      for (int a = 0; a < size; a++) {
        e[k + 1][first[player][k] + a] = 1;
      }
    }
    return e;
  }

  /**
   * Behaviour strategies from realisation plans given as non-negative weights (any common positive
   * scale): at each information set, each action's share of the weight of the set's actions; the
   * uniform distribution where the weights are all zero (a set the player's own plan never
   * reaches), as Gambit prints it. Returns the behaviour profile in Gambit's order.
   */
  public List<Rational> behaviour(List<List<Rational>> plans) {
    List<Rational> out = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      List<Rational> x = plans.get(p);
      List<Infoset> sets = game.infosets(p + 1);
      for (int k = 0; k < sets.size(); k++) {
        int size = sets.get(k).actions().size();
        Rational sum = Rational.ZERO;
        for (int a = 0; a < size; a++) {
          sum = sum.add(x.get(first[p][k] + a));
        }
        for (int a = 0; a < size; a++) {
          out.add(
              sum.isZero()
                  ? Rational.of(1, size)
                  : x.get(first[p][k] + a).divide(sum));
        }
      }
    }
    return out;
  }
}
