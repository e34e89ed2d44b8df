package spiral.game;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * The reduced strategic form of a tree with perfect recall: a player's reduced strategies choose
 * an action only at the information sets their own earlier choices allow to be reached
 * (Kuhn 1953; von Stengel 1996). They are listed in lexicographic order over the player's
 * information sets in depth-first order of first appearance, the first set most significant,
 * and labelled by 1-based action numbers with {@code *} for a set left unreached, as Gambit does.
 * Cost: (number of reduced profiles) x (tree size), refused past {@link #MAX_PROFILES} profiles.
 */
public final class ReducedStrategicForm {
  /** Largest number of reduced pure profiles built. */
  public static final long MAX_PROFILES = 5_000_000L;

  private ReducedStrategicForm() {}

  /** For each of player {@code player}'s information sets: the (set, action) that must be chosen
   * for it to be reachable, or null for a set reachable whatever the player does. */
  static Map<Infoset, Object[]> parents(ExtensiveGame g, int player) {
    Map<Infoset, Object[]> parent = new HashMap<>();
    walk(g.root(), player, null, parent);
    return parent;
  }

  private static void walk(Node n, int player, Object[] last, Map<Infoset, Object[]> parent) {
    Infoset s = n.infoset();
    if (s == null) {
      return;
    }
    if (s.player() == player) {
      if (!parent.containsKey(s)) {
        parent.put(s, last);
      }
      for (int a = 0; a < n.children().size(); a++) {
        walk(n.children().get(a), player, new Object[] {s, a}, parent);
      }
    } else {
      for (Node c : n.children()) {
        walk(c, player, last, parent);
      }
    }
  }

  /** Number of reduced strategies of a player (exact, without listing them). */
  static BigInteger count(ExtensiveGame g, int player) {
    Map<Infoset, Object[]> parent = parents(g, player);
    Map<Infoset, BigInteger[]> below = new HashMap<>();
    List<Infoset> sets = g.infosets(player);
    // count(set, action) = product over sets whose parent is (set, action) of sum over their actions
    BigInteger root = BigInteger.ONE;
    for (int k = sets.size() - 1; k >= 0; k--) {
      Infoset s = sets.get(k);
      BigInteger[] c = below.computeIfAbsent(s, x -> ones(x.actions().size()));
      BigInteger sum = BigInteger.ZERO;
      for (BigInteger v : c) {
        sum = sum.add(v);
      }
      Object[] p = parent.get(s);
      if (p == null) {
        root = root.multiply(sum);
      } else {
        Infoset ps = (Infoset) p[0];
        BigInteger[] pc = below.computeIfAbsent(ps, x -> ones(x.actions().size()));
        int a = (Integer) p[1];
        pc[a] = pc[a].multiply(sum);
      }
    }
    return root;
  }

  private static BigInteger[] ones(int n) {
    BigInteger[] b = new BigInteger[n];
    java.util.Arrays.fill(b, BigInteger.ONE);
    return b;
  }

  /**
   * A player's reduced strategies, each as the chosen action per information set (index into
   * {@link ExtensiveGame#infosets(int)}), -1 where unreached.
   */
  static List<int[]> strategies(ExtensiveGame g, int player) {
    Map<Infoset, Object[]> parent = parents(g, player);
    List<Infoset> sets = g.infosets(player);
    Map<Infoset, Integer> index = new HashMap<>();
    for (int k = 0; k < sets.size(); k++) {
      index.put(sets.get(k), k);
    }
    int[] parentSet = new int[sets.size()];
    int[] parentAction = new int[sets.size()];
    for (int k = 0; k < sets.size(); k++) {
      Object[] p = parent.get(sets.get(k));
      parentSet[k] = p == null ? -1 : index.get((Infoset) p[0]);
      parentAction[k] = p == null ? -1 : (Integer) p[1];
    }
    List<int[]> out = new ArrayList<>();
    int[] choice = new int[sets.size()];
    list(sets, parentSet, parentAction, 0, choice, out);
    return out;
  }

  private static void list(
      List<Infoset> sets, int[] ps, int[] pa, int k, int[] choice, List<int[]> out) {
    if (k == sets.size()) {
      out.add(choice.clone());
      return;
    }
    boolean reachable = ps[k] < 0 || choice[ps[k]] == pa[k];
    if (!reachable) {
      choice[k] = -1;
      list(sets, ps, pa, k + 1, choice, out);
      return;
    }
    for (int a = 0; a < sets.get(k).actions().size(); a++) {
      choice[k] = a;
      list(sets, ps, pa, k + 1, choice, out);
    }
  }

  /** Gambit-style label of a reduced strategy: action numbers, {@code *} where unreached. */
  static String label(int[] choice) {
    StringBuilder b = new StringBuilder();
    for (int c : choice) {
      b.append(c < 0 ? "*" : Integer.toString(c + 1));
    }
    return b.toString();
  }

  /**
   * Checks that the number of reduced pure profiles is at most {@code limit}.
   *
   * @throws IllegalArgumentException when it is larger
   */
  static void checkSize(ExtensiveGame g, long limit) {
    BigInteger total = BigInteger.ONE;
    for (int i = 1; i <= g.numPlayers(); i++) {
      total = total.multiply(count(g, i));
    }
    if (total.compareTo(BigInteger.valueOf(limit)) > 0) {
      throw new IllegalArgumentException(
          "the game has " + total + " reduced pure strategy profiles (the limit is " + limit + ")");
    }
  }

  /**
   * The reduced strategic form of a tree with perfect recall.
   *
   * @throws IllegalArgumentException for imperfect recall or more than {@link #MAX_PROFILES}
   *     reduced profiles
   */
  public static StrategicGame of(ExtensiveGame g) {
    g.requirePerfectRecall();
    checkSize(g, MAX_PROFILES);
    int n = g.numPlayers();
    List<List<int[]>> strategies = new ArrayList<>();
    List<List<String>> labels = new ArrayList<>();
    List<Map<Infoset, Integer>> index = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      List<int[]> s = strategies(g, i);
      strategies.add(s);
      List<String> l = new ArrayList<>();
      for (int[] c : s) {
        l.add(label(c));
      }
      labels.add(l);
      Map<Infoset, Integer> m = new HashMap<>();
      for (int k = 0; k < g.infosets(i).size(); k++) {
        m.put(g.infosets(i).get(k), k);
      }
      index.add(m);
    }
    long total = 1;
    for (List<int[]> s : strategies) {
      total *= s.size();
    }
    Rational[][] payoffs = new Rational[(int) total][];
    int[] idx = new int[n];
    int[][] chosen = new int[n][];
    for (int p = 0; p < total; p++) {
      Deadline.check();
      for (int i = 0; i < n; i++) {
        chosen[i] = strategies.get(i).get(idx[i]);
      }
      Rational[] u = new Rational[n];
      java.util.Arrays.fill(u, Rational.ZERO);
      play(g.root(), Rational.ONE, chosen, index, u);
      payoffs[p] = u;
      int i = 0;
      while (i < n && ++idx[i] == strategies.get(i).size()) {
        idx[i] = 0;
        i++;
      }
    }
    return new StrategicGame(g.title(), g.comment(), g.players(), labels, payoffs);
  }

  private static void play(
      Node node, Rational w, int[][] chosen, List<Map<Infoset, Integer>> index, Rational[] u) {
    if (node.outcome() != null) {
      for (int i = 0; i < u.length; i++) {
        u[i] = u[i].add(w.multiply(node.outcome().payoffs().get(i)));
      }
    }
    Infoset s = node.infoset();
    if (s == null) {
      return;
    }
    if (s.isChance()) {
      for (int a = 0; a < node.children().size(); a++) {
        Rational p = s.probabilities().get(a);
        if (!p.isZero()) {
          play(node.children().get(a), w.multiply(p), chosen, index, u);
        }
      }
    } else {
      int i = s.player() - 1;
      int a = chosen[i][index.get(i).get(s)];
      play(node.children().get(a), w, chosen, index, u);
    }
  }
}
