package spiral.game;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Predictor-corrector continuation of the zero set of H: R^(n+1) -&gt; R^n, the curve through a
 * regular starting point (Allgower and Georg 1990, "Numerical Continuation Methods", chapters 2
 * and 6: Euler predictor along the tangent, Newton corrector on the chord Jacobian with a QR
 * factorisation by Givens rotations, step length adapted to the corrector's distance and
 * contraction). This is the scheme that Gambit's logit solvers use, with their constants: initial
 * step 0.03, maximal acceleration 1.1, corrector tolerance 1e-4, maximal distance 0.4, maximal
 * contraction 0.6, minimal step 1e-8. The tangent is the last row of the orthogonal factor, so its
 * orientation follows the sign of the augmented Jacobian's determinant; a flip of orientation
 * (a bifurcation) rejects the step and adds a small perturbation to the first equation until the
 * path is past it; where that does not get past it, the step shrinks until it falls below its
 * minimum and tracing stops, as Gambit's does, unless the tracer is asked to cross.
 *
 * <p>Cost per step: one Jacobian and its QR factorisation, O(n^3), plus one evaluation of H per
 * corrector iteration. A rotation against a zero entry is skipped (or, below a negative entry,
 * done as the sign change it is), which gives the same numbers and saves about a quarter of the
 * rotations on a tree's sparse Jacobian.
 */
public final class PathTracer {
  private static final double TOL = 1e-4;
  private static final double MAX_DIST = 0.4;
  private static final double MAX_CONTR = 0.6;
  private static final double ETA = 0.1;
  private static final double H_MIN = 1e-8;
  private static final int MAX_ITER = 100;
  private static final double PERTURBATION = 1e-7;
  private static final double CROSS_STEP = 1e-5;

  /** The system traced: values and the transposed Jacobian. */
  public interface Equations {
    /** H(x) into {@code h} (length n). */
    void value(double[] x, double[] h);

    /**
     * The transposed Jacobian into {@code b}: (n+1) rows, one per variable, and n columns, one
     * per equation; {@code b[k][e]} is the derivative of equation e in variable k.
     */
    void jacobian(double[] x, double[][] b);
  }

  /** How tracing ended: the last point and whether the stopping rule was met. */
  public record Result(double[] point, boolean finished, String reason) {}

  private final double firstStep;
  private final double maxAccel;
  private final int maxSteps;
  private final boolean crossBifurcations;

  /**
   * A tracer with the initial step length, the maximal acceleration (above 1: the factor by
   * which the step may grow or must shrink) and a cap on the number of accepted steps. Without
   * {@code crossBifurcations} it stops where the path's orientation keeps flipping, as Gambit's
   * does; with it, where the orientation flips on an accepted step no longer than 1e-5 (the
   * perturbation has not moved the path off a bifurcation), it crosses the bifurcation, keeping
   * the direction of travel, instead of shrinking the step until it falls below its minimum.
   */
  public PathTracer(double firstStep, double maxAccel, int maxSteps, boolean crossBifurcations) {
    if (!(firstStep > 0) || !Double.isFinite(firstStep)) {
      throw new IllegalArgumentException("the step size must be a positive number");
    }
    if (!(maxAccel > 1) || !Double.isFinite(maxAccel)) {
      throw new IllegalArgumentException("the maximum acceleration must be above 1");
    }
    this.firstStep = firstStep;
    this.maxAccel = maxAccel;
    this.maxSteps = maxSteps;
    this.crossBifurcations = crossBifurcations;
  }

  /**
   * Traces from {@code start} (a zero of H, its last coordinate the parameter) in the direction
   * in which the last coordinate grows, until {@code stop} holds at an accepted point; every
   * accepted point, the start included, goes to {@code onPoint}.
   */
  public Result trace(
      Equations f, double[] start, Predicate<double[]> stop, Consumer<double[]> onPoint) {
    int m = start.length;
    int n = m - 1;
    double[] x = start.clone();
    double[][] b = new double[m][n];
    double[][] q = new double[m][m];
    int[] lo = new int[m]; // the spans of q's rows (qr)
    int[] hi = new int[m];
    f.jacobian(x, b);
    qr(b, q, lo, hi);
    double[] t = q[n].clone();
    double omega = t[n] < 0 ? -1 : 1;
    onPoint.accept(x.clone());
    double h = firstStep;
    double pert = 0;
    double pertCountdown = 0;
    double[] u = new double[m];
    double[] y = new double[n];
    int steps = 0;
    while (!stop.test(x)) {
      Deadline.check();
      if (Math.abs(h) <= H_MIN) {
        return new Result(x, false, "the step size fell below its minimum");
      }
      if (++steps > maxSteps) {
        return new Result(x, false, "too many steps");
      }
      boolean accept = true;
      for (int k = 0; k < m; k++) {
        u[k] = x[k] + h * omega * t[k];
      }
      double decel = 1 / maxAccel;
      f.jacobian(u, b);
      qr(b, q, lo, hi);
      int iter = 1;
      double disto = 0;
      while (true) {
        f.value(u, y);
        if (n > 0) {
          y[0] += pert;
        }
        double dist = newtonStep(q, b, u, y);
        if (!(dist < MAX_DIST)) {
          accept = false;
          break;
        }
        decel = Math.max(decel, Math.sqrt(dist / MAX_DIST) * maxAccel);
        if (iter >= 2) {
          double contr = dist / (disto + TOL * ETA);
          if (contr > MAX_CONTR) {
            accept = false;
            break;
          }
          decel = Math.max(decel, Math.sqrt(contr / MAX_CONTR) * maxAccel);
        }
        if (dist <= TOL) {
          break;
        }
        disto = dist;
        if (++iter > MAX_ITER) {
          return new Result(x, false, "the corrector did not converge");
        }
      }
      double[] newT = q[n];
      double dot = 0;
      for (int k = 0; k < m; k++) {
        dot += t[k] * newT[k];
      }
      boolean flip = dot < 0;
      if (flip && accept && crossBifurcations && Math.abs(h) <= CROSS_STEP) {
        omega = -omega; // a simple bifurcation: cross it on the same branch
      } else if (flip) {
        if (pertCountdown == 0) {
          pert = PERTURBATION;
          pertCountdown = Math.abs(2 * h);
        }
        accept = false;
      }
      if (!accept) {
        h /= maxAccel;
        continue;
      }
      decel = Math.min(decel, maxAccel);
      h = Math.abs(h / decel);
      x = u.clone();
      t = newT.clone();
      onPoint.accept(x.clone());
      if (pertCountdown > 0) {
        pertCountdown -= Math.abs(h);
        if (pertCountdown < 0) {
          pert = 0;
          pertCountdown = 0;
        }
      }
    }
    return new Result(x, true, "finished");
  }

