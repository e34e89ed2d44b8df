package spiral.game;

import java.util.Arrays;

/**
 * One support profile's indifference equations in floating point, their exact Jacobian, and
 * Newton's method on them: the part of {@link SupportEnumeration} that solves a support on which
 * three or more players mix.
 *
 * <p>The unknowns are each mixing player's free probabilities (all its supported strategies but
 * the last, whose probability is 1 minus the others'); the equations say that each mixing player's
 * consecutive supported strategies earn the same against the others' mix (McKelvey and McLennan,
 * "Computation of equilibria in finite games", Handbook of Computational Economics 1, 1996, sec.
 * 5). Each mixing player's payoffs to its supported strategies against the others' support
 * profiles are copied once into a table when the support is set up; every buffer a Newton step
 * needs is allocated then too, so the iterations allocate nothing.
 *
 * <p>Cost: set-up O(players &times; the support's profiles); an evaluation of the equations
 * O(players &times; the support's profiles &times; players), the Jacobian the same, and one
 * Newton step one Jacobian, one Gaussian elimination of order (free probabilities) and one to
 * {@value #HALVINGS} evaluations.
 */
final class SupportNewton {
  /**
   * Newton steps tried per iteration, each half the last (down to 1/2048 of the full step),
   * before a start is given up as stuck: with the exact Jacobian a shorter step that still does
   * not lower the residual means a (near-)singular system, not a root.
   */
  static final int HALVINGS = 12;

  /** Newton iterations per start. */
  private static final int ITERATIONS = 60;

  private final int n;
  private final int dim;
  private final int[][] sup;
  /** col[i]: the index of player i's first free probability; col[n] = dim. */
  private final int[] col;
  /**
   * table[i][o * |sup_i| + s]: mixing player i's payoff to its supported strategy s against the
   * others' o-th support profile (the others' strategies as an odometer over their supports, the
   * lowest-numbered player fastest); null for a player with one supported strategy.
   */
  private final double[][] table;

  /** po[j]: where player j's supported probabilities start in {@link #prob}; po[n] in all. */
  private final int[] po;
  /**
   * at[i][o * (n - 1) + q]: for mixing player i and the others' o-th support profile, the index
   * in {@link #prob} of the q-th other player's strategy (others in player order); null for a
   * player with one supported strategy.
   */
  private final int[][] at;

  // buffers, reused by every evaluation and step
  /** Every player's supported probabilities, player by player (from {@link #po}). */
  private final double[] prob;
  private final double[] pre;
  private final double[] suf;
  /**
   * dv[(po[j] + k) * |sup_i| + s]: the derivative of player i's payoff to its s-th supported
   * strategy in player j's probability of its k-th.
   */
  private final double[] dv;
  private final double[] val;
  private double[] f;
  private double[] fTrial;
  private final double[] trial;
  private final double[] step;
  private final double[][] system;
  private final double[][] square;

