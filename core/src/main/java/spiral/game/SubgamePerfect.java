package spiral.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.ExtensiveGame.Outcome;

/**
 * One subgame-perfect equilibrium of a tree with perfect recall, exact in rationals, by backward
 * induction over its proper subgames (Kuhn 1953; Selten 1965, 1975).
 *
 * <p>Perfect information (every personal information set holds one node): plain backward
 * induction. At each decision node the mover takes an action maximising their own continuation
 * payoff, with ties broken by the FIRST action in file order; at a chance node the continuation is
 * the expectation over the chance probabilities; outcomes on inner nodes add up along the path.
 * Cost: one pass over the tree, O(nodes x players) rational operations.
 *
 * <p>Imperfect information: the proper subgames (a node whose subtree contains every node of every
 * information set met in it) are solved bottom-up. Each one, with its own proper subgames already
 * replaced by terminal nodes carrying their equilibrium payoffs, is solved on its reduced
 * strategic form by {@code enummixed} when there are two players, by {@code enumpure} otherwise,
 * and the FIRST equilibrium that method returns is kept; its mixed strategies are turned into
 * behaviour strategies (Kuhn's theorem: each action's share of the probability of the reduced
 * strategies that reach the set; the first action where the player's own play never reaches it).
 * The cost is that of those methods on each subgame's reduced form (exponential in the worst
 * case). With more than two players, a subgame without a pure equilibrium is refused.
 *
 * <p>The profile is a behaviour profile in Gambit's order (players in order, information sets in
 * depth-first order of first appearance, actions in file order) and gives play at every
 * information set, reached or not. Every SPE is a Nash equilibrium.
 */
