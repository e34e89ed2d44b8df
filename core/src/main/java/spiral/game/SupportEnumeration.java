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
 * probability is positive, and the exact regret of the whole profile is 0. Supports of unequal
 * sizes among two mixing players, and singular systems, have no isolated solution and are
 * skipped. Supports on which three or more players mix give polynomial equations: these are
 * solved in floating point by Newton's method (the exact Jacobian of the multilinear
 * equations; each step halved until the residual falls, at most 11 times) from the support's
 * centroid and 15 pseudo-random starts (fixed seed), each root in the open box kept once, when the profile's regret is at most
 * 1e-8 times the payoff range (Gambit's test). A root whose probabilities are fractions with
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

  /**
   * Newton steps tried per iteration, each half the last (down to 1/2048 of the full step),
   * before a start is given up as stuck: with the exact Jacobian a shorter step that still does
   * not lower the residual means a (near-)singular system, not a root.
   */
  private static final int HALVINGS = 12;

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
    MixedPayoffs pay = null; // the payoffs in floating point, for the Newton roots
    double tol = 0; // the regret a Newton root may have
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
            List<Rational> profile = solveSupport(g, sup, offset, total);
            if (profile != null) {
              found.add(profile);
            } else if (mixing(sup) >= 3) {
              if (pay == null) {
                pay = new MixedPayoffs(g, false);
                double range = EquilibriumChecker.payoffRange(g).doubleValue();
                tol = 1e-8 * (range == 0 ? 1 : range);
              }
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
    List<Rational> p = solveSupport(g, sup, offset, total);
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

  private static List<Rational> solveSupport(
      StrategicGame g, int[][] mask, int[] offset, int total) {
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
      if (!newton(g, payoffs.pay, sup, v)) {
        continue;
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
      boolean seen = false;
      for (double[] r : roots) {
        double d = 0;
        for (int k = 0; k < dim; k++) {
          d = Math.max(d, Math.abs(r[k] - v[k]));
        }
        seen |= d < 1e-6;
      }
      if (seen) {
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
  private static boolean nextOthers(int[] idx, int[][] sets, int skip) {
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

  /**
   * Player i's payoff to each of its supported strategies against the others' mix; {@code pay}
   * is [profile][player] ({@link MixedPayoffs#pay}).
   */
  private static double[] values(StrategicGame g, double[][] pay, int[][] sup, double[][] prob,
      int player) {
    int n = sup.length;
    int[] own = sup[player];
    double[] val = new double[own.length];
    int ownStride = g.stride(player);
    int[] idx = new int[n];
    while (true) {
      double w = 1;
      int base = 0; // the profile's index without the player's own strategy
      for (int j = 0; j < n; j++) {
        if (j != player) {
          w *= prob[j][idx[j]];
          base += sup[j][idx[j]] * g.stride(j);
        }
      }
      for (int s = 0; s < own.length; s++) {
        val[s] += w * pay[base + own[s] * ownStride][player];
      }
      if (!nextOthers(idx, sup, player)) {
        return val;
      }
    }
  }

  static double[] equations(StrategicGame g, double[][] pay, int[][] sup, double[] v) {
    double[][] prob = unpack(v, sup);
    double[] f = new double[v.length];
    int k = 0;
    for (int i = 0; i < sup.length; i++) {
      if (sup[i].length < 2) {
        continue;
      }
      double[] val = values(g, pay, sup, prob, i);
      for (int s = 0; s + 1 < val.length; s++) {
        f[k++] = val[s] - val[s + 1];
      }
    }
    return f;
  }

  /**
   * The equations' Jacobian in the free probabilities v into {@code jac[r][c]}, r and c below
   * v's length (jac zeroed by the caller: the entries of a player's equations in their own
   * probabilities stay 0, as its payoffs do not depend on its own mix), exactly: the equations are multilinear, and the
   * derivative of a player's payoff to a strategy in another player's probability of one of its
   * supported strategies sums the payoffs over the remaining players' support profiles, each
   * weighted by their probabilities (prefix and suffix products, no division); a free probability
   * moves its strategy's probability up and the player's last supported strategy's down. Cost:
   * per mixing player, the others' support profiles times the players.
   */
  static void jacobian(
      StrategicGame g, double[][] pay, int[][] sup, double[] v, double[][] jac) {
    int n = sup.length;
    double[][] prob = unpack(v, sup);
    int[] col = new int[n + 1];
    int[] stride = new int[n];
    for (int j = 0; j < n; j++) {
      col[j + 1] = col[j] + sup[j].length - 1;
      stride[j] = g.stride(j);
    }
    double[] pre = new double[n + 1];
    double[] suf = new double[n + 1];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int[] own = sup[i];
      if (own.length < 2) {
        continue;
      }
      // dv[j][k][s]: the derivative of i's payoff to own[s] in j's probability of sup[j][k]
      double[][][] dv = new double[n][][];
      for (int j = 0; j < n; j++) {
        dv[j] = j == i ? null : new double[sup[j].length][own.length];
      }
      int[] idx = new int[n];
      while (true) {
        pre[0] = 1;
        int base = 0;
        for (int j = 0; j < n; j++) {
          pre[j + 1] = pre[j] * (j == i ? 1 : prob[j][idx[j]]);
          base += j == i ? 0 : sup[j][idx[j]] * stride[j];
        }
        suf[n] = 1;
        for (int j = n - 1; j >= 0; j--) {
          suf[j] = suf[j + 1] * (j == i ? 1 : prob[j][idx[j]]);
        }
        for (int j = 0; j < n; j++) {
          w[j] = pre[j] * suf[j + 1];
        }
        for (int s = 0; s < own.length; s++) {
          double u = pay[base + own[s] * stride[i]][i];
          for (int j = 0; j < n; j++) {
            if (j != i) {
              dv[j][idx[j]][s] += w[j] * u;
            }
          }
        }
        if (!nextOthers(idx, sup, i)) {
          break;
        }
      }
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double[][] d = dv[j];
        int last = d.length - 1;
        for (int s = 0; s + 1 < own.length; s++) {
          for (int t = 0; t < last; t++) {
            jac[col[i] + s][col[j] + t] =
                (d[t][s] - d[last][s]) - (d[t][s + 1] - d[last][s + 1]);
          }
        }
      }
    }
  }

  private static boolean newton(StrategicGame g, double[][] pay, int[][] sup, double[] v) {
    int d = v.length;
    double[] f = equations(g, pay, sup, v);
    for (int iter = 0; iter < 60; iter++) {
      double norm = 0;
      for (double x : f) {
        norm = Math.max(norm, Math.abs(x));
      }
      if (norm < 1e-13) {
        return isolated(g, pay, sup, v);
      }
      double[][] jac = new double[d][d + 1];
      jacobian(g, pay, sup, v, jac);
      for (int r = 0; r < d; r++) {
        jac[r][d] = -f[r];
      }
      double[] step = gaussDouble(jac);
      if (step == null) {
        return false;
      }
      double t = 1;
      boolean moved = false;
      for (int half = 0; half < HALVINGS && !moved; half++, t /= 2) {
        double[] w = v.clone();
        for (int c = 0; c < d; c++) {
          w[c] += t * step[c];
        }
        double[] fw = equations(g, pay, sup, w);
        double nw = 0;
        for (double x : fw) {
          nw = Math.max(nw, Math.abs(x));
        }
        if (nw < norm || half == HALVINGS - 1) {
          System.arraycopy(w, 0, v, 0, d);
          f = fw;
          moved = nw < norm;
        }
      }
      if (!moved) {
        return false;
      }
    }
    double norm = 0;
    for (double x : f) {
      norm = Math.max(norm, Math.abs(x));
    }
    return norm < 1e-10 && isolated(g, pay, sup, v);
  }

  /**
   * Whether the root is isolated: the Jacobian there is not singular (its smallest pivot is
   * above 1e-7 times its largest entry). A root on a continuum is skipped, as Gambit skips a
   * singular support.
   */
  private static boolean isolated(StrategicGame g, double[][] pay, int[][] sup, double[] v) {
    int d = v.length;
    double[][] jac = new double[d][d];
    jacobian(g, pay, sup, v, jac);
    double big = 0;
    for (double[] row : jac) {
      for (double x : row) {
        big = Math.max(big, Math.abs(x));
      }
    }
    for (int c = 0; c < d; c++) {
      int piv = c;
      for (int r = c + 1; r < d; r++) {
        if (Math.abs(jac[r][c]) > Math.abs(jac[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(jac[piv][c]) <= 1e-7 * big) {
        return false;
      }
      double[] t = jac[piv];
      jac[piv] = jac[c];
      jac[c] = t;
      for (int r = c + 1; r < d; r++) {
        double m = jac[r][c] / jac[c][c];
        for (int j = c; j < d; j++) {
          jac[r][j] -= m * jac[c][j];
        }
      }
    }
    return true;
  }

  private static double[] gaussDouble(double[][] m) {
    int n = m.length;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(m[piv][c]) < 1e-14) {
        return null;
      }
      double[] t = m[piv];
      m[piv] = m[c];
      m[c] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int j = c; j <= n; j++) {
            m[r][j] -= f * m[c][j];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int c = 0; c < n; c++) {
      x[c] = m[c][n] / m[c][c];
    }
    return x;
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
    double[] approx = gaussDouble(md);
    if (approx != null) {
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