  /**
   * The equations of one support profile.
   *
   * @param pay the game's payoffs in doubles, [profile][player] ({@link MixedPayoffs#pay})
   * @param sup each player's supported strategies (0-based, ascending)
   */
  SupportNewton(StrategicGame g, double[][] pay, int[][] sup) {
    n = sup.length;
    this.sup = sup;
    col = new int[n + 1];
    po = new int[n + 1];
    int maxOwn = 1;
    for (int j = 0; j < n; j++) {
      col[j + 1] = col[j] + sup[j].length - 1;
      po[j + 1] = po[j] + sup[j].length;
      maxOwn = Math.max(maxOwn, sup[j].length);
    }
    dim = col[n];
    int[] idx = new int[n]; // an odometer over the others' supported strategies
    table = new double[n][];
    at = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] own = sup[i];
      if (own.length < 2) {
        continue;
      }
      int others = 1;
      for (int j = 0; j < n; j++) {
        others *= j == i ? 1 : sup[j].length;
      }
      double[] t = new double[others * own.length];
      int[] a = new int[others * (n - 1)];
      int ownStride = g.stride(i);
      Arrays.fill(idx, 0);
      int o = 0;
      do {
        int base = 0; // the profile's index without player i's own strategy
        int q = o * (n - 1);
        for (int j = 0; j < n; j++) {
          if (j != i) {
            base += sup[j][idx[j]] * g.stride(j);
            a[q++] = po[j] + idx[j];
          }
        }
        for (int s = 0; s < own.length; s++) {
          t[o * own.length + s] = pay[base + own[s] * ownStride][i];
        }
        o++;
      } while (SupportEnumeration.nextOthers(idx, sup, i));
      table[i] = t;
      at[i] = a;
    }
    prob = new double[po[n]];
    dv = new double[po[n] * maxOwn];
    pre = new double[n];
    suf = new double[n];
    val = new double[maxOwn];
    f = new double[dim];
    fTrial = new double[dim];
    trial = new double[dim];
    step = new double[dim];
    system = new double[dim][dim + 1];
    square = new double[dim][dim];
  }

  /**
   * An upper bound on the number of isolated roots of the equations in complex space: their
   * multihomogeneous B&eacute;zout number, with each mixing player's free probabilities as one
   * group of variables (Morgan and Sommese, "A homotopy for solving general polynomial systems
   * that respects m-homogeneous structures", Applied Mathematics and Computation 24, 1987).
   * Each of player i's equations has degree 1 in every other mixing player's group and 0 in its
   * own, so the number counts the ways to give each equation a group other than its player's,
   * every group j receiving as many equations as it has variables; e.g. 2, 9 and 44 with three,
   * four and five players mixing over two strategies each (the derangements). Once Newton's
   * method has found this many distinct isolated roots there are no others. Saturates at
   * {@code Long.MAX_VALUE}; cost: the product over mixing players of their variables plus 1,
   * times the equations and players.
   */
  long rootBound() {
    int[] radix = new int[n];
    long states = 1;
    for (int j = 0; j < n; j++) {
      radix[j] = sup[j].length; // a group's variables still unassigned: 0 .. |sup_j| - 1
      states *= radix[j];
      if (states > 1_000_000) {
        return Long.MAX_VALUE;
      }
    }
    // ways[state]: the ways to give the equations so far groups, leaving each group j the
    // number of variables the state's digit j says (mixed radix, player 0 lowest)
    long[] ways = new long[(int) states];
    int full = 0;
    for (int j = n - 1; j >= 0; j--) {
      full = full * radix[j] + (radix[j] - 1);
    }
    ways[full] = 1;
    int[] digit = new int[n];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e + 1 < sup[i].length; e++) { // player i's equations
        long[] next = new long[ways.length];
        for (int st = 0; st < ways.length; st++) {
          if (ways[st] == 0) {
            continue;
          }
          int rest = st;
          for (int j = 0; j < n; j++) {
            digit[j] = rest % radix[j];
            rest /= radix[j];
          }
          int unit = 1;
          for (int j = 0; j < n; j++) {
            if (j != i && digit[j] > 0) {
              int to = st - unit;
              next[to] = next[to] > Long.MAX_VALUE - ways[st] ? Long.MAX_VALUE : next[to] + ways[st];
            }
            unit *= radix[j];
          }
        }
        ways = next;
      }
    }
    return ways[0];
  }

  /** The number of unknowns: the mixing players' free probabilities. */
  int dim() {
    return dim;
  }

  /** The equations' values at v into {@code out} (both of length {@link #dim()}). */
  void equations(double[] v, double[] out) {
    unpack(v);
    int k = 0;
    int others = n - 1;
    for (int i = 0; i < n; i++) {
      double[] t = table[i];
      if (t == null) {
        continue;
      }
      int[] a = at[i];
      int m = sup[i].length;
      Arrays.fill(val, 0, m, 0);
      for (int o = 0, q = 0; o < t.length; o += m) {
        double w = 1; // the others' probabilities, multiplied in player order
        for (int end = q + others; q < end; q++) {
          w *= prob[a[q]];
        }
        for (int s = 0; s < m; s++) {
          val[s] += w * t[o + s];
        }
      }
      for (int s = 0; s + 1 < m; s++) {
        out[k++] = val[s] - val[s + 1];
      }
    }
  }

  /**
   * The equations' Jacobian at v into {@code jac[r][c]}, r and c below {@link #dim()} (any
   * further columns are left alone), exactly: the equations are multilinear, and the derivative
   * of a player's payoff to a strategy in another player's probability of one of its supported
   * strategies sums the payoffs over the remaining players' support profiles, each weighted by
   * their probabilities (prefix and suffix products, no division); a free probability moves its
   * strategy's probability up and the player's last supported strategy's down. A player's
   * equations do not depend on its own probabilities: those entries are 0.
   */
  void jacobian(double[] v, double[][] jac) {
    unpack(v);
    int others = n - 1;
    for (int i = 0; i < n; i++) {
      double[] t = table[i];
      if (t == null) {
        continue;
      }
      int[] a = at[i];
      int m = sup[i].length;
      Arrays.fill(dv, 0, po[n] * m, 0);
      for (int o = 0, q = 0; o < t.length; o += m, q += others) {
        // prefix and suffix products of the others' probabilities, in player order
        double p = 1;
        for (int r = 0; r < others; r++) {
          pre[r] = p;
          p *= prob[a[q + r]];
        }
        p = 1;
        for (int r = others - 1; r >= 0; r--) {
          suf[r] = p;
          p *= prob[a[q + r]];
        }
        for (int s = 0; s < m; s++) {
          double u = t[o + s];
          for (int r = 0; r < others; r++) {
            dv[a[q + r] * m + s] += pre[r] * suf[r] * u;
          }
        }
      }
      for (int s = 0; s + 1 < m; s++) {
        double[] row = jac[col[i] + s];
        Arrays.fill(row, col[i], col[i + 1], 0);
        for (int j = 0; j < n; j++) {
          if (j == i) {
            continue;
          }
          int base = po[j] * m;
          int last = base + (sup[j].length - 1) * m;
          for (int c = 0; c + 1 < sup[j].length; c++) {
            int d = base + c * m;
            row[col[j] + c] = (dv[d + s] - dv[last + s]) - (dv[d + s + 1] - dv[last + s + 1]);
          }
        }
      }
    }
  }

  /**
   * Newton's method from v (overwritten with where it ends): from each iterate, the full step
   * and then steps halved up to {@value #HALVINGS} times until the largest residual falls; at
   * most 60 iterations. True when it ends at a root (largest residual below 1e-13, or below
   * 1e-10 after the last iteration) that is isolated ({@link #isolated}).
   */
  boolean solve(double[] v) {
    int d = dim;
    equations(v, f);
    for (int iter = 0; iter < ITERATIONS; iter++) {
      double norm = maxAbs(f);
      if (norm < 1e-13) {
        return isolated(v);
      }
      jacobian(v, system);
      for (int r = 0; r < d; r++) {
        system[r][d] = -f[r];
      }
      if (!gauss(system, step)) {
        return false;
      }
      double t = 1;
      boolean moved = false;
      for (int half = 0; half < HALVINGS && !moved; half++, t /= 2) {
        for (int c = 0; c < d; c++) {
          trial[c] = v[c] + t * step[c];
        }
        equations(trial, fTrial);
        double nw = maxAbs(fTrial);
        if (nw < norm || half == HALVINGS - 1) {
          System.arraycopy(trial, 0, v, 0, d);
          double[] swap = f;
          f = fTrial;
          fTrial = swap;
          moved = nw < norm;
        }
      }
      if (!moved) {
        return false;
      }
    }
    return maxAbs(f) < 1e-10 && isolated(v);
  }

  /**
   * Whether the root v is isolated: the Jacobian there is not singular (its smallest pivot is
   * above 1e-7 times its largest entry). A root on a continuum is skipped, as Gambit skips a
   * singular support.
   */
  private boolean isolated(double[] v) {
    int d = dim;
    double[][] jac = square;
    jacobian(v, jac);
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

  /** Each player's probabilities from the free ones in v. */
  private void unpack(double[] v) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      double rest = 1;
      int last = po[i + 1] - 1;
      for (int s = po[i]; s < last; s++) {
        prob[s] = v[k++];
        rest -= prob[s];
      }
      prob[last] = rest;
    }
  }

  private static double maxAbs(double[] x) {
    double norm = 0;
    for (double y : x) {
      norm = Math.max(norm, Math.abs(y));
    }
    return norm;
  }

  /**
   * Solves the square system [A | b] in m (rows swapped and overwritten) by Gauss-Jordan
   * elimination with partial pivoting into x; false when a pivot is below 1e-14.
   */
  static boolean gauss(double[][] m, double[] x) {
    int n = m.length;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(m[piv][c]) < 1e-14) {
        return false;
      }
      double[] t = m[piv];
      m[piv] = m[c];
      m[c] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double q = m[r][c] / m[c][c];
          for (int j = c; j <= n; j++) {
            m[r][j] -= q * m[c][j];
          }
        }
      }
    }
    for (int c = 0; c < n; c++) {
      x[c] = m[c][n] / m[c][c];
    }
    return true;
  }
}
