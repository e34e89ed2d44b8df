package spiral.game;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gambit's {@code gnm}: the global Newton method of Govindan and Wilson (2003, "A global Newton
 * method to compute Nash equilibria", Journal of Economic Theory 110) for strategic games with any
 * number of players, following the path as GameTracer (Blum, Shelton and Koller), which Gambit
 * uses, does. The game's payoffs are shifted and scaled to run from 0 to 1; the game is perturbed
 * by giving each strategy the bonus {@code lambda g} (g the perturbation made unit length, then
 * scaled so that at lambda = 1 the pure profile maximising g is the perturbed game's only
 * equilibrium). With Kohlberg and Mertens' coordinates z (a profile is {@code sigma = r(z)}, the
 * Euclidean projection of z onto each player's simplex) the equilibria of the perturbed games
 * contain a path from that profile (lambda = 1) to lambda -&gt; -infinity; each time it crosses
 * lambda = 0 it passes an equilibrium of the game.
 *
 * <p>On each cell of fixed supports the path is followed along the vector field {@code dz = -adj(J)
 * g}, {@code dlambda = -det(J)}, {@code J = I - (I + DG) R} (DG the payoffs' derivatives, R the
 * projection's Jacobian on the current support): the adjugate gives the direction even where J is
 * singular, so a path that runs through a range of equilibria (lambda constant) goes on through
 * it. The support is kept as a set of strategies that changes by one strategy at each boundary
 * (the first strategy whose payoff meets the support's on the linearised path; the one just
 * crossed is not crossed back at once), not read off the point, so ties in degenerate games do not
 * stall the path. With two players the path is linear in each cell and each cell is crossed in
 * one step; with more, each cell in {@code steps} Euler steps with the local Newton method every
 * {@code lnmFrequency} steps ({@code lnmMaxIterations} iterations) to return to the path, and
 * tracing stops when the error exceeds 10⁻². DG's diagonal blocks hold tiny distinct values
 * (multiples of 10⁻¹²), as GameTracer's, which breaks the ties of degenerate games. The path ends
 * when lambda passes {@code lambdaEnd} after an odd number of crossings, or when no boundary lies
 * ahead.
 *
 * <p>Each crossing's profile is reported when its regret is below {@link #MAX_REGRET} of the
 * payoff range (or, failing that, after Newton's method on the unperturbed system brings it there)
 * and it differs from those already reported on this path.
 *
 * <p>Floating point: the equilibria are approximate. Cost per step: O(profiles x players^2) for
 * the payoffs and their derivatives plus O(n^3) for the adjugate, n the number of strategies in
 * all; the number of steps grows with the number of support changes along the path.
 */
public final class GlobalNewton {
  /** Gambit's default lambda at which tracing stops. */
  public static final double DEFAULT_LAMBDA_END = -10;

  /** Gambit's default number of steps in each support cell (games of three or more players). */
  public static final int DEFAULT_STEPS = 100;

  /** Gambit's default: the local Newton method every this many steps. */
  public static final int DEFAULT_LNM_FREQUENCY = 3;

  /** Gambit's default number of iterations of the local Newton method. */
  public static final int DEFAULT_LNM_MAX_ITERATIONS = 10;

  /** Spiral's default seed of the perturbations (Gambit seeds from entropy). */
  public static final long DEFAULT_SEED = 0;

  /** Largest regret of a reported equilibrium, relative to the payoff range. */
  public static final double MAX_REGRET = 1e-6;

  private static final double BIG = 3.0e+28f;
  private static final double FUZZ = 1e-12;
  private static final double THRESHOLD = 1e-2;

  private final StrategicGame g;
  private final int players;
  private final int n;
  private final int[] first;
  private final MixedPayoffs payoffs; // shifted to start at 0, divided by the range
  /** The scaled payoffs' unit over the game's own payoff range (1 but for a tree's bounds). */
  private final double regretUnit;

  /** The method for a game, its payoffs scaled by their own range. */
  public GlobalNewton(StrategicGame g) {
    this(g, null);
  }

  /**
   * The method for a game whose payoffs are scaled by {@code bounds} (smallest and largest; null:
   * the game's own), as Gambit scales a tree's reduced strategic form by the tree's {@link
   * ExtensiveGame#payoffBounds()}; the path depends on the scale. Regrets are still measured
   * against the game's own payoff range.
   */
  public GlobalNewton(StrategicGame g, Rational[] bounds) {
    this.g = g;
    payoffs = bounds == null ? new MixedPayoffs(g, true, true) : new MixedPayoffs(g, bounds);
    players = payoffs.players;
    first = payoffs.first;
    n = payoffs.n;
    double unit = 1;
    if (bounds != null && bounds[1].compareTo(bounds[0]) > 0 && payoffs.range > 0) {
      unit = bounds[1].subtract(bounds[0]).doubleValue() / payoffs.range;
    }
    regretUnit = unit;
  }

  /** {@code count} perturbations, each uniform on each player's simplex, from {@code seed}. */
  public List<double[]> randomPerturbations(int count, long seed) {
    return new Liapunov(g).randomStarts(count, seed);
  }

  /** What the path passes, for a verbose trace. */
  public interface Trace {
    /** The perturbation, made unit length. */
    void perturbation(double[] g);

    /** The starting profile. */
    void start(double[] sigma);

    /** The profile where the path meets a support boundary, at lambda. */
    void boundary(double lambda, double[] sigma);
  }

  /**
   * Traces the path of perturbation {@code pert} with Gambit's default steps until lambda reaches
   * {@code lambdaEnd} (negative); each equilibrium found at a crossing of lambda = 0 goes to
   * {@code onEquilibrium}, in the order of the path.
   */
  public void solve(double[] pert, double lambdaEnd, Consumer<double[]> onEquilibrium) {
    solve(pert, lambdaEnd, DEFAULT_STEPS, DEFAULT_LNM_FREQUENCY, DEFAULT_LNM_MAX_ITERATIONS,
        onEquilibrium, null);
  }

  /**
   * Traces the path of perturbation {@code pert} (any vector of the profile's length that is not
   * zero and has a unique largest entry for each player) until lambda reaches {@code lambdaEnd}
   * (negative): {@code steps} steps per support cell, the local Newton method every
   * {@code lnmFrequency} steps with at most {@code lnmMaxIterations} iterations (three or more
   * players); each equilibrium found at a crossing of lambda = 0 goes to {@code onEquilibrium}, in
   * the order of the path, and, when {@code trace} is not null, the perturbation, the start and
   * each support boundary to it.
   */
  public void solve(double[] pert, double lambdaEnd, int steps, int lnmFrequency,
      int lnmMaxIterations, Consumer<double[]> onEquilibrium, Trace trace) {
    if (pert.length != n) {
      throw new IllegalArgumentException(
          "a perturbation has " + pert.length + " entries, not " + n);
    }
    if (!(lambdaEnd < 0)) {
      throw new IllegalArgumentException("the end lambda must be negative");
    }
    if (steps < 1 || lnmFrequency < 1 || lnmMaxIterations < 1) {
      throw new IllegalArgumentException(
          "the steps, the local Newton frequency and its iterations must be at least 1");
    }
    double norm = 0;
    boolean nonzero = false;
    for (double v : pert) {
      norm += v * v;
      nonzero |= v != 0;
    }
    if (!nonzero) {
      throw new IllegalArgumentException(
          "Perturbation vector must have at least one nonzero component.");
    }
    for (int i = 0; i < players; i++) {
      // Gambit's test: a later entry equal to the largest so far is a tie
      double max = pert[first[i]];
      for (int k = first[i] + 1; k < first[i + 1]; k++) {
        if (pert[k] > max) {
          max = pert[k];
        } else if (pert[k] == max) {
          throw new IllegalArgumentException(
              "Perturbation vector does not have unique maximizer for player " + (i + 1));
        }
      }
    }
    norm = Math.sqrt(norm);
    if (!Double.isFinite(norm)) {
      throw new IllegalArgumentException("the perturbation must be finite");
    }
    double[] gv = new double[n];
    for (int k = 0; k < n; k++) {
      gv[k] = pert[k] / norm;
    }
    if (trace != null) {
      trace.perturbation(gv.clone());
    }
    List<double[]> found = new ArrayList<>();
    Consumer<double[]> report = eqm -> {
      if (found.stream().noneMatch(f -> maxDistance(f, eqm) < 1e-6)) {
        found.add(eqm);
        onEquilibrium.accept(eqm);
      }
    };
    // the last profile on the path near lambda = 0 that is an equilibrium (since the last
    // crossing, and in all): where the path runs through a range of equilibria, rounding decides
    // where it leaves lambda = 0, and the profile there may be off the path
    double[][] recent = new double[2][];
    int[] stale = new int[1];
    try {
      follow(gv, steps, lnmFrequency, lnmMaxIterations, lambdaEnd, trace, x -> {
        double[] eqm = regret(x) < MAX_REGRET ? x : refine(x);
        if (eqm == null) {
          eqm = recent[0];
        }
        recent[0] = null;
        int before = found.size();
        if (eqm != null) {
          report.accept(eqm);
        }
        stale[0] = found.size() > before ? 0 : stale[0] + 1;
        if (stale[0] >= MAX_STALE_CROSSINGS) {
          throw new Cycling();
        }
      }, x -> {
        if (regret(x) < MAX_REGRET) {
          recent[0] = x;
          recent[1] = x;
        }
      });
    } catch (Cycling e) {
      // the path keeps crossing lambda = 0 at equilibria already reported: it has come round
    }
    if (found.isEmpty() && recent[1] != null) {
      report.accept(recent[1]);
    }
  }

  /**
   * Crossings of lambda = 0 in a row that find no new equilibrium after which the path is taken
   * to cycle (Gambit's follows such a path until it is stopped, printing the same lines again).
   */
  static final int MAX_STALE_CROSSINGS = 200;

  private static final class Cycling extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cycling() {
      super(null, null, false, false);
    }
  }

  /** The path following proper (GameTracer's GNM with its defaults: no wobble). */
  private void follow(double[] g, int steps, int lnmFreq, int lnmMax, double lambdaMin,
      Trace trace, Consumer<double[]> onCrossing, Consumer<double[]> onNearZero) {
    final int m = n;
    final int np = players;
    int sHatOld = -1;
    int sHat = -1;
    int nHat = -1;
    int index = 1;
    int[] s = new int[np];
    boolean[] b = new boolean[m];
    double[] bestG = new double[np];
    for (int i = 0; i < np; i++) {
      int best = first[i];
      for (int k = first[i] + 1; k < first[i + 1]; k++) {
        if (g[k] > g[best]) {
          best = k;
        }
      }
      s[i] = best;
      b[best] = true;
      bestG[i] = g[best];
    }
    double[] sigma = new double[m];
    for (int k = 0; k < m; k++) {
      sigma[k] = b[k] ? 1 : 0;
    }
    if (trace != null) {
      trace.start(sigma.clone());
    }
    double[][] dg = new double[m][m];
    double[] v = new double[m];
    payoffMatrix(dg, sigma);
    multiply(dg, sigma, v);
    divide(v, np - 1);
    double scaleV = 0;
    for (int i = 0; i < np; i++) {
      double own = v[s[i]];
      for (int k = first[i]; k < first[i + 1]; k++) {
        if (!b[k]) {
          if (bestG[i] - g[k] < THRESHOLD) {
            g[k] -= THRESHOLD;
          }
          double newV = (v[k] - own) / (bestG[i] - g[k]);
          if (newV > scaleV) {
            scaleV = newV;
          }
        }
      }
    }
    double lambda = 1;
    scaleV += 1;
    for (int k = 0; k < m; k++) {
      g[k] *= scaleV;
    }
    if (np <= 2) {
      lnmFreq = 0;
      steps = 1;
    }
    double[] z = new double[m];
    for (int k = 0; k < m; k++) {
      z[k] = g[k] + v[k] + sigma[k];
    }
    double[][] r = new double[m][m];
    retractJac(r, b);
    double[][] jm = new double[m][m];
    double[] dz = new double[m];
    double[] dv = new double[m];
    double[] y1 = new double[m];
    double[] g0 = new double[m];
    double[] err = new double[m];
    double[] zero = new double[m];
    double det = 0;
    for (int pass = 0; pass < MAX_STEPS; pass++) {
      int k = 0;
      for (int stepsLeft = steps; stepsLeft > 0; stepsLeft--) {
        Deadline.check();
        det = jacobianAdjugate(jm, dg, r);
        multiply(jm, g, dz);
        negate(dz);
        double dlambda = -det;
        multiply(r, dz, y1);
        multiply(dg, y1, dv);
        for (int e = 0; e < m; e++) {
          dv[e] += g[e] * dlambda;
        }
        multiply(dg, sigma, v);
        divide(v, np - 1);
        for (int e = 0; e < m; e++) {
          v[e] += g[e] * lambda;
        }
        double minBound = BIG;
        for (int i = 0; i < np; i++) {
          for (int e = first[i]; e < first[i + 1]; e++) {
            if (dz[e] != dv[s[i]] && sHatOld != e) {
              double bound = (z[e] - v[s[i]]) / (dv[s[i]] - dz[e]);
              if (bound > 0 && bound < minBound) {
                minBound = bound;
                sHat = e;
                nHat = i;
              }
            }
          }
        }
        double del = minBound;
        double delta = minBound;
        if (minBound == BIG && index * (lambda + dlambda * delta) > 0) {
          return; // no more boundaries and no next equilibrium
        }
        delta = del / stepsLeft;
        if (index * (lambda + dlambda * delta) <= 0) {
          if (minBound == BIG && np > 2 && stepsLeft > 1) {
            del = -lambda / dlambda;
            delta = del / stepsLeft;
          } else {
            // the path crosses lambda = 0 in this step: an equilibrium
            double to = -lambda / dlambda;
            for (int e = 0; e < m; e++) {
              z[e] += dz[e] * to;
            }
            lambda = 0;
            retract(sigma, z);
            payoffMatrix(dg, sigma);
            double ee = 0;
            if (np > 2) {
              double d = jacobianAdjugate(jm, dg, r);
              ee = lnm(z, zero, d, jm, dg, sigma, lnmMax);
            }
            for (double x : sigma) {
              if (!Double.isFinite(x)) {
                return;
              }
            }
            if (ee < FUZZ) {
              onCrossing.accept(sigma.clone());
            }
            index = -index;
            sHatOld = -1;
            stepsLeft++;
            continue;
          }
        }
        if (del == BIG) {
          return; // no next support boundary after this equilibrium
        }
        for (int e = 0; e < m; e++) {
          z[e] += dz[e] * delta;
        }
        lambda += dlambda * delta;
        if (lambda < lambdaMin && index == -1) {
          return; // far out in the reverse direction
        }
        retract(sigma, z);
        payoffMatrix(dg, sigma);
        if (np <= 2) {
          break; // at the support boundary already
        }
        multiply(dg, sigma, err);
        divide(err, np - 1);
        double ee = 0;
        for (int e = 0; e < m; e++) {
          g0[e] = g[e] * lambda;
          err[e] = -(err[e] + g0[e] + sigma[e] - z[e]);
          ee = Math.max(ee, Math.abs(err[e]));
        }
        if (ee < FUZZ && stepsLeft > 2) {
          stepsLeft = 2; // nearly linear: on to the boundary, then the local Newton method
          k = lnmFreq - 1;
        }
        if (ee > THRESHOLD) {
          return; // too much error
        }
        if (stepsLeft > 1 && ++k == lnmFreq) {
          lnm(z, g0, det, jm, dg, sigma, lnmMax);
          k = 0;
        }
      }
      // at a support boundary: strategy sHat enters or leaves
      if (sHat < 0) {
        return;
      }
      if (s[nHat] == sHat) {
        for (int e = first[nHat]; e < first[nHat + 1]; e++) {
          if (b[e] && e != sHat) {
            s[nHat] = e;
            break;
          }
        }
      }
      b[sHat] = !b[sHat];
      retractJac(r, b);
      sHatOld = sHat;
      retract(y1, z);
      for (int e = 0; e < m; e++) {
        sigma[e] = b[e] && y1[e] >= FUZZ ? y1[e] : 0;
      }
      for (int i = 0; i < np; i++) {
        double sum = 0;
        for (int e = first[i]; e < first[i + 1]; e++) {
          sum += sigma[e];
        }
        for (int e = first[i]; e < first[i + 1]; e++) {
          sigma[e] /= sum;
        }
      }
      if (trace != null) {
        trace.boundary(lambda, sigma.clone());
      }
      if (Math.abs(lambda) < NEAR_ZERO) {
        onNearZero.accept(sigma.clone());
      }
      for (int e = 0; e < m; e++) {
        z[e] += sigma[e] - y1[e];
      }
    }
  }

  private static final int MAX_STEPS = 10_000_000;

  /** A support boundary this close to lambda = 0 may lie in a range of equilibria. */
  private static final double NEAR_ZERO = 1e-8;

  /**
   * The local Newton method: moves z towards the path (the zeros of z - sigma - DG sigma / (N - 1)
   * - gl) with the adjugate j of the Jacobian and its determinant det; sigma and dg follow z.
   * Returns the last residual.
   */
  private double lnm(double[] z, double[] gl, double det, double[][] j, double[][] dg,
      double[] sigma, int maxLnm) {
    if (maxLnm < 1 || det == 0) {
      return FUZZ;
    }
    int m = n;
    double[] del = new double[m];
    double[] scratch = new double[m];
    double[] backup = new double[m];
    double e = BIG;
    double ee = BIG;
    boolean faulted = false;
    double bb = 1 / det;
    for (int k = 0; k < maxLnm; k++) {
      multiply(dg, sigma, del);
      ee = 0;
      for (int i = 0; i < m; i++) {
        del[i] = -(del[i] / (players - 1) + gl[i] + sigma[i] - z[i]);
        ee = Math.max(ee, Math.abs(del[i]));
      }
      if (ee < FUZZ) {
        break;
      } else if (e < ee) { // worse: back, and smaller steps, once
        System.arraycopy(backup, 0, z, 0, m);
        retract(sigma, z);
        payoffMatrix(dg, sigma);
        if (faulted) {
          return e;
        }
        bb /= maxLnm;
        e = BIG;
        faulted = true;
        continue;
      }
      e = ee;
      multiply(j, del, scratch);
      System.arraycopy(z, 0, backup, 0, m);
      for (int i = 0; i < m; i++) {
        z[i] -= scratch[i] * bb;
      }
      retract(sigma, z);
      payoffMatrix(dg, sigma);
    }
    return ee;
  }

  /**
   * jm := adj(I - (I + DG) R); returns det(I - (I + DG) R) (GameTracer's adjoint). R, the
   * retraction's Jacobian, is block diagonal by player, so each entry of the product sums over
   * one player's strategies only (the same terms, in the same order, as the whole row).
   */
  private double jacobianAdjugate(double[][] jm, double[][] dg, double[][] r) {
    int m = n;
    for (int a = 0; a < m; a++) {
      double[] row = dg[a];
      for (int i = 0; i < players; i++) {
        for (int c = first[i]; c < first[i + 1]; c++) {
          double sum = 0;
          for (int k = first[i]; k < first[i + 1]; k++) {
            double rk = r[k][c];
            if (rk != 0) {
              sum += (a == k ? 1 + row[k] : row[k]) * rk;
            }
          }
          jm[a][c] = (a == c ? 1 : 0) - sum;
        }
      }
    }
    return adjoint(jm);
  }

  /**
   * Replaces x by its adjugate (fraction-free elimination, as GameTracer's cmatrix::adjoint) and
   * returns its determinant; where the matrix has rank below n - 1 it is left unchanged and the
   * result is {@code Double.MAX_VALUE}.
   */
  static double adjoint(double[][] x) {
    int m = x.length;
    int lastj = -1;
    int[] rr = new int[m];
    int[] cc = new int[m];
    double d = 1;
    double[][] ret = new double[m][];
    for (int i = 0; i < m; i++) {
      ret[i] = x[i].clone();
    }
    java.util.Arrays.fill(rr, -1);
    for (int j = 0; j < m; j++) {
      if (d == 0.0) {
        return Double.MAX_VALUE;
      }
      double max = -1;
      int maxi = -1;
      for (int i = 0; i < m; i++) {
        if (rr[i] < 0 && Math.abs(ret[i][j]) > max) {
          max = Math.abs(ret[i][j]);
          maxi = i;
        }
      }
      if (j != lastj && max == 0.0) {
        if (lastj >= 0) {
          return Double.MAX_VALUE;
        }
        lastj = j;
        if (j != m - 1) {
          continue;
        }
      }
      if (maxi == -1) {
        throw new ArithmeticException("unable to compute the adjugate");
      }
      int i = maxi;
      double pivot = ret[i][j];
      for (int i0 = 0; i0 < m; i0++) {
        if (i0 != i) {
          double[] row = ret[i0];
          double rij = row[j];
          double[] prow = ret[i];
          for (int j0 = 0; j0 < m; j0++) {
            if (j0 != j) {
              row[j0] = (row[j0] * pivot - rij * prow[j0]) / d;
            }
          }
        }
      }
      for (int i0 = 0; i0 < m; i0++) {
        ret[i0][j] = -ret[i0][j];
      }
      ret[i][j] = d;
      d = pivot;
      rr[i] = j;
      cc[j] = i;
      if (j == lastj) {
        break;
      }
      if (j == m - 1 && lastj >= 0) {
        j = lastj - 1;
      }
    }
    int swaps = 0;
    int[] r2 = rr.clone();
    int i = 0;
    while (i < m - 1) {
      int j = r2[i];
      if (i != j) {
        swaps++;
        r2[i] = r2[j];
        r2[j] = j;
      } else {
        i++;
      }
    }
    for (i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        x[i][j] = ret[cc[i]][rr[j]];
      }
    }
    if (swaps % 2 == 1) {
      for (double[] row : x) {
        for (int j = 0; j < m; j++) {
          row[j] = -row[j];
        }
      }
      d = -d;
    }
    return d;
  }

  /**
   * DG at sigma: [k][l], for strategies of different players, the derivative of strategy k's
   * payoff in the probability of l; within a player's block the tiny distinct values 10⁻¹², 2
   * 10⁻¹², ... (row by row), as GameTracer's.
   */
  private void payoffMatrix(double[][] dg, double[] sigma) {
    for (double[] row : dg) {
      java.util.Arrays.fill(row, 0);
    }
    payoffs.values(sigma, new double[n], dg);
    for (int i = 0; i < players; i++) {
      double fuzz = FUZZ;
      for (int a = first[i]; a < first[i + 1]; a++) {
        for (int c = first[i]; c < first[i + 1]; c++) {
          dg[a][c] = fuzz;
          fuzz += FUZZ;
        }
      }
    }
  }

  /** The projection's Jacobian on support b: per player, delta - 1/|support| on the support. */
  private void retractJac(double[][] r, boolean[] b) {
    for (double[] row : r) {
      java.util.Arrays.fill(row, 0);
    }
    for (int i = 0; i < players; i++) {
      int size = 0;
      for (int k = first[i]; k < first[i + 1]; k++) {
        size += b[k] ? 1 : 0;
      }
      for (int a = first[i]; a < first[i + 1]; a++) {
        for (int c = first[i]; c < first[i + 1]; c++) {
          if (b[a] && b[c]) {
            r[a][c] = (a == c ? 1.0 : 0.0) - 1.0 / size;
          }
        }
      }
    }
  }

  /** dest := the projection of z onto each player's simplex (GameTracer's retract). */
  private void retract(double[] dest, double[] z) {
    for (int i = 0; i < players; i++) {
      int lo = first[i];
      int len = first[i + 1] - lo;
      double[] y = java.util.Arrays.copyOfRange(z, lo, lo + len);
      java.util.Arrays.sort(y);
      // descending
      for (int a = 0, c = len - 1; a < c; a++, c--) {
        double t = y[a];
        y[a] = y[c];
        y[c] = t;
      }
      double sumz = y[0];
      int k = 1;
      for (; k < len; k++) {
        if (sumz - k * y[k] > 1) {
          break;
        }
        sumz += y[k];
      }
      double shift = (sumz - 1) / k;
      for (int a = lo; a < lo + len; a++) {
        double x = z[a] - shift;
        dest[a] = x < 0 ? 0 : x;
      }
    }
  }

  private static void multiply(double[][] a, double[] x, double[] out) {
    for (int i = 0; i < a.length; i++) {
      double sum = 0;
      double[] row = a[i];
      for (int j = 0; j < x.length; j++) {
        sum += row[j] * x[j];
      }
      out[i] = sum;
    }
  }

  private static void divide(double[] v, double f) {
    for (int k = 0; k < v.length; k++) {
      v[k] /= f;
    }
  }

  private static void negate(double[] v) {
    for (int k = 0; k < v.length; k++) {
      v[k] = -v[k];
    }
  }

  private static double maxDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s = Math.max(s, Math.abs(a[k] - b[k]));
    }
    return s;
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
    return payoffs.maxRegret(x) * regretUnit;
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