public final class SubgamePerfect implements EquilibriumSolver {
  @Override
  public String name() {
    return "spe";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof ExtensiveGame g)) {
      throw new IllegalArgumentException(
          "spe applies to trees (.efg); a strategic game has no subgames");
    }
    return List.of(solve(g));
  }

  /** The subgame-perfect equilibrium described in the class comment. */
  public Equilibrium solve(ExtensiveGame g) {
    g.requirePerfectRecall();
    Solver s = new Solver(g);
    Rational[] u = s.value(g.root());
    List<Rational> profile = new ArrayList<>();
    for (int i = 1; i <= g.numPlayers(); i++) {
      for (Infoset set : g.infosets(i)) {
        Rational[] b = s.behaviour.get(set);
        for (int a = 0; a < set.actions().size(); a++) {
          profile.add(b == null ? (a == 0 ? Rational.ONE : Rational.ZERO) : b[a]);
        }
      }
    }
    return new Equilibrium(profile, List.of(u));
  }

  private static final class Solver {
    final ExtensiveGame g;
    final int players;
    final Map<Infoset, Rational[]> behaviour = new HashMap<>();
    final Map<Node, Boolean> subgameRoot = new IdentityHashMap<>();
    final Map<Node, Rational[]> values = new IdentityHashMap<>();
    int nextOutcome = -1;

    Solver(ExtensiveGame g) {
      this.g = g;
      this.players = g.numPlayers();
      Map<Infoset, int[]> span = new HashMap<>(); // first and last pre-order index of each set
      index(g.root(), new int[1], span, new IdentityHashMap<>());
      mark(g.root(), new int[1], span);
    }

    private void index(Node n, int[] counter, Map<Infoset, int[]> span, Map<Node, Integer> pre) {
      int k = counter[0]++;
      Infoset s = n.infoset();
      if (s == null) {
        return;
      }
      if (!s.isChance()) {
        span.merge(s, new int[] {k, k}, (a, b) -> new int[] {Math.min(a[0], k), Math.max(a[1], k)});
      }
      for (Node c : n.children()) {
        index(c, counter, span, pre);
      }
    }

    /** Returns {lo, hi}: the extent of the sets met in n's subtree; marks subgame roots. */
    private int[] mark(Node n, int[] counter, Map<Infoset, int[]> span) {
      int k = counter[0]++;
      Infoset s = n.infoset();
      if (s == null) {
        return new int[] {k, k};
      }
      int lo = k;
      int hi = k;
      if (!s.isChance()) {
        lo = Math.min(lo, span.get(s)[0]);
        hi = Math.max(hi, span.get(s)[1]);
      }
      for (Node c : n.children()) {
        int[] r = mark(c, counter, span);
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[1]);
      }
      int end = counter[0] - 1;
      subgameRoot.put(n, lo >= k && hi <= end);
      return new int[] {lo, hi};
    }

    /**
     * Equilibrium continuation payoffs of the subgame at {@code n} (a subgame root or a terminal
     * node), its own outcome included.
     */
    Rational[] value(Node n) {
      Rational[] v = values.get(n);
      if (v != null) {
        return v;
      }
      v = zeros();
      Infoset s = n.infoset();
      if (s != null && allChildrenSubgames(n)) {
        if (s.isChance()) {
          for (int a = 0; a < n.children().size(); a++) {
            Rational p = s.probabilities().get(a);
            Rational[] c = value(n.children().get(a));
            for (int i = 0; i < players; i++) {
              v[i] = v[i].add(p.multiply(c[i]));
            }
          }
        } else {
          int best = -1;
          for (int a = 0; a < n.children().size(); a++) {
            Rational[] c = value(n.children().get(a));
            if (best < 0 || c[s.player() - 1].compareTo(v[s.player() - 1]) > 0) {
              best = a;
              v = c.clone();
            }
          }
          Rational[] b = new Rational[n.children().size()];
          for (int a = 0; a < b.length; a++) {
            b[a] = a == best ? Rational.ONE : Rational.ZERO;
          }
          behaviour.put(s, b);
        }
        addOutcome(n, v);
      } else if (s != null) {
        v = solveSubgame(n);
      } else {
        addOutcome(n, v);
      }
      values.put(n, v);
      return v;
    }

    private boolean allChildrenSubgames(Node n) {
      for (Node c : n.children()) {
        if (c.infoset() != null && !Boolean.TRUE.equals(subgameRoot.get(c))) {
          return false;
        }
      }
      return true;
    }

    private void addOutcome(Node n, Rational[] v) {
      if (n.outcome() != null) {
        for (int i = 0; i < players; i++) {
          v[i] = v[i].add(n.outcome().payoffs().get(i));
        }
      }
    }

    private Rational[] zeros() {
      Rational[] v = new Rational[players];
      java.util.Arrays.fill(v, Rational.ZERO);
      return v;
    }

    /** Solves the smallest subgame containing n (n is its root), sub-subgames replaced. */
    private Rational[] solveSubgame(Node n) {
      Deadline.check();
      Node reduced = replace(n, true);
      ExtensiveGame sub = new ExtensiveGame("subgame", "", g.players(), reduced);
      StrategicGame form = ReducedStrategicForm.of(sub);
      List<Equilibrium> eqs =
          players == 2 ? new EnumMixed().solve(form) : new EnumPure().solve(form);
      if (eqs.isEmpty()) {
        throw new IllegalArgumentException(
            "a subgame (at node '" + n.label() + "') has no pure equilibrium; spe with more"
                + " than two players needs one in every subgame without perfect information");
      }
      Equilibrium e = eqs.get(0);
      int k = 0;
      for (int i = 1; i <= players; i++) {
        List<int[]> strategies = ReducedStrategicForm.strategies(sub, i);
        List<Infoset> sets = sub.infosets(i);
        Rational[][] num = new Rational[sets.size()][];
        Rational[] den = new Rational[sets.size()];
        for (int c = 0; c < sets.size(); c++) {
          num[c] = new Rational[sets.get(c).actions().size()];
          java.util.Arrays.fill(num[c], Rational.ZERO);
          den[c] = Rational.ZERO;
        }
        for (int[] choice : strategies) {
          Rational x = e.profile().get(k++);
          for (int c = 0; c < choice.length; c++) {
            if (choice[c] >= 0) {
              num[c][choice[c]] = num[c][choice[c]].add(x);
              den[c] = den[c].add(x);
            }
          }
        }
        for (int c = 0; c < sets.size(); c++) {
          Rational[] b = new Rational[num[c].length];
          for (int a = 0; a < b.length; a++) {
            b[a] =
                den[c].isZero()
                    ? (a == 0 ? Rational.ONE : Rational.ZERO)
                    : num[c][a].divide(den[c]);
          }
          behaviour.put(sets.get(c), b);
        }
      }
      return e.payoffs().toArray(new Rational[0]);
    }

    /** A copy of n's subtree with every proper subgame strictly below replaced by its value. */
    private Node replace(Node n, boolean top) {
      if (n.infoset() == null) {
        return n;
      }
      if (!top && Boolean.TRUE.equals(subgameRoot.get(n))) {
        Rational[] v = value(n);
        return new Node(
            n.label(), null, new Outcome(nextOutcome--, "", List.of(v)), List.of());
      }
      List<Node> children = new ArrayList<>();
      for (Node c : n.children()) {
        children.add(replace(c, false));
      }
      return new Node(n.label(), n.infoset(), n.outcome(), children);
    }
  }
}
