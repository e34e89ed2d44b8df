package spiral.game;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gambit's {@code gnm}: the global Newton method of Govindan and Wilson (2003, "A global Newton
 * method to compute Nash equilibria", Journal of Economic Theory 110) for strategic games with any
 * number of players. The game is perturbed by giving each strategy the bonus {@code lambda g}
 * (g a perturbation of unit length); with Kohlberg and Mertens' coordinates z (a profile is
 * {@code sigma = r(z)}, the Euclidean projection of z onto each player's simplex) the
 * equilibria of the perturbed games form the zeros of {@code H(z, lambda) = z - r(z) - V(r(z)) -
 * lambda g}, V the strategies' payoffs against the others' mixtures (payoffs divided by the
 * game's range). That set contains a path that starts, for large lambda, at the pure profile
 * that maximises g for each player, and ends at lambda -&gt; -infinity; each time it crosses lambda
 * = 0 it passes an equilibrium of the game, an odd number of them in all. The path is piecewise
 * smooth (r is affine on each cell of fixed supports) and is traced in (z, -lambda) until lambda
 * reaches {@code lambdaEnd}: Euler predictor along the tangent (the last row of a QR
 * factorisation by Givens rotations), each step cut just past the first support change on its
 * line, Newton corrector on the hyperplane orthogonal to the tangent; past a support change the
 * tangent of the new cell is oriented into that cell. At each crossing of 0 the point is refined
 * by Newton's method on H(., 0) and reported when its regret is below 1e-6 of the payoff range
 * and it differs from those already reported on this path.
 *
 * <p>Floating point: the equilibria are approximate. Cost per step: O(profiles x players^2) for
 * the payoffs and their derivatives plus O(n^3) for the factorisation, n the number of strategies
 * in all; the number of steps grows with the number of support changes along the path.
 */
public final class GlobalNewton {
  /** Gambit's default lambda at which tracing stops. */
  public static final double DEFAULT_LAMBDA_END = -10;

  /** Spiral's default seed of the perturbations (Gambit seeds from entropy). */
  public static final long DEFAULT_SEED = 0;

  /** Largest regret of a reported equilibrium, relative to the payoff range. */
  public static final double MAX_REGRET = 1e-6;

  private final StrategicGame g;
  private final int players;
  private final int n;
  private final int[] first;
  private final MixedPayoffs payoffs; // divided by the range

  /** The method for a game. */
  public GlobalNewton(StrategicGame g) {
    this.g = g;
    payoffs = new MixedPayoffs(g, true);
    players = payoffs.players;
    first = payoffs.first;
    n = payoffs.n;
  }

  /** {@code count} perturbations, each uniform on each player's simplex, from {@code seed}. */
  public List<double[]> randomPerturbations(int count, long seed) {
    return new Liapunov(g).randomStarts(count, seed);
  }

  /**
   * Traces the path of perturbation {@code pert} (any vector of the profile's length that is not
   * zero) until lambda reaches {@code lambdaEnd} (negative); each equilibrium found at a crossing
   * of lambda = 0 goes to {@code onEquilibrium}, in the order of the path.
   */
  public void solve(double[] pert, double lambdaEnd, Consumer<double[]> onEquilibrium) {
    if (pert.length != n) {
      throw new IllegalArgumentException(
          "a perturbation has " + pert.length + " entries, not " + n);
    }
    if (!(lambdaEnd < 0)) {
      throw new IllegalArgumentException("the end lambda must be negative");
    }
    double norm = 0;
    for (double v : pert) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("the perturbation must not be zero");
    }
    double[] gv = new double[n];
    for (int k = 0; k < n; k++) {
      gv[k] = pert[k] / norm;
    }
    // the start: each player's strategy with the largest bonus, lambda large enough
    double[] sigma = new double[n];
    int[] best = new int[players];
    for (int i = 0; i < players; i++) {
      for (int j = 1; j < g.numStrategies(i); j++) {
        if (gv[first[i] + j] > gv[first[i] + best[i]]) {
          best[i] = j;
        }
      }
      sigma[first[i] + best[i]] = 1;
    }
    double[] v = new double[n];
    payoffs.values(sigma, v, null);
    double lambda0 = 1;
    for (int i = 0; i < players; i++) {
      int b = first[i] + best[i];
      for (int k = first[i]; k < first[i + 1]; k++) {
        double gap = gv[b] - gv[k];
        if (k != b && gap > 0) {
          lambda0 = Math.max(lambda0, (v[k] - v[b] + 1) / gap);
        } else if (k != b) {
          lambda0 = Double.NaN; // a tie in the perturbation: no unique start
        }
      }
    }
    if (Double.isNaN(lambda0)) {
      throw new IllegalArgumentException(
          "the perturbation ties two strategies of a player: no unique starting point");
    }
    double[] start = new double[n + 1];
    for (int k = 0; k < n; k++) {
      start[k] = sigma[k] + v[k] + lambda0 * gv[k];
    }
    start[n] = -lambda0; // the tracer's parameter is -lambda, increasing
    Equations eq = new Equations(gv);
    List<double[]> found = new ArrayList<>();
    trace(eq, start, -lambdaEnd, z -> {}, (p, z) -> {
      double s = -p[n] / (z[n] - p[n]);
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = p[k] + s * (z[k] - p[k]);
      }
      double[] eqm = refine(eq, x);
      if (eqm != null && found.stream().noneMatch(f -> maxDistance(f, eqm) < 1e-6)) {
        found.add(eqm);
        onEquilibrium.accept(eqm);
      }
    });
  }

  /**
   * Predictor-corrector along the path, each predictor step cut just past the first support
   * change on its line (so that Newton's method works within one piece of the path), the
   * corrector full Newton on the hyperplane orthogonal to the tangent.
   */
  private void trace(Equations eq, double[] start, double muEnd, Consumer<double[]> onPoint,
      java.util.function.BiConsumer<double[], double[]> onCrossing) {
    int m = n + 1;
    double[] x = start.clone();
    double[][] b = new double[m][n];
    double[][] q = new double[m][m];
    eq.jacobian(x, b);
    PathTracer.qr(b, q);
    double[] t = q[n].clone();
    if (t[n] < 0) {
      scale(t, -1);
    }
    double h = 0.1;
    double side = x[n];
    onPoint.accept(x);
    for (int step = 0; step < MAX_STEPS && x[n] < muEnd; step++) {
      Deadline.check();
      if (h < 1e-12) {
        return;
      }
      double cut = boundary(x, t);
      double hs = Math.min(h, cut * 1.000001 + 1e-9);
      double[] u = new double[m];
      for (int k = 0; k < m; k++) {
        u[k] = x[k] + hs * t[k];
      }
      double[] c = correct(eq, u, t);
      if (c == null || distance(c, u) > 0.5 * hs + 1e-9) {
        h = hs / 2;
        continue;
      }
      double[] nt;
      String from = support(x);
      String to = support(c);
      if (!from.equals(to)) {
        // past a support change: the tangent of the new piece, pointing into it
        double[] dir = new double[m];
        for (int k = 0; k < m; k++) {
          dir[k] = c[k] - x[k];
        }
        scale(dir, 1e-9 / Math.max(1e-300, Math.sqrt(dot(dir, dir))));
        double[] inside = c.clone();
        for (int k = 0; k < m; k++) {
          inside[k] += dir[k];
        }
        String cell = support(inside);
        eq.jacobian(inside, b);
        PathTracer.qr(b, q);
        nt = q[n].clone();
        double[] ahead = c.clone();
        for (int k = 0; k < m; k++) {
          ahead[k] += 1e-7 * nt[k];
        }
        if (!support(ahead).equals(cell)) {
          scale(nt, -1);
        }
      } else {
        eq.jacobian(c, b);
        PathTracer.qr(b, q);
        nt = q[n].clone();
        if (dot(t, nt) < 0) {
          if (hs > 1e-6) {
            h = hs / 2;
            continue;
          }
          scale(nt, -1);
        }
      }
      if (Math.abs(c[n]) <= BAND && Math.abs(x[n]) > BAND) {
        onCrossing.accept(x, c); // the path reaches lambda = 0
      } else if (Math.abs(c[n]) > BAND && (c[n] < 0) != (side < 0)) {
        onCrossing.accept(x, c); // the path left one side of lambda = 0 for the other
      }
      if (Math.abs(c[n]) > BAND) {
        side = c[n];
      }
      x = c;
      t = nt;
      onPoint.accept(x);
      h = Math.max(hs, h) * 1.5;
    }
  }

  private static void scale(double[] v, double f) {
    for (int k = 0; k < v.length; k++) {
      v[k] *= f;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** Which strategies r(z) uses, as a string of 0s and 1s. */
  private String support(double[] z) {
    double[] sigma = java.util.Arrays.copyOf(z, n);
    project(sigma);
    StringBuilder b = new StringBuilder(n);
    for (double v : sigma) {
      b.append(v > 0 ? '1' : '0');
    }
    return b.toString();
  }

  private static final int MAX_STEPS = 1_000_000;

  /**
   * A crossing of lambda = 0 counts once the path is this far past it: a path running along a
   * continuum of equilibria at lambda = 0 crosses it back and forth by rounding alone.
   */
  private static final double BAND = 1e-9;

  private static double maxDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s = Math.max(s, Math.abs(a[k] - b[k]));
    }
    return s;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }

  /** The distance along z + s d (s &gt; 0) to the first change of any player's support. */
  private double boundary(double[] z, double[] d) {
    double best = Double.POSITIVE_INFINITY;
    double[] sigma = java.util.Arrays.copyOf(z, n);
    project(sigma);
    for (int i = 0; i < players; i++) {
      int size = 0;
      double sumD = 0;
      double theta = 0;
      for (int k = first[i]; k < first[i + 1]; k++) {
        if (sigma[k] > 0) {
          size++;
          sumD += d[k];
          theta = z[k] - sigma[k];
        }
      }
      double dTheta = sumD / size;
      for (int k = first[i]; k < first[i + 1]; k++) {
        double rate = d[k] - dTheta; // of z_k - theta
        double gap = z[k] - theta;
        if (rate != 0) {
          double s = -gap / rate;
          if (s > 1e-12 && s < best) {
            best = s;
          }
        }
      }
    }
    return best;
  }

  /** Newton on H = 0 within the hyperplane through u orthogonal to t; null if it fails. */
  private double[] correct(Equations eq, double[] u, double[] t) {
    int m = n + 1;
    double[] z = u.clone();
    double[] h = new double[n];
    double[][] jt = new double[m][n];
    for (int it = 0; it < 12; it++) {
      eq.value(z, h);
      double res = 0;
      for (double v : h) {
        res = Math.max(res, Math.abs(v));
      }
      if (res < 1e-11) {
        return z;
      }
      eq.jacobian(z, jt);
      double[][] a = new double[m][m];
      double[] rhs = new double[m];
      for (int e = 0; e < n; e++) {
        for (int k = 0; k < m; k++) {
          a[e][k] = jt[k][e];
        }
        rhs[e] = h[e];
      }
      double dot = 0;
      for (int k = 0; k < m; k++) {
        a[n][k] = t[k];
        dot += t[k] * (z[k] - u[k]);
      }
      rhs[n] = dot;
      double[] dz = solveLinear(a, rhs);
      if (dz == null) {
        return null;
      }
      for (int k = 0; k < m; k++) {
        z[k] -= dz[k];
      }
    }
    return null;
  }

  /**
   * Newton's method on the unperturbed H(., 0) from the profile x (that is, from z = x + V(x)): a
   * nearby equilibrium, or x itself, when its regret is below {@link #MAX_REGRET}; else null.
   */
  double[] refine(double[] x) {
    double[] z = new double[n + 1];
    double[] v = new double[n];
    payoffs.values(x, v, null);
    for (int k = 0; k < n; k++) {
      z[k] = x[k] + v[k];
    }
    return refine(new Equations(new double[n]), z);
  }

  /** Newton's method on H(., 0) from z; the profile r(z) when its regret is small, else null. */
  private double[] refine(Equations eq, double[] z0) {
    double[] z = java.util.Arrays.copyOf(z0, n + 1);
    z[n] = 0;
    double[] h = new double[n];
    double[][] jt = new double[n + 1][n];
    for (int it = 0; it < 20; it++) {
      eq.value(z, h);
      double res = 0;
      for (double v : h) {
        res = Math.max(res, Math.abs(v));
      }
      if (res < 1e-13) {
        break;
      }
      eq.jacobian(z, jt);
      double[][] a = new double[n][n];
      for (int e = 0; e < n; e++) {
        for (int k = 0; k < n; k++) {
          a[e][k] = jt[k][e];
        }
      }
      double[] d = solveLinear(a, h);
      if (d == null) {
        break;
      }
      for (int k = 0; k < n; k++) {
        z[k] -= d[k];
      }
    }
    double[] sigma = java.util.Arrays.copyOf(z, n);
    project(sigma);
    if (regret(sigma) < MAX_REGRET) {
      return sigma;
    }
    // Newton's method fails where the equilibria are not isolated: the path's own point
    double[] raw = java.util.Arrays.copyOf(z0, n);
    project(raw);
    return regret(raw) < MAX_REGRET ? raw : null;
  }

  /** The largest regret of any player, relative to the payoff range. */
  public double regret(double[] x) {
    return payoffs.maxRegret(x);
  }

  /** Euclidean projection of each player's block onto the simplex. */
  private void project(double[] x) {
    Simplex.project(x, first, players);
  }

  /** H(z, mu) = z - r(z) - V(r(z)) + mu g, mu = -lambda. */
  private final class Equations implements PathTracer.Equations {
    final double[] gv;

    Equations(double[] gv) {
      this.gv = gv;
    }

    @Override
    public void value(double[] z, double[] h) {
      double[] sigma = java.util.Arrays.copyOf(z, n);
      project(sigma);
      double[] v = new double[n];
      payoffs.values(sigma, v, null);
      for (int k = 0; k < n; k++) {
        h[k] = z[k] - sigma[k] - v[k] + z[n] * gv[k];
      }
    }

    @Override
    public void jacobian(double[] z, double[][] jt) {
      double[] sigma = java.util.Arrays.copyOf(z, n);
      project(sigma);
      double[] v = new double[n];
      double[][] dv = new double[n][n];
      payoffs.values(sigma, v, dv);
      // R = dr/dz: per player, on the support S, delta - 1/|S|
      double[][] r = new double[n][n];
      for (int i = 0; i < players; i++) {
        List<Integer> support = new ArrayList<>();
        for (int k = first[i]; k < first[i + 1]; k++) {
          if (sigma[k] > 0) {
            support.add(k);
          }
        }
        double inv = 1.0 / support.size();
        for (int a : support) {
          for (int b : support) {
            r[a][b] = (a == b ? 1 : 0) - inv;
          }
        }
      }
      for (int e = 0; e < n; e++) {
        for (int k = 0; k < n; k++) {
          double d = (e == k ? 1 : 0) - r[e][k];
          for (int w = 0; w < n; w++) {
            if (dv[e][w] != 0 && r[w][k] != 0) {
              d -= dv[e][w] * r[w][k];
            }
          }
          jt[k][e] = d;
        }
        jt[n][e] = gv[e];
      }
    }
  }

  /** Gaussian elimination with partial pivoting; null when singular (a is changed, b0 is not). */
  private static double[] solveLinear(double[][] a, double[] b0) {
    return DenseLinear.solve(a, b0.clone());
  }
}
