package spiral.game;

import java.util.ArrayList;
import java.util.List;

/**
 * The isolated equilibria of a strategic game with any number of players by support enumeration
 * (Gambit's {@code enumpoly} on strategic games), exact where the equations are linear.
 *
 * <p>For every support profile (a nonempty set of strategies for each player, by total size,
 * then player 1's set fastest, each set in binary-counter order over the strategies left)
 * the equilibria that use exactly those strategies solve the indifference equations: each
 * player's supported strategies earn the same payoff against the others' mix, and each mix sums
 * to 1 (McKelvey and McLennan, "Computation of equilibria in finite games", Handbook of
 * Computational Economics 1, 1996, sec. 5; Gambit's {@code enumpoly} sets up the same system).
 * Where at most two players mix, the system is linear: with one player mixing and the others
 * pure the mix is not determined (a continuum, or nothing), which Gambit reports as a singular
 * support and skips, as here; with two players mixing over k strategies each, each one's k
 * indifference equations are linear in the other's probabilities and are solved exactly with
 * rational Gaussian elimination. A solution is kept when it is unique, every supported
 * probability is positive, and the exact regret of the whole profile is 0 (a candidate whose
 * regret in floating point is far above rounding, over 10^-6 of the largest payoff, is refused
 * without the exact check). Supports of unequal
 * sizes among two mixing players, and singular systems, have no isolated solution and are
 * skipped. Supports on which three or more players mix give polynomial equations: these are
 * solved in floating point by Newton's method ({@link SupportNewton}: the exact Jacobian of the
 * multilinear equations; each step halved until the residual falls, at most 11 times) from the support's
 * centroid and 15 pseudo-random starts (fixed seed), each root in the open box kept once, when the profile's regret is at most
 * 1e-8 times the payoff range (Gambit's test). The starts stop early once as many distinct
 * isolated roots (inside the box or not) have been found as the equations can have, their
 * multihomogeneous B&eacute;zout number ({@link SupportNewton#rootBound()}); a support where that
 * number is 0 (one player's equations outnumber the others' variables) has no isolated root
 * and is skipped. A root whose probabilities are fractions with
 * denominators up to 10^6 that make an exact equilibrium is returned exactly; otherwise it is
 * approximate, written as the exact value of its doubles (it may be irrational: Nau et al.
 * 2004's three-player game), and
 * Newton's method can miss a root that Gambit's subdivision of the box finds, or find one that
 * it misses. As Gambit's, strategies strictly dominated by another pure strategy are removed
 * first (iterated), and a support profile in which a supported strategy is strictly dominated
 * by another of the player's strategies against every profile of the others' supports is
 * skipped (it is no best reply to any mix on them); supports are sets of any size (no cap on
 * strategies). Gambit's support order is not reproduced: compare the lines as sets. Where Gambit's root finder reports a support singular or prints one
 * equilibrium once per support it lies on, the lines differ (see the README).
 *
 * <p>Cost: the product over players of (2^strategies - 1) support profiles (strategies left
 * after the removal of dominated ones; each profile's dominance check costs up to strategies^2
 * times the others' support profiles), each costing one
 * exact Gaussian elimination of order k+1 on the supports where two players mix and one payoff
 * check per supported profile; 2^(m+n) for an m x n game, so it suits small games (8x8: 65,025
 * supports, about 13,000 of them solved).
 */
public final class SupportEnumeration implements EquilibriumSolver {
  /** Pseudo-random starts of Newton's method per support, besides the centroid. */
  static final int STARTS = 15;

  @Override
  public String name() {
    return "enumpoly";
  }

  /**
   * The equilibria of a strategic game, or of a tree (perfect recall) in behaviour strategies:
   * {@link #solve(ExtensiveGame, int)}.
   */
  @Override
  public List<Equilibrium> solve(Game game) {
    if (game instanceof ExtensiveGame tree) {
      return solve(tree, 0);
    }
    return solve((StrategicGame) game, 0);
  }

