package spiral.game;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gambit's {@code logit}: follows the principal branch of the logit quantal-response equilibrium
 * correspondence of a strategic game (any number of players) from the centroid at {@code
 * lambda = 0} towards {@code lambda -> infinity}, where it converges to a Nash equilibrium
 * (McKelvey and Palfrey 1995, "Quantal response equilibria for normal form games"; Turocy 2005,
 * "A dynamic homotopy interpretation of the logistic quantal response equilibrium
 * correspondence"). The branch is traced in (log-probabilities, lambda) by predictor-corrector
 * continuation along arc length (Allgower and Georg 1990): an Euler step along the tangent, then
 * Newton's method on the point's orthogonal hyperplane, with adaptive step length. The equations
 * are, per player i: sum_j exp(y_ij) = 1 and y_ij - y_i0 = lambda (u_ij - u_i0) for j &gt; 0.
 *
 * <p>Floating point: the result is an approximate equilibrium. Tracing stops at {@link
 * #LAMBDA_MAX} or when the profile changes by less than 1e-12 between steps at large lambda; a
 * logit QRE at lambda has each player's regret at most (strategies - 1) / (e lambda), so the limit
 * is an epsilon-equilibrium with epsilon about 1e-7 per strategy. Probabilities are returned as
 * rationals on a grid of 1e-12 (the largest absorbing the rounding, so each player's sum is
 * exactly 1); payoffs are computed exactly for that profile. Cost per step: O(profiles x
 * players^2) for the Jacobian plus O(n^3) for the linear solves, n the total number of
 * strategies; the number of steps grows with log(LAMBDA_MAX) on well-behaved games.
 */
public final class LogitQre implements EquilibriumSolver {
  /** The lambda at which tracing stops. */
  public static final double LAMBDA_MAX = 1e7;

  private static final int MAX_STEPS = 200_000;

  /** One point of the branch: lambda and the mixed profile (Gambit's order). */
  public record Point(double lambda, double[] profile) {}

  @Override
  public String name() {
    return "logit";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof StrategicGame g)) {
      throw new IllegalArgumentException(
          "logit is implemented for strategic games (.nfg) only");
    }
    return List.of(toEquilibrium(g, trace(g, null)));
  }

  /**
   * The probabilities x[from..from+m) as exact fractions: each rounded to 1e-12, the largest
   * absorbing the rounding so that the block sums exactly to 1.
   */
  static Rational[] exactBlock(double[] x, int from, int m) {
    BigInteger scale = BigInteger.TEN.pow(12);
    Rational[] r = new Rational[m];
    int big = 0;
    Rational sum = Rational.ZERO;
    for (int j = 0; j < m; j++) {
      if (x[from + j] > x[from + big]) {
        big = j;
      }
      BigDecimal d = new BigDecimal(x[from + j]).setScale(12, RoundingMode.HALF_EVEN);
      r[j] = Rational.of(d.unscaledValue().max(BigInteger.ZERO), scale);
      sum = sum.add(r[j]);
    }
    r[big] = r[big].add(Rational.ONE.subtract(sum));
    return r;
  }

  /** The approximate equilibrium at the end of the branch, as an exact profile. */
  public static Equilibrium toEquilibrium(StrategicGame g, double[] x) {
    List<Rational> profile = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < g.numPlayers(); i++) {
      int m = g.numStrategies(i);
      profile.addAll(List.of(exactBlock(x, k, m)));
      k += m;
    }
    return new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile));
  }

  /**
   * Traces the branch and returns the final profile; {@code path}, when not null, receives every
   * accepted point, the start included.
   */
  public static double[] trace(StrategicGame g, Consumer<Point> path) {
    Tracer t = new Tracer(g);
    return t.run(path);
  }

  /** Largest regret of any player (best pure reply's payoff minus the profile's) in doubles. */
  public static double maxRegret(StrategicGame g, double[] x) {
    return new MixedPayoffs(g, false).maxRegret(x);
  }

  private static final class Tracer {
    final StrategicGame g;
    final MixedPayoffs payoffs;
    final int players;
    final int n; // number of strategies in all
    final int[] first; // offset of each player's block

    Tracer(StrategicGame g) {
      this.g = g;
      payoffs = new MixedPayoffs(g, false);
      players = payoffs.players;
      n = payoffs.n;
      first = payoffs.first;
    }

    /** H(z) and its n x (n+1) Jacobian, z = (y, lambda). */
    void eval(double[] z, double[] h, double[][] jac) {
      double lambda = z[n];
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = Math.exp(z[k]);
      }
      double[] u = new double[n];
      double[][] du = new double[n][n];
      payoffs.values(x, u, du);
      for (double[] row : jac) {
        java.util.Arrays.fill(row, 0);
      }
      for (int i = 0; i < players; i++) {
        int b = first[i];
        int m = first[i + 1] - b;
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += x[b + j];
          jac[b][b + j] = x[b + j];
        }
        h[b] = sum - 1;
        for (int j = 1; j < m; j++) {
          int r = b + j;
          h[r] = z[b + j] - z[b] - lambda * (u[b + j] - u[b]);
          jac[r][b + j] += 1;
          jac[r][b] -= 1;
          for (int k = 0; k < n; k++) {
            if (k < b || k >= b + m) {
              jac[r][k] -= lambda * (du[b + j][k] - du[b][k]) * x[k];
            }
          }
          jac[r][n] = -(u[b + j] - u[b]);
        }
      }
    }

    double[] run(Consumer<Point> path) {
      double[] z = new double[n + 1];
      for (int i = 0; i < players; i++) {
        int m = first[i + 1] - first[i];
        for (int j = 0; j < m; j++) {
          z[first[i] + j] = -Math.log(m);
        }
      }
      emit(path, z);
      double[] t = new double[n + 1];
      t[n] = 1;
      double step = 0.03;
      double[] h = new double[n];
      double[][] jac = new double[n][n + 1];
      double[] prevX = profile(z);
      for (int it = 0; it < MAX_STEPS && z[n] < LAMBDA_MAX; it++) {
        eval(z, h, jac);
        double[] nt = tangent(jac, t);
        if (nt == null) {
          break;
        }
        t = nt;
        boolean accepted = false;
        while (!accepted) {
          double[] zp = new double[n + 1];
          for (int k = 0; k <= n; k++) {
            zp[k] = z[k] + step * t[k];
          }
          double[] zc = correct(zp, t, step);
          if (zc == null) {
            step /= 2;
            if (step < 1e-12) {
              return prevX;
            }
            continue;
          }
          accepted = true;
          z = zc;
          step = Math.min(step * 1.6, Math.max(1, z[n]));
        }
        emit(path, z);
        double[] x = profile(z);
        double change = 0;
        for (int k = 0; k < n; k++) {
          change = Math.max(change, Math.abs(x[k] - prevX[k]));
        }
        prevX = x;
        if (z[n] > 1e3 && change < 1e-12) {
          break;
        }
      }
      return prevX;
    }

    private double[] profile(double[] z) {
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = Math.exp(z[k]);
      }
      return x;
    }

    private void emit(Consumer<Point> path, double[] z) {
      if (path != null) {
        path.accept(new Point(z[n], profile(z)));
      }
    }

    /** Unit tangent of the curve, oriented along the previous tangent. */
    private double[] tangent(double[][] jac, double[] prev) {
      double[][] a = new double[n + 1][];
      for (int r = 0; r < n; r++) {
        a[r] = jac[r].clone();
      }
      a[n] = prev.clone();
      double[] rhs = new double[n + 1];
      rhs[n] = 1;
      double[] t = solve(a, rhs);
      if (t == null) {
        return null;
      }
      double norm = 0;
      for (double v : t) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (!(norm > 0) || Double.isInfinite(norm)) {
        return null;
      }
      for (int k = 0; k <= n; k++) {
        t[k] /= norm;
      }
      return t;
    }

    /** Newton's method on H = 0 within the hyperplane through zp orthogonal to t. */
    private double[] correct(double[] zp, double[] t, double step) {
      double[] z = zp.clone();
      double[] h = new double[n];
      double[][] jac = new double[n][n + 1];
      for (int iter = 0; iter < 8; iter++) {
        eval(z, h, jac);
        double[][] a = new double[n + 1][];
        for (int r = 0; r < n; r++) {
          a[r] = jac[r].clone();
        }
        a[n] = t.clone();
        double[] rhs = new double[n + 1];
        for (int r = 0; r < n; r++) {
          rhs[r] = -h[r];
        }
        double dot = 0;
        for (int k = 0; k <= n; k++) {
          dot += t[k] * (z[k] - zp[k]);
        }
        rhs[n] = -dot;
        double[] d = solve(a, rhs);
        if (d == null) {
          return null;
        }
        double dn = 0;
        double zn = 1;
        for (int k = 0; k <= n; k++) {
          z[k] += d[k];
          dn = Math.max(dn, Math.abs(d[k]));
          zn = Math.max(zn, Math.abs(z[k]));
        }
        if (!Double.isFinite(dn) || z[n] < 0) {
          return null;
        }
        double dist = 0;
        for (int k = 0; k <= n; k++) {
          dist += (z[k] - zp[k]) * (z[k] - zp[k]);
        }
        if (Math.sqrt(dist) > 0.5 * step + 1e-9) {
          return null; // drifted too far: a smaller step keeps us on this branch
        }
        if (dn <= 1e-10 * zn) {
          return z;
        }
      }
      return null;
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a, double[] b) {
      return DenseLinear.solve(a, b);
    }
  }
}
