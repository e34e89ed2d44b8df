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
 * Cost: (number of reduced profiles) x (tree size) in time, and about {@link #bytesNeeded} of
 * memory. There is no fixed limit on the number of profiles: a form that the Java heap cannot
 * hold is refused before it is built ({@link TooLargeForMemory}), and building it checks the
 * current {@link Deadline} at every profile.
 */
public final class ReducedStrategicForm {
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
      Deadline.check();
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

  /** Number of reduced pure strategy profiles (exact, without listing them). */
  static BigInteger profiles(ExtensiveGame g) {
    BigInteger total = BigInteger.ONE;
    for (int i = 1; i <= g.numPlayers(); i++) {
      total = total.multiply(count(g, i));
    }
    return total;
  }

  /**
   * Bytes of heap the reduced strategic form of {@code g} takes, estimated from its size: per
   * profile an array of one exact payoff per player (each payoff a fraction of two big integers,
   * about 150 bytes; measured 333 bytes per profile for two players), and per reduced strategy
   * its choices and its label.
   */
  public static BigInteger bytesNeeded(ExtensiveGame g) {
    int n = g.numPlayers();
    long perProfile = 8 + 2 * (16 + 8L * ((n + 1) / 2)) + 152L * n;
    BigInteger bytes = profiles(g).multiply(BigInteger.valueOf(perProfile));
    for (int i = 1; i <= n; i++) {
      long sets = g.infosets(i).size();
      bytes = bytes.add(count(g, i).multiply(BigInteger.valueOf(96 + 6 * sets)));
    }
    return bytes;
  }

  /**
   * Refuses a tree whose reduced strategic form would not fit in {@code available} bytes of
   * heap, or would have more profiles than a Java array holds.
   *
   * @throws TooLargeForMemory when it would not fit
   */
  static void checkMemory(ExtensiveGame g, long available) {
    BigInteger total = profiles(g);
    BigInteger needed = bytesNeeded(g);
    if (total.compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
      throw new TooLargeForMemory("the reduced strategic form is too large: " + total
          + " pure strategy profiles, more than a Java array holds (" + (Integer.MAX_VALUE - 8)
          + ")", needed);
    }
    if (needed.compareTo(BigInteger.valueOf(available)) > 0) {
      throw new TooLargeForMemory("the reduced strategic form is too large for memory: " + total
          + " pure strategy profiles need about " + HeapBudget.format(needed.longValue())
          + ", and " + HeapBudget.format(available) + " is free (the Java heap's maximum, -Xmx, is "
          + HeapBudget.format(Runtime.getRuntime().maxMemory()) + ")", needed);
    }
  }

  /**
   * The reduced strategic form of a tree with perfect recall.
   *
   * @throws IllegalArgumentException for imperfect recall
   * @throws TooLargeForMemory when the form would not fit in the heap's free memory
   * @throws Deadline.Exceeded when the current deadline passes while it is built
   */
  public static StrategicGame of(ExtensiveGame g) {
    g.requirePerfectRecall();
    if (bytesNeeded(g).compareTo(BigInteger.valueOf(HeapBudget.free())) > 0) {
      checkMemory(g, HeapBudget.freeAfterCollection());
    }
    return build(g);
  }

  /**
   * The reduced strategic form, refused when it would need more than {@code available} bytes.
   *
   * @throws TooLargeForMemory when it would not fit
   */
  static StrategicGame of(ExtensiveGame g, long available) {
    g.requirePerfectRecall();
    checkMemory(g, available);
    return build(g);
  }

  private static StrategicGame build(ExtensiveGame g) {
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