  /**
   * The equilibria of a tree with perfect recall in behaviour strategies: the equilibria of its
   * reduced strategic form, each converted to the realisation-equivalent behaviour profile
   * ({@link BehaviourStrategies}: 0 for every action of a set the player's own strategy never
   * reaches), duplicates dropped, each kept when its regret on the tree is at most 1e-8 of the
   * reduced form's payoff range (exact equilibria: regret 0); at most {@code stopAfter} (0: all).
   *
   * @throws IllegalArgumentException for imperfect recall or a reduced form too large
   */
  public List<Equilibrium> solve(ExtensiveGame tree, int stopAfter) {
    StrategicGame form = ReducedStrategicForm.of(tree);
    Rational bound = EquilibriumChecker.payoffRange(form).multiply(Rational.of(1, 100_000_000));
    List<Equilibrium> mixed = solve(form, 0);
    return BehaviourStrategies.equilibria(tree, mixed, bound, stopAfter);
  }

  /** As {@link #solve(Game)}, stopping after {@code stopAfter} equilibria (0: no limit). */
  public List<Equilibrium> solve(StrategicGame g, int stopAfter) {
    int n = g.numPlayers();
    int[] offset = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = total;
      total += g.numStrategies(i);
    }
    // strictly dominated strategies are in no equilibrium's support: removed first (iterated)
    int[][] kept = undominated(g);
    boolean[][] in = new boolean[n][];
    int keptTotal = 0;
    for (int i = 0; i < n; i++) {
      in[i] = new boolean[kept[i].length];
      keptTotal += kept[i].length;
    }
    List<Equilibrium> out = new ArrayList<>();
    int[][] sup = new int[n][];
    // the payoffs in floating point: the Newton roots, and a quick screen before exact checks
    MixedPayoffs pay = new MixedPayoffs(g, false);
    double range = EquilibriumChecker.payoffRange(g).doubleValue();
    double tol = 1e-8 * (range == 0 ? 1 : range); // the regret a Newton root may have
    double slack = 0; // far above the rounding of a floating-point regret
    for (double[] u : pay.pay) {
      for (double x : u) {
        slack = Math.max(slack, 1e-6 * Math.abs(x));
      }
    }
    for (int sum = n; sum <= keptTotal; sum++) {
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(in[i], false);
        in[i][0] = true;
      }
      while (true) {
        Deadline.check();
        int s = 0;
        for (int i = 0; i < n; i++) {
          for (boolean b : in[i]) {
            s += b ? 1 : 0;
          }
        }
        if (s == sum) {
          for (int i = 0; i < n; i++) {
            sup[i] = chosen(kept[i], in[i]);
          }
          if (!anyDominated(g, sup, kept)) {
            List<List<Rational>> found = new ArrayList<>();
            List<Rational> profile = solveSupport(g, sup, offset, total, pay, slack);
            if (profile != null) {
              found.add(profile);
            } else if (mixing(sup) >= 3) {
              found.addAll(newtonRoots(g, pay, tol, sup, offset, total));
            }
            for (List<Rational> f : found) {
              out.add(new Equilibrium(f, EquilibriumChecker.payoffs(g, f)));
              if (stopAfter > 0 && out.size() >= stopAfter) {
                return out;
              }
            }
          }
        }
        // the next support profile: a binary counter per player (player 1's fastest)
        int i = 0;
        while (i < n && !increment(in[i])) {
          java.util.Arrays.fill(in[i], false);
          in[i][0] = true;
          i++;
        }
        if (i == n) {
          break;
        }
      }
    }
    return out;
  }

  /** Adds 1 to the binary number in b (b[0] lowest); false when it overflows. */
  private static boolean increment(boolean[] b) {
    for (int k = 0; k < b.length; k++) {
      if (!b[k]) {
        b[k] = true;
        return true;
      }
      b[k] = false;
    }
    return false;
  }

  private static int[] chosen(int[] kept, boolean[] in) {
    int c = 0;
    for (boolean b : in) {
      c += b ? 1 : 0;
    }
    int[] s = new int[c];
    int k = 0;
    for (int j = 0; j < in.length; j++) {
      if (in[j]) {
        s[k++] = kept[j];
      }
    }
    return s;
  }

  /**
   * Each player's strategies left by the iterated removal of strategies strictly dominated by
   * another pure strategy (exact payoffs), in file order.
   */
  static int[][] undominated(StrategicGame g) {
    int n = g.numPlayers();
    int[][] kept = new int[n][];
    for (int i = 0; i < n; i++) {
      kept[i] = new int[g.numStrategies(i)];
      for (int j = 0; j < kept[i].length; j++) {
        kept[i][j] = j;
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < n; i++) {
        List<Integer> left = new ArrayList<>();
        for (int s : kept[i]) {
          boolean dominated = false;
          for (int t : kept[i]) {
            if (t != s && strictlyBetter(g, i, t, s, kept)) {
              dominated = true;
              break;
            }
          }
          if (!dominated) {
            left.add(s);
          }
        }
        if (left.size() < kept[i].length) {
          kept[i] = left.stream().mapToInt(Integer::intValue).toArray();
          changed = true;
        }
      }
    }
    return kept;
  }

  /**
   * Whether some strategy in the support profile is strictly dominated by another of the
   * player's (remaining) strategies against every profile of the others' supports (Gambit's
   * pruning: such a strategy is no best reply to any mix on those supports).
   */
  private static boolean anyDominated(StrategicGame g, int[][] sup, int[][] kept) {
    for (int i = 0; i < sup.length; i++) {
      for (int s : sup[i]) {
        for (int t : kept[i]) {
          if (t != s && strictlyBetter(g, i, t, s, sup)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether player i's strategy t earns strictly more than s against every profile of the other
   * players' strategies in {@code others} (player i's own entry is ignored).
   */
  private static boolean strictlyBetter(StrategicGame g, int i, int t, int s, int[][] others) {
    int n = g.numPlayers();
    int[] idx = new int[n];
    int[] pure = new int[n];
    while (true) {
      for (int m = 0; m < n; m++) {
        pure[m] = m == i ? 0 : others[m][idx[m]];
      }
      pure[i] = t;
      Rational ut = g.payoff(g.profileIndex(pure), i);
      pure[i] = s;
      Rational us = g.payoff(g.profileIndex(pure), i);
      if (ut.compareTo(us) <= 0) {
        return false;
      }
      if (!nextOthers(idx, others, i)) {
        return true;
      }
    }
  }

  /**
   * The exact equilibrium on the support of the floating-point profile x (its entries above
   * 1e-9), where that support is one this class solves exactly (at most two players mix, on
   * supports of equal sizes) and the solution is within 1e-6 of
   * x; null otherwise.
   */
  static List<Rational> exactOnSupport(StrategicGame g, double[] x) {
    int n = g.numPlayers();
    int[][] sup = new int[n][];
    int[] offset = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = total;
      int m = g.numStrategies(i);
      List<Integer> on = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        if (x[total + j] > 1e-9) {
          on.add(j);
        }
      }
      if (on.isEmpty()) {
        return null;
      }
      sup[i] = on.stream().mapToInt(Integer::intValue).toArray();
      total += m;
    }
    List<Rational> p = solveSupport(g, sup, offset, total, null, 0);
    if (p == null) {
      return null;
    }
    for (int k = 0; k < total; k++) {
      if (Math.abs(p.get(k).doubleValue() - x[k]) > 1e-6) {
        return null;
      }
    }
    return p;
  }

  /**
   * The equilibrium on a support profile where at most two players mix (exact), or null: none,
   * not isolated, or three or more players mix. With {@code screen} given, a candidate whose
   * regret in floating point exceeds {@code slack} is refused before the exact check (far
   * cheaper; slack is set far above rounding, so no equilibrium is refused by it).
   */
  private static List<Rational> solveSupport(StrategicGame g, int[][] mask, int[] offset,
      int total, MixedPayoffs screen, double slack) {
    int n = g.numPlayers();
    List<Integer> mixers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (mask[i].length >= 2) {
        mixers.add(i);
      }
    }
    Rational[] x = new Rational[total];
    java.util.Arrays.fill(x, Rational.ZERO);
    for (int i = 0; i < n; i++) {
      if (mask[i].length == 1) {
        x[offset[i] + mask[i][0]] = Rational.ONE;
      }
    }
    if (mixers.size() == 1) {
      return null; // a continuum or nothing: singular
    }
    if (mixers.size() >= 3) {
      return null; // solved in floating point by newtonRoots
    }
    if (mixers.size() == 2) {
      int a = mixers.get(0);
      int b = mixers.get(1);
      if (mask[a].length != mask[b].length) {
        return null;
      }
      Rational[] pb = indifference(g, a, b, mask, x);
      Rational[] pa = pb == null ? null : indifference(g, b, a, mask, x);
      if (pa == null) {
        return null;
      }
      place(x, offset[b], mask[b], pb);
      place(x, offset[a], mask[a], pa);
    }
    if (screen != null) {
      double[] d = new double[total];
      for (int k = 0; k < total; k++) {
        d[k] = x[k].doubleValue();
      }
      if (screen.maxRegret(d) > slack) {
        return null;
      }
    }
    List<Rational> profile = List.of(x);
    return EquilibriumChecker.isNash(g, profile) ? profile : null;
  }

  private static int mixing(int[][] mask) {
    int k = 0;
    for (int[] m : mask) {
      if (m.length >= 2) {
        k++;
      }
    }
    return k;
  }

  /**
   * The roots of a support's polynomial indifference equations where three or more players mix,
   * in floating point: Newton's method (exact Jacobian, step halving) from the centroid of
   * the support and 15 pseudo-random interior points (fixed seed), roots inside the open box
   * kept once each (closer than 1e-6 is the same root), and only profiles whose regret is at
   * most 1e-8 times the payoff range, as Gambit's enumpoly accepts them. The profile is the
   * floating-point root written exactly: an approximate equilibrium.
   */
  private List<List<Rational>> newtonRoots(StrategicGame g, MixedPayoffs payoffs, double tol,
      int[][] mask, int[] offset, int total) {
    int n = g.numPlayers();
    int[][] sup = new int[n][];
    int dim = 0;
    for (int i = 0; i < n; i++) {
      sup[i] = mask[i];
      dim += sup[i].length - 1;
    }
    java.util.Random random = new java.util.Random(19L * dim + mask.length);
    SupportNewton system = new SupportNewton(g, payoffs.pay, sup);
    long bound = system.rootBound();
    if (bound == 0) {
      return List.of(); // no isolated root: some player's equations outnumber the others' variables
    }
    List<double[]> distinct = new ArrayList<>(); // every isolated root found, inside or not
    List<double[]> roots = new ArrayList<>();
    List<List<Rational>> out = new ArrayList<>();
    for (int start = 0; start <= STARTS; start++) {
      Deadline.check();
      double[][] prob = new double[n][];
      for (int i = 0; i < n; i++) {
        prob[i] = new double[sup[i].length];
        double t = 0;
        for (int k = 0; k < prob[i].length; k++) {
          prob[i][k] = start == 0 ? 1 : 0.05 + random.nextDouble();
          t += prob[i][k];
        }
        for (int k = 0; k < prob[i].length; k++) {
          prob[i][k] /= t;
        }
      }
      double[] v = pack(prob, dim);
      if (!system.solve(v)) {
        continue;
      }
      if (isNew(distinct, v)) {
        distinct.add(v);
        if (distinct.size() >= bound) {
          start = STARTS; // every isolated root is found: this start is the last
        }
      }
      double[][] q = unpack(v, sup);
      boolean inside = true;
      for (double[] qi : q) {
        for (double x : qi) {
          inside &= x > 1e-12 && x < 1 - 1e-12 || qi.length == 1;
        }
      }
      if (!inside) {
        continue;
      }
      if (!isNew(roots, v)) {
        continue;
      }
      roots.add(v);
      double[] full = new double[total];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < sup[i].length; k++) {
          full[offset[i] + sup[i][k]] = q[i][k];
        }
      }
      if (payoffs.maxRegret(full) <= tol) {
        List<Rational> exact = rationalised(g, full, offset);
        if (exact != null) {
          out.add(exact);
          continue;
        }
        List<Rational> profile = new ArrayList<>(total);
        for (double x : full) {
          profile.add(Rational.of(new java.math.BigDecimal(x)));
        }
        out.add(profile);
      }
    }
    return out;
  }

  /** Whether v is farther than 1e-6 (largest coordinate difference) from every root listed. */
  static boolean isNew(List<double[]> roots, double[] v) {
    for (double[] r : roots) {
      double d = 0;
      for (int k = 0; k < v.length; k++) {
        d = Math.max(d, Math.abs(r[k] - v[k]));
      }
      if (d < 1e-6) {
        return false;
      }
    }
    return true;
  }

  /**
   * The profile with each probability replaced by its nearest fraction of denominator at most
   * 10^6 (continued fractions), each player's last supported one by 1 minus the others, when that
   * is an exact equilibrium; else null.
   */
  private static List<Rational> rationalised(StrategicGame g, double[] full, int[] offset) {
    Rational[] r = new Rational[full.length];
    for (int i = 0; i < g.numPlayers(); i++) {
      int last = -1;
      Rational sum = Rational.ZERO;
      for (int s = 0; s < g.numStrategies(i); s++) {
        int k = offset[i] + s;
        r[k] = fraction(full[k]);
        if (full[k] > 0) {
          last = k;
        }
        sum = sum.add(r[k]);
      }
      r[last] = r[last].add(Rational.ONE.subtract(sum));
      if (r[last].signum() <= 0) {
        return null;
      }
    }
    List<Rational> profile = List.of(r);
    return EquilibriumChecker.isNash(g, profile) ? profile : null;
  }

  private static Rational fraction(double x) {
    if (x <= 0) {
      return Rational.ZERO;
    }
    long h0 = 0;
    long h1 = 1;
    long k0 = 1;
    long k1 = 0;
    double y = x;
    for (int i = 0; i < 40; i++) {
      long a = (long) Math.floor(y);
      long h2 = a * h1 + h0;
      long k2 = a * k1 + k0;
      if (k2 > 1_000_000) {
        break;
      }
      h0 = h1;
      h1 = h2;
      k0 = k1;
      k1 = k2;
      double frac = y - a;
      if (frac < 1e-12 || Math.abs((double) h1 / k1 - x) < 1e-13) {
        break;
      }
      y = 1 / frac;
    }
    return Rational.of(h1, k1);
  }

  private static double[] pack(double[][] prob, int dim) {
    double[] v = new double[dim];
    int k = 0;
    for (double[] p : prob) {
      for (int s = 0; s + 1 < p.length; s++) {
        v[k++] = p[s];
      }
    }
    return v;
  }

  private static double[][] unpack(double[] v, int[][] sup) {
    double[][] prob = new double[sup.length][];
    int k = 0;
    for (int i = 0; i < sup.length; i++) {
      prob[i] = new double[sup[i].length];
      double rest = 1;
      for (int s = 0; s + 1 < sup[i].length; s++) {
        prob[i][s] = v[k++];
        rest -= prob[i][s];
      }
      prob[i][sup[i].length - 1] = rest;
    }
    return prob;
  }

  /**
   * Moves {@code idx}, an odometer over the other players' strategy sets ({@code sets[j]} for
   * every player j but {@code skip}, whose entry stays 0), to the next profile; false once every
   * profile has been visited.
   */
  static boolean nextOthers(int[] idx, int[][] sets, int skip) {
    for (int j = 0; j < idx.length; j++) {
      if (j != skip) {
        if (++idx[j] < sets[j].length) {
          return true;
        }
        idx[j] = 0;
      }
    }
    return false;
  }

  private static void place(Rational[] x, int offset, int[] support, Rational[] p) {
    for (int k = 0; k < support.length; k++) {
      x[offset + support[k]] = p[k];
    }
  }

  /**
   * The mix of player {@code other} over its support that makes player {@code player}
   * indifferent among its own support, the remaining players playing their pure strategies in
   * {@code x}; null unless unique and positive.
   */
  private static Rational[] indifference(
      StrategicGame g, int player, int other, int[][] mask, Rational[] x) {
    int n = g.numPlayers();
    int[] own = mask[player];
    int[] theirs = mask[other];
    int k = own.length;
    // unknowns: q_0..q_{k-1}, v; rows: u(s, t) q - v = 0 for each own s; sum q = 1
    Rational[][] m = new Rational[k + 1][k + 2];
    int[] pure = new int[n];
    for (int i = 0; i < n; i++) {
      if (i != player && i != other) {
        pure[i] = mask[i][0];
      }
    }
    for (int r = 0; r < k; r++) {
      pure[player] = own[r];
      for (int c = 0; c < k; c++) {
        pure[other] = theirs[c];
        m[r][c] = g.payoff(g.profileIndex(pure), player);
      }
      m[r][k] = Rational.ONE.negate();
      m[r][k + 1] = Rational.ZERO;
    }
    for (int c = 0; c < k; c++) {
      m[k][c] = Rational.ONE;
    }
    m[k][k] = Rational.ZERO;
    m[k][k + 1] = Rational.ONE;
    double[][] md = new double[k + 1][k + 2];
    for (int r = 0; r <= k; r++) {
      for (int c = 0; c <= k + 1; c++) {
        md[r][c] = m[r][c].doubleValue();
      }
    }
    double[] approx = new double[k + 1];
    if (SupportNewton.gauss(md, approx)) {
      for (int c = 0; c < k; c++) {
        if (approx[c] < -1e-6) {
          return null; // clearly not positive: no need for the exact solution
        }
      }
    }
    Rational[] sol = gauss(m);
    if (sol == null) {
      return null;
    }
    Rational[] q = new Rational[k];
    for (int c = 0; c < k; c++) {
      if (sol[c].signum() <= 0) {
        return null;
      }
      q[c] = sol[c];
    }
    return q;
  }

  /** Solves the square system [A | b] exactly; null when A is singular. */
  static Rational[] gauss(Rational[][] m) {
    int rows = m.length;
    int cols = m[0].length - 1;
    for (int c = 0; c < cols; c++) {
      int piv = -1;
      for (int r = c; r < rows; r++) {
        if (!m[r][c].isZero()) {
          piv = r;
          break;
        }
      }
      if (piv < 0) {
        return null;
      }
      Rational[] t = m[piv];
      m[piv] = m[c];
      m[c] = t;
      for (int r = 0; r < rows; r++) {
        if (r != c && !m[r][c].isZero()) {
          Rational f = m[r][c].divide(m[c][c]);
          for (int j = c; j <= cols; j++) {
            m[r][j] = m[r][j].subtract(f.multiply(m[c][j]));
          }
        }
      }
    }
    Rational[] x = new Rational[cols];
    for (int c = 0; c < cols; c++) {
      x[c] = m[c][cols].divide(m[c][c]);
    }
    return x;
  }
}