  /** QR by Givens rotations: q b becomes upper triangular in b; q starts as the identity. */
  static void qr(double[][] b, double[][] q) {
    qr(b, q, new int[q.length], new int[q.length]);
  }

  /**
   * As {@link #qr(double[][], double[][])}, with lo and hi (q's length) for the span of each of
   * q's rows, the columns outside which it is 0: a rotation combines two rows only over the union
   * of their spans, which both then take. The spans start as the diagonal and grow as rows mix;
   * the numbers are those of rotating whole rows, but for the sign of zeros.
   */
  static void qr(double[][] b, double[][] q, int[] lo, int[] hi) {
    int m = q.length;
    for (int r = 0; r < m; r++) {
      java.util.Arrays.fill(q[r], 0);
      q[r][r] = 1;
      lo[r] = r;
      hi[r] = r;
    }
    int cols = m - 1;
    for (int c = 0; c < cols; c++) {
      for (int k = c + 1; k < m; k++) {
        givens(b, q, lo, hi, c, k, c);
      }
    }
  }

  private static void givens(
      double[][] b, double[][] q, int[] lo, int[] hi, int l1, int l2, int col) {
    double c1 = b[l1][col];
    double c2 = b[l2][col];
    if (c2 == 0 && c1 >= 0) {
      return; // the rotation is the identity
    }
    if (c2 == 0 && c1 < 0) {
      // a half turn: both rows change sign, exactly as the rotation would
      negate(q[l1], lo[l1], hi[l1] + 1);
      negate(q[l2], lo[l2], hi[l2] + 1);
      negate(b[l1], col, b[l1].length);
      negate(b[l2], col + 1, b[l2].length);
      return;
    }
    double sn =
        Math.abs(c2) >= Math.abs(c1)
            ? Math.sqrt(1 + (c1 / c2) * (c1 / c2)) * Math.abs(c2)
            : Math.sqrt(1 + (c2 / c1) * (c2 / c1)) * Math.abs(c1);
    double s1 = c1 / sn;
    double s2 = c2 / sn;
    double[] q1 = q[l1];
    double[] q2 = q[l2];
    int from = Math.min(lo[l1], lo[l2]);
    int to = Math.max(hi[l1], hi[l2]);
    lo[l1] = from;
    lo[l2] = from;
    hi[l1] = to;
    hi[l2] = to;
    for (int k = from; k <= to; k++) {
      double v1 = q1[k];
      double v2 = q2[k];
      q1[k] = s1 * v1 + s2 * v2;
      q2[k] = -s2 * v1 + s1 * v2;
    }
    double[] b1 = b[l1];
    double[] b2 = b[l2];
    for (int k = col + 1; k < b1.length; k++) {
      double v1 = b1[k];
      double v2 = b2[k];
      b1[k] = s1 * v1 + s2 * v2;
      b2[k] = -s2 * v1 + s1 * v2;
    }
    b1[col] = sn;
    b2[col] = 0;
  }

  /** Changes the sign of r[from] to r[to - 1]. */
  private static void negate(double[] r, int from, int to) {
    for (int k = from; k < to; k++) {
      r[k] = -r[k];
    }
  }

  /** One chord-Newton step u -= Q^T (R^-T y); returns the step's length. Overwrites y. */
  private static double newtonStep(double[][] q, double[][] b, double[] u, double[] y) {
    int n = y.length;
    for (int k = 0; k < n; k++) {
      for (int l = 0; l < k; l++) {
        y[k] -= b[l][k] * y[l];
      }
      y[k] /= b[k][k];
    }
    double d = 0;
    for (int k = 0; k < u.length; k++) {
      double s = 0;
      for (int l = 0; l < n; l++) {
        s += q[l][k] * y[l];
      }
      u[k] -= s;
      d += s * s;
    }
    return Math.sqrt(d);
  }
}
