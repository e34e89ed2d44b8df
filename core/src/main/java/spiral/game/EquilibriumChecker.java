package spiral.game;

import java.util.ArrayList;
import java.util.List;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;

/**
 * Exact Nash-equilibrium check, independent of the solvers: no player can gain by deviating to
 * any pure strategy. Strategic games: cost O(profiles x players x strategies). Extensive games
 * (perfect recall): a player's best-response value is computed over their own sequences
 * (von Stengel 1996, "Efficient computation of behavior strategies"), cost O(nodes x players).
 */
public final class EquilibriumChecker {
  private EquilibriumChecker() {}

  /** Each player's expected payoff under a mixed profile of a strategic game. */
  public static List<Rational> payoffs(StrategicGame g, List<Rational> profile) {
    int n = g.numPlayers();
    Rational[][] x = split(g, profile);
    Rational[] u = zeros(n);
    int[] s = new int[n];
    for (int p = 0; p < g.numProfiles(); p++) {
      Rational w = Rational.ONE;
      for (int i = 0; i < n && !w.isZero(); i++) {
        w = w.multiply(x[i][g.strategyOf(p, i)]);
      }
      if (w.isZero()) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        u[i] = u[i].add(w.multiply(g.payoff(p, i)));
      }
    }
    return List.of(u);
  }

  private static Rational[] zeros(int n) {
    Rational[] r = new Rational[n];
    java.util.Arrays.fill(r, Rational.ZERO);
    return r;
  }

  private static Rational[][] split(StrategicGame g, List<Rational> profile) {
    if (profile.size() != g.profileLength()) {
      throw new IllegalArgumentException("profile length " + profile.size());
    }
    Rational[][] x = new Rational[g.numPlayers()][];
    int k = 0;
    for (int i = 0; i < g.numPlayers(); i++) {
      x[i] = new Rational[g.numStrategies(i)];
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = profile.get(k++);
      }
    }
    return x;
  }

  /** Whether a mixed profile of a strategic game is a valid profile and a Nash equilibrium. */
  public static boolean isNash(StrategicGame g, List<Rational> profile) {
    int n = g.numPlayers();
    Rational[][] x = split(g, profile);
    for (Rational[] xi : x) {
      Rational sum = Rational.ZERO;
      for (Rational r : xi) {
        if (r.signum() < 0) {
          return false;
        }
        sum = sum.add(r);
      }
      if (!sum.equals(Rational.ONE)) {
        return false;
      }
    }
    Rational[] u = payoffs(g, profile).toArray(new Rational[0]);
    for (int i = 0; i < n; i++) {
      Rational[] dev = zeros(g.numStrategies(i));
      for (int p = 0; p < g.numProfiles(); p++) {
        Rational w = Rational.ONE;
        for (int j = 0; j < n && !w.isZero(); j++) {
          if (j != i) {
            w = w.multiply(x[j][g.strategyOf(p, j)]);
          }
        }
        if (!w.isZero()) {
          int s = g.strategyOf(p, i);
          dev[s] = dev[s].add(w.multiply(g.payoff(p, i)));
        }
      }
      for (Rational d : dev) {
        if (d.compareTo(u[i]) > 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The largest regret of any player under a mixed profile of a strategic game: the best pure
   * reply's payoff minus the profile's, exact. Zero exactly at a Nash equilibrium; cost
   * O(profiles x players^2).
   */
  public static Rational maxRegret(StrategicGame g, List<Rational> profile) {
    int n = g.numPlayers();
    Rational[][] x = split(g, profile);
    Rational[] u = payoffs(g, profile).toArray(new Rational[0]);
    Rational worst = Rational.ZERO;
    for (int i = 0; i < n; i++) {
      Rational[] dev = zeros(g.numStrategies(i));
      for (int p = 0; p < g.numProfiles(); p++) {
        Rational w = g.payoff(p, i);
        for (int j = 0; j < n && !w.isZero(); j++) {
          if (j != i) {
            w = w.multiply(x[j][g.strategyOf(p, j)]);
          }
        }
        if (!w.isZero()) {
          int s = g.strategyOf(p, i);
          dev[s] = dev[s].add(w);
        }
      }
      for (Rational d : dev) {
        worst = worst.max(d.subtract(u[i]));
      }
    }
    return worst;
  }

  /**
   * The largest regret of any player under a behaviour profile of a tree with perfect recall: the
   * best-response value minus the profile's payoff, exact.
   */
  public static Rational maxRegret(ExtensiveGame g, List<Rational> profile) {
    if (!g.hasPerfectRecall()) {
      throw new IllegalArgumentException("the game has imperfect recall");
    }
    Behaviour b = new Behaviour(g, profile);
    List<Rational> u = payoffs(g, profile);
    Rational worst = Rational.ZERO;
    for (int i = 1; i <= g.numPlayers(); i++) {
      worst = worst.max(bestResponseValue(g, b, i).subtract(u.get(i - 1)));
    }
    return worst;
  }

  /**
   * Whether a profile (mixed for a strategic game, behaviour for a tree) is an epsilon-equilibrium:
   * valid probabilities (each player's, or each information set's, summing to 1) and no player's
   * regret above {@code epsilon}, exact.
   */
  public static boolean isApproximateNash(Game g, List<Rational> profile, Rational epsilon) {
    if (g instanceof StrategicGame s) {
      Rational[][] x = split(s, profile);
      for (Rational[] xi : x) {
        if (!validDistribution(xi)) {
          return false;
        }
      }
      return maxRegret(s, profile).compareTo(epsilon) <= 0;
    }
    ExtensiveGame e = (ExtensiveGame) g;
    Behaviour b = new Behaviour(e, profile);
    for (int i = 1; i <= e.numPlayers(); i++) {
      for (Infoset s : e.infosets(i)) {
        if (!validDistribution(b.probs(s))) {
          return false;
        }
      }
    }
    return maxRegret(e, profile).compareTo(epsilon) <= 0;
  }

  private static boolean validDistribution(Rational[] p) {
    Rational sum = Rational.ZERO;
    for (Rational r : p) {
      if (r.signum() < 0) {
        return false;
      }
      sum = sum.add(r);
    }
    return sum.equals(Rational.ONE);
  }

  /** The largest payoff of any player in the game minus the smallest. */
  public static Rational payoffRange(StrategicGame g) {
    Rational lo = null;
    Rational hi = null;
    for (int p = 0; p < g.numProfiles(); p++) {
      for (int i = 0; i < g.numPlayers(); i++) {
        Rational v = g.payoff(p, i);
        lo = lo == null ? v : lo.min(v);
        hi = hi == null ? v : hi.max(v);
      }
    }
    return lo == null ? Rational.ZERO : hi.subtract(lo);
  }

  /** Each player's expected payoff under a behaviour profile of an extensive game. */
  public static List<Rational> payoffs(ExtensiveGame g, List<Rational> profile) {
    Behaviour b = new Behaviour(g, profile);
    Rational[] u = zeros(g.numPlayers());
    expected(g.root(), Rational.ONE, b, u);
    return List.of(u);
  }

  private static void expected(Node node, Rational w, Behaviour b, Rational[] u) {
    if (node.outcome() != null) {
      for (int i = 0; i < u.length; i++) {
        u[i] = u[i].add(w.multiply(node.outcome().payoffs().get(i)));
      }
    }
    Infoset s = node.infoset();
    if (s == null) {
      return;
    }
    Rational[] p = b.probs(s);
    for (int a = 0; a < p.length; a++) {
      if (!p[a].isZero()) {
        expected(node.children().get(a), w.multiply(p[a]), b, u);
      }
    }
  }

  /**
   * Whether a behaviour profile is a Nash equilibrium: valid (each information set's
   * probabilities sum to 1, or are all 0 where the player's own play never reaches it) and no
   * player gains by any change of strategy. Requires perfect recall.
   */
  public static boolean isNash(ExtensiveGame g, List<Rational> profile) {
    if (!g.hasPerfectRecall()) {
      throw new IllegalArgumentException("the game has imperfect recall");
    }
    Behaviour b = new Behaviour(g, profile);
    for (int i = 1; i <= g.numPlayers(); i++) {
      for (Infoset s : g.infosets(i)) {
        Rational sum = Rational.ZERO;
        for (Rational r : b.probs(s)) {
          if (r.signum() < 0) {
            return false;
          }
          sum = sum.add(r);
        }
        if (!sum.isZero() && !sum.equals(Rational.ONE)) {
          return false;
        }
      }
    }
    if (!reachedSetsPlayed(g.root(), b)) {
      return false;
    }
    List<Rational> u = payoffs(g, profile);
    for (int i = 1; i <= g.numPlayers(); i++) {
      if (bestResponseValue(g, b, i).compareTo(u.get(i - 1)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean reachedSetsPlayed(Node n, Behaviour b) {
    Infoset s = n.infoset();
    if (s == null) {
      return true;
    }
    Rational[] p = b.probs(s);
    boolean any = false;
    for (int a = 0; a < p.length; a++) {
      if (!p[a].isZero()) {
        any = true;
        if (!reachedSetsPlayed(n.children().get(a), b)) {
          return false;
        }
      }
    }
    return any;
  }

  /** Player {@code i}'s best-response value against the others' behaviour (and chance). */
  static Rational bestResponseValue(ExtensiveGame g, Behaviour b, int i) {
    Sequences q = new Sequences();
    q.walk(g.root(), Rational.ONE, 0, b, i);
    return q.value(0);
  }

  /** Player i's own sequences: values and the information sets that follow each. */
  private static final class Sequences {
    final List<Rational> value = new ArrayList<>(List.of(Rational.ZERO));
    final List<List<int[]>> follow = new ArrayList<>(List.of(new ArrayList<>())); // {firstSeq, k}
    final java.util.Map<Infoset, Integer> first = new java.util.HashMap<>();

    void walk(Node n, Rational w, int seq, Behaviour b, int i) {
      if (n.outcome() != null) {
        value.set(seq, value.get(seq).add(w.multiply(n.outcome().payoffs().get(i - 1))));
      }
      Infoset s = n.infoset();
      if (s == null) {
        return;
      }
      int k = s.actions().size();
      if (s.player() == i) {
        Integer base = first.get(s);
        if (base == null) {
          base = value.size();
          first.put(s, base);
          for (int a = 0; a < k; a++) {
            value.add(Rational.ZERO);
            follow.add(new ArrayList<>());
          }
          follow.get(seq).add(new int[] {base, k});
        }
        for (int a = 0; a < k; a++) {
          walk(n.children().get(a), w, base + a, b, i);
        }
      } else {
        Rational[] p = b.probs(s);
        for (int a = 0; a < k; a++) {
          if (!p[a].isZero()) {
            walk(n.children().get(a), w.multiply(p[a]), seq, b, i);
          }
        }
      }
    }

    Rational value(int seq) {
      Rational v = value.get(seq);
      for (int[] f : follow.get(seq)) {
        Rational best = null;
        for (int a = 0; a < f[1]; a++) {
          Rational c = value(f[0] + a);
          best = best == null ? c : best.max(c);
        }
        v = v.add(best);
      }
      return v;
    }
  }

  /**
   * A behaviour profile looked up by information set: the probabilities of a personal set's
   * actions (from the profile, in Gambit's order) or of a chance set's (from the game).
   */
  public static final class Behaviour {
    private final java.util.Map<Infoset, Rational[]> probs = new java.util.HashMap<>();

    /**
     * The profile of {@code g}, one probability per action of each personal set in order.
     *
     * @throws IllegalArgumentException when the profile's length does not fit the game
     */
    public Behaviour(ExtensiveGame g, List<Rational> profile) {
      if (profile.size() != g.profileLength()) {
        throw new IllegalArgumentException("profile length " + profile.size());
      }
      int k = 0;
      for (int i = 1; i <= g.numPlayers(); i++) {
        for (Infoset s : g.infosets(i)) {
          Rational[] p = new Rational[s.actions().size()];
          for (int a = 0; a < p.length; a++) {
            p[a] = profile.get(k++);
          }
          probs.put(s, p);
        }
      }
      for (Infoset s : g.infosets(0)) {
        probs.put(s, s.probabilities().toArray(new Rational[0]));
      }
    }

    /** The probabilities of the set's actions (not to be modified). */
    public Rational[] probs(Infoset s) {
      return probs.get(s);
    }
  }
}
