package spiral.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * Gambit's {@code logit} on a tree: follows the principal branch of the agent logit quantal
 * response equilibrium correspondence in behaviour strategies (McKelvey and Palfrey 1998,
 * "Quantal response equilibria for extensive form games"; Turocy 2010, "Computing sequential
 * equilibria using agent quantal response equilibria") from the centroid at {@code lambda = 0}
 * until every information set's regret is below a bound, where the profile approximates a Nash
 * (in the limit, sequential) equilibrium. The unknowns are the log-probabilities y of every
 * action of the personal players and lambda; the equations are, per information set, {@code
 * sum_a exp(y_a) = 1} and {@code y_a - y_0 = lambda (v_a - v_0)} for each action a after the
 * first, v_a the expected payoff of action a to the set's player given that the set is reached
 * (beliefs from the realisation probabilities, computed in logarithms so that they stay defined
 * far down the branch). The branch is traced by {@link LogitQre}'s tracing (the same {@link
 * PathTracer}, step control and stopping rule as a strategic game's, {@link LogitQre.Options}).
 * The Jacobian is exact: the derivatives of the action values in the log-probabilities are
 * computed as Gambit computes them (Turocy 2001), through the beliefs and the values below; the
 * derivative of an information set's own action values in its own probabilities is 0 by perfect
 * recall.
 *
 * <p>Tracing stops, as Gambit's does, at the first point where no information set reached with
 * positive probability has a regret (best action value minus the set's value, given that it is
 * reached) of {@link LogitQre.Options#maxRegret()} times the game's payoff range or more.
 * Floating point: the result is an approximate equilibrium; a player's regret in the whole game is
 * at most the number of their information sets times that bound. Cost per step: O(actions x nodes x players) for the
 * Jacobian plus O(actions^3) for its factorisation; the number of steps is typically tens to a
 * few hundred.
 */
public final class AgentLogitQre implements EquilibriumSolver {
  @Override
  public String name() {
    return "logit";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof ExtensiveGame g)) {
      return new LogitQre().solve(game);
    }
    return List.of(toEquilibrium(g, trace(g, LogitQre.Options.defaults(), null).profile()));
  }

  /**
   * Traces the branch; {@code path}, when not null, receives every accepted point (lambda and the
   * behaviour profile in Gambit's order), the start included.
   *
   * @throws IllegalArgumentException for a tree with imperfect recall
   */
  public static LogitQre.Result trace(
      ExtensiveGame g, LogitQre.Options o, Consumer<LogitQre.Point> path) {
    g.requirePerfectRecall();
    Tree t = new Tree(g);
    if (t.n == 0) {
      return new LogitQre.Result(0, new double[0], true, "finished");
    }
    double[] start = new double[t.n + 1];
    for (int s = 0; s < t.sets; s++) {
      for (int a = 0; a < t.size[s]; a++) {
        start[t.first[s] + a] = -Math.log(t.size[s]);
      }
    }
    return LogitQre.follow(t, start, t::agentMaxRegret, t.range, o, path);
  }

  /**
   * The largest regret of any information set reached with positive probability: its best
   * action's value minus its value, both given that it is reached (Gambit's agent regret).
   */
  public static double agentMaxRegret(ExtensiveGame g, double[] profile) {
    return new Tree(g).agentMaxRegret(profile);
  }

  /**
   * A behaviour profile in doubles as an exact one: each information set's probabilities rounded
   * to 1e-12, the largest absorbing the rounding so that the set's sum is exactly 1.
   */
  public static Equilibrium toEquilibrium(ExtensiveGame g, double[] x) {
    List<Rational> profile = new ArrayList<>();
    int k = 0;
    for (int i = 1; i <= g.numPlayers(); i++) {
      for (Infoset s : g.infosets(i)) {
        int m = s.actions().size();
        profile.addAll(List.of(LogitQre.exactBlock(x, k, m)));
        k += m;
      }
    }
    return new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile));
  }

  /** The tree flattened into arrays, and the agent QRE equations on it. */
  static final class Tree implements PathTracer.Equations {
    final int players;
    final int sets; // personal information sets
    final int n; // actions of personal information sets
    final int[] first; // [set] offset of its actions in the profile
    final int[] size; // [set] number of actions
    final int[] owner; // [set] player, 0-based
    final int[][] members; // [set] node indices, depth-first order
    // nodes, depth-first (parents before children)
    final int[] set; // personal set index, -1 for chance or terminal
    final int[][] child;
    final double[][] chance; // chance probabilities, null unless a chance node
    final double[][] logChance; // their logarithms, null unless a chance node
    final double[][] pay; // payoff of the node's own outcome, per player
    final double range;
    // the Jacobian's sparsity, fixed by the tree: which nodes each action's probability reaches
    final int[] end; // [node] one past the last node of its subtree (depth-first numbering)
    final int[][] above; // [set] its members and their ancestors, children before parents
    final int[][] touched; // [action] the other sets whose action values depend on it

    Tree(ExtensiveGame g) {
      players = g.numPlayers();
      Map<Infoset, Integer> index = new HashMap<>();
      List<Integer> firsts = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      int k = 0;
      for (int i = 1; i <= players; i++) {
        for (Infoset s : g.infosets(i)) {
          index.put(s, index.size());
          firsts.add(k);
          sizes.add(s.actions().size());
          owners.add(i - 1);
          k += s.actions().size();
        }
      }
      n = k;
      sets = index.size();
      first = firsts.stream().mapToInt(Integer::intValue).toArray();
      size = sizes.stream().mapToInt(Integer::intValue).toArray();
      owner = owners.stream().mapToInt(Integer::intValue).toArray();
      List<Node> nodes = new ArrayList<>();
      collect(g.root(), nodes);
      int count = nodes.size();
      set = new int[count];
      child = new int[count][];
      chance = new double[count][];
      logChance = new double[count][];
      pay = new double[count][players];
      Map<Node, Integer> id = new java.util.IdentityHashMap<>();
      for (int v = 0; v < count; v++) {
        id.put(nodes.get(v), v);
      }
      List<List<Integer>> mem = new ArrayList<>();
      for (int s = 0; s < sets; s++) {
        mem.add(new ArrayList<>());
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < count; v++) {
        Node node = nodes.get(v);
        if (node.outcome() != null) {
          for (int i = 0; i < players; i++) {
            pay[v][i] = node.outcome().payoffs().get(i).doubleValue();
            lo = Math.min(lo, pay[v][i]);
            hi = Math.max(hi, pay[v][i]);
          }
        }
        Infoset s = node.infoset();
        set[v] = -1;
        child[v] = new int[node.children().size()];
        for (int a = 0; a < child[v].length; a++) {
          child[v][a] = id.get(node.children().get(a));
        }
        if (s != null && s.isChance()) {
          chance[v] = s.probabilities().stream().mapToDouble(Rational::doubleValue).toArray();
          logChance[v] = java.util.Arrays.stream(chance[v]).map(Math::log).toArray();
        } else if (s != null) {
          set[v] = index.get(s);
          mem.get(set[v]).add(v);
        }
      }
      members = new int[sets][];
      for (int s = 0; s < sets; s++) {
        members[s] = mem.get(s).stream().mapToInt(Integer::intValue).toArray();
      }
      range = hi > lo ? hi - lo : 0;
      end = new int[count];
      int[] parent = new int[count];
      parent[0] = -1;
      for (int v = count - 1; v >= 0; v--) {
        end[v] = v + 1;
        for (int c : child[v]) {
          end[v] = Math.max(end[v], end[c]);
          parent[c] = v;
        }
      }
      above = new int[sets][];
      touched = new int[n][];
      for (int s = 0; s < sets; s++) {
        // members and their ancestors: where the value of a node depends on the set's play
        java.util.TreeSet<Integer> up = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (int v : members[s]) {
          for (int u = v; u >= 0 && up.add(u); u = parent[u]) { }
        }
        above[s] = up.stream().mapToInt(Integer::intValue).toArray();
        for (int a = 0; a < size[s]; a++) {
          // the sets whose beliefs (members below the action) or values (members above the set)
          // the action's probability moves
          java.util.TreeSet<Integer> hit = new java.util.TreeSet<>();
          for (int v : members[s]) {
            int c = child[v][a];
            for (int u = c; u < end[c]; u++) {
              if (set[u] >= 0) {
                hit.add(set[u]);
              }
            }
          }
          for (int u : above[s]) {
            if (set[u] >= 0 && set[u] != s) {
              hit.add(set[u]);
            }
          }
          hit.remove(s);
          touched[first[s] + a] = hit.stream().mapToInt(Integer::intValue).toArray();
        }
      }
    }

    private static void collect(Node node, List<Node> out) {
      out.add(node);
      for (Node c : node.children()) {
        collect(c, out);
      }
    }

    // buffers of one evaluation (a Tree is used by one tracer, on one thread)
    private double[][] val; // [node][player] expected payoff from the node on
    private double[] lr; // [node] log realisation probability
    private double[] beta; // [node] belief at the node, given that its set is reached
    private double[] setReach; // [set] its realisation probability (0 where it underflows)
    private double[] av; // [action] value given that its set is reached
    private double[][] dn; // [node][player] derivative of the node's value in one probability
    private boolean[] below; // [node] whether the action differentiated leads to the node
    private double[] evaluated; // the log-probabilities the buffers were filled at, or null

    private void buffers() {
      if (val == null) {
        int count = set.length;
        val = new double[count][players];
        lr = new double[count];
        beta = new double[count];
        setReach = new double[sets];
        av = new double[n];
        dn = new double[count][players];
        below = new boolean[count];
      }
    }

    /**
     * Node values, log realisation probabilities, beliefs and action values under
     * log-probabilities y and probabilities x, into the buffers. Beliefs come from the log
     * realisation probabilities, so that they stay defined far down the branch; a set whose
     * realisation probability underflows to 0 gets uniform beliefs, as in Gambit's tracing (the
     * branch followed, and where it stops, depend on that rule).
     */
    private void evaluate(double[] y, double[] x) {
      buffers();
      int count = set.length;
      for (int v = count - 1; v >= 0; v--) {
        System.arraycopy(pay[v], 0, val[v], 0, players);
        addChildren(v, x, val);
      }
      lr[0] = 0;
      for (int v = 0; v < count; v++) {
        int[] c = child[v];
        for (int a = 0; a < c.length; a++) {
          double lp = chance[v] != null ? logChance[v][a] : y[first[set[v]] + a];
          lr[c[a]] = lr[v] + lp;
        }
      }
      java.util.Arrays.fill(av, 0);
      for (int s = 0; s < sets; s++) {
        int[] mem = members[s];
        double top = Double.NEGATIVE_INFINITY;
        double reach = 0;
        for (int v : mem) {
          top = Math.max(top, lr[v]);
          reach += Math.exp(lr[v]);
        }
        setReach[s] = reach;
        double total = 0;
        for (int v : mem) {
          beta[v] = reach == 0 ? 1 : Math.exp(lr[v] - top);
          total += beta[v];
        }
        int i = owner[s];
        for (int v : mem) {
          beta[v] /= total;
          int[] c = child[v];
          for (int a = 0; a < c.length; a++) {
            av[first[s] + a] += beta[v] * val[c[a]][i];
          }
        }
      }
    }

    /** Adds to {@code per[v]} its children's {@code per} rows, weighted by their probabilities. */
    private void addChildren(int v, double[] x, double[][] per) {
      double[] w = per[v];
      int[] c = child[v];
      for (int a = 0; a < c.length; a++) {
        double p = chance[v] != null ? chance[v][a] : x[first[set[v]] + a];
        if (p != 0) {
          double[] cv = per[c[a]];
          for (int i = 0; i < players; i++) {
            w[i] += p * cv[i];
          }
        }
      }
    }

    double agentMaxRegret(double[] x) {
      double[] y = new double[n];
      for (int k = 0; k < n; k++) {
        y[k] = Math.log(x[k]);
      }
      evaluated = null; // the buffers are filled at x itself, not at log-probabilities the tracer gave
      evaluate(y, x);
      double worst = 0;
      for (int s = 0; s < sets; s++) {
        if (setReach[s] == 0) {
          continue; // Gambit: a set reached with probability 0 has no regret
        }
        double best = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (int a = 0; a < size[s]; a++) {
          double v = av[first[s] + a];
          best = Math.max(best, v);
          mean += x[first[s] + a] * v;
        }
        worst = Math.max(worst, best - mean);
      }
      return worst;
    }

    /**
     * As {@link #evaluate}, at the log-probabilities z[0..n) and their probabilities x, unless
     * the buffers already hold that point (the tracer asks for the Jacobian and then the value at
     * the same point).
     */
    private void evaluateAt(double[] z, double[] x) {
      if (evaluated != null && java.util.Arrays.equals(evaluated, 0, n, z, 0, n)) {
        return;
      }
      evaluated = java.util.Arrays.copyOf(z, n);
      evaluate(evaluated, x); // evaluate only reads its log-probabilities
    }

    @Override
    public void value(double[] z, double[] h) {
      double[] y = java.util.Arrays.copyOf(z, n);
      double[] x = LogitQre.probs(z, n);
      evaluateAt(z, x);
      double lambda = z[n];
      for (int s = 0; s < sets; s++) {
        int b = first[s];
        double sum = -1;
        for (int a = 0; a < size[s]; a++) {
          sum += x[b + a];
        }
        h[b] = sum;
        for (int a = 1; a < size[s]; a++) {
          h[b + a] = y[b + a] - y[b] - lambda * (av[b + a] - av[b]);
        }
      }
    }

    /**
     * The transposed Jacobian, exactly (Turocy 2001, "Computing the quantal response equilibrium
     * correspondence", as Gambit differentiates the action values): for each action k, the
     * derivative of every other set's action values in k's log-probability, through the beliefs
     * (the nodes k leads to) and through the values below (the derivative of a node's value in
     * k's probability, times that probability). Only the entries the tree lets k move are
     * visited: the nodes below k, its set's members and their ancestors, and the sets with nodes
     * among them (fixed by the tree, found once). Cost: O(actions x players x those nodes), at
     * most O(actions x nodes x players).
     */
    @Override
    public void jacobian(double[] z, double[][] jt) {
      double[] x = LogitQre.probs(z, n);
      evaluateAt(z, x);
      double lambda = z[n];
      for (double[] row : jt) {
        java.util.Arrays.fill(row, 0);
      }
      for (int s = 0; s < sets; s++) {
        int b = first[s];
        for (int a = 0; a < size[s]; a++) {
          jt[b + a][b] = x[b + a];
        }
        for (int a = 1; a < size[s]; a++) {
          jt[b + a][b + a] = 1;
          jt[b][b + a] = -1;
          jt[n][b + a] = -(av[b + a] - av[b]);
        }
      }
      if (lambda == 0) {
        return;
      }
      for (int sk = 0; sk < sets; sk++) {
        for (int ak = 0; ak < size[sk]; ak++) {
          int k = first[sk] + ak;
          // the nodes that action k leads to: the subtrees of its children
          for (int v : members[sk]) {
            int c = child[v][ak];
            java.util.Arrays.fill(below, c, end[c], true);
          }
          // d(node value)/d(probability of k), bottom-up: nonzero only at the set's members and
          // their ancestors (dn is 0 everywhere else between actions)
          for (int v : above[sk]) {
            double[] d = dn[v];
            if (set[v] == sk) {
              System.arraycopy(val[child[v][ak]], 0, d, 0, players);
            } else {
              java.util.Arrays.fill(d, 0);
              addChildren(v, x, dn);
            }
          }
          // the other sets k moves (perfect recall: a set's own values do not depend on its own
          // play; every other set's entries stay 0)
          for (int s : touched[k]) {
            int b = first[s];
            int i = owner[s];
            double d0 = 0;
            for (int a = 0; a < size[s]; a++) {
              double da = 0;
              for (int v : members[s]) {
                int c = child[v][a];
                if (below[v]) {
                  da += beta[v] * (val[c][i] - av[b + a]);
                }
                da += x[k] * beta[v] * dn[c][i];
              }
              if (a == 0) {
                d0 = da;
              } else {
                jt[k][b + a] = -lambda * (da - d0);
              }
            }
          }
          for (int v : members[sk]) {
            int c = child[v][ak];
            java.util.Arrays.fill(below, c, end[c], false);
          }
          for (int v : above[sk]) {
            java.util.Arrays.fill(dn[v], 0);
          }
        }
      }
    }
  }
}
