package spiral.game;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Gambit's {@code ipa}: iterated polymatrix approximation (Govindan and Wilson 2004, "Computing
 * Nash equilibria by iterated polymatrix approximation", Journal of Economic Dynamics and Control
 * 28), one equilibrium of a strategic game with any number of players per perturbation vector g.
 *
 * <p>In Kohlberg and Mertens' coordinates a profile is {@code sigma = r(z)}, the Euclidean
 * projection of z onto each player's simplex, and the equilibria are the points with {@code z =
 * sigma + V(sigma)}, V the strategies' payoffs against the others' mixtures (payoffs divided by
 * the game's range). Each iteration takes the current point {@code zHat}, {@code sigmaHat =
 * r(zHat)}, and replaces the game by its polymatrix approximation there: the payoff of player i's
 * strategy j is {@code sum over players m != i of B_im(j) . sigma_m}, with {@code B = DV(sigmaHat)
 * / (N - 1)} (N players), which agrees with V at sigmaHat (V is multilinear). That game's
 * equilibrium {@code sigma*} is computed, on the previous iteration's support when that still
 * gives one (a linear system), otherwise by Lemke's complementary pivoting along the equilibria of
 * the polymatrix game perturbed by {@code lambda g}, from the pure profile that maximises g (large
 * lambda) down to lambda = 0 (Howson 1972's algorithm for polymatrix games, with g as the covering
 * vector). Then {@code zHat} moves a fifth of the way (Govindan and Wilson's damping 0.2) to
 * {@code z* = sigma* + B sigma*}; a fixed point is an equilibrium of the game. With two players the
 * approximation is the game itself and the first iteration ends. Once sigma* has a regret below
 * 1e-4 of the payoff range, Newton's method on {@code z - r(z) - V(r(z)) = 0} (the polishing of
 * {@link GlobalNewton}) refines it; the result is kept when its regret is below {@link
 * #MAX_REGRET} of the range, and made exact when at most two players mix on its support (the
 * linear indifference equations solved in rationals, as {@link SupportEnumeration} does, and the
 * profile checked with {@link EquilibriumChecker#isNash}).
 *
 * <p>The iteration starts at the centroid. It can cycle (the polymatrix equilibria visiting the
 * same supports in turn); after {@link #RESTART_EVERY} iterations without an equilibrium it starts
 * again from a pseudo-random profile (a fixed seed), and after {@link #MAX_ITERATIONS} (Gambit's
 * 100 restarts of 100) the perturbation gives nothing. The perturbations, uniform on each
 * player's simplex as Gambit's, come from a seeded generator (Gambit seeds from entropy), so a run
 * is reproducible.
 *
 * <p>Cost per iteration: O(profiles x players^3) for the payoffs' derivatives, plus one dense
 * linear solve of order n + N or one Lemke path at O((n + N)^2) per pivot, n the number of
 * strategies in all; one iteration for two players, at most a few dozen on the reference games
 * with three to five players.
 */
public final class IteratedPolymatrix {
  /** Spiral's default seed of the perturbations (Gambit seeds from entropy). */
  public static final long DEFAULT_SEED = 0;

  /** Largest regret of a reported equilibrium, relative to the payoff range (gnm's). */
  public static final double MAX_REGRET = GlobalNewton.MAX_REGRET;

  /** Iterations per perturbation before it is given up (Gambit's 100 restarts of 100). */
  public static final int MAX_ITERATIONS = 10_000;

  /** Iterations from one starting point before the next (Gambit's 100). */
  public static final int RESTART_EVERY = 100;

  private static final long RESTART_SEED = 0x1FA;

  /** The step of zHat towards z* (Govindan and Wilson's damping). */
  static final double ALPHA = 0.2;

  /** The regret, relative to the range, below which Newton's method polishes sigma*. */
  static final double POLISH_BELOW = 1e-4;

  private static final double TOL = 1e-11;
  private static final int MAX_PIVOTS = 100_000;

  /** One iteration: its number (from 1) and the polymatrix game's equilibrium sigma*. */
  public record Step(int iteration, double[] profile) {}

  /**
   * The equilibrium a perturbation led to: as an exact profile (exact when {@code exact},
   * otherwise the floating-point profile rounded to 1e-12 in each block), the profile in doubles,
   * the number of iterations and its regret relative to the payoff range.
   */
  public record Outcome(
      Equilibrium equilibrium, double[] profile, boolean exact, int iterations, double regret) {}

  private final StrategicGame g;
  private final MixedPayoffs payoffs; // divided by the range
  private final GlobalNewton newton;
  private final int players;
  private final int n;
  private final int[] first;

  /** The method for a game. */
  public IteratedPolymatrix(StrategicGame g) {
    this.g = g;
    payoffs = new MixedPayoffs(g, true);
    newton = new GlobalNewton(g);
    players = payoffs.players;
    n = payoffs.n;
    first = payoffs.first;
  }

  /** {@code count} perturbations, each uniform on each player's simplex, from {@code seed}. */
  public List<double[]> randomPerturbations(int count, long seed) {
    return new Liapunov(g).randomStarts(count, seed);
  }

  /**
   * Iterates from perturbation {@code pert} (one number per strategy, each player's largest
   * unique); {@code onStep}, when not null, receives each iteration's sigma*. Returns the
   * equilibrium found, or null when none was within {@link #MAX_ITERATIONS}.
   *
   * @throws IllegalArgumentException for a perturbation of the wrong length, not finite, or whose
   *     largest entry for some player is tied
   */
  public Outcome solve(double[] pert, Consumer<Step> onStep) {
    if (pert.length != n) {
      throw new IllegalArgumentException(
          "a perturbation has " + pert.length + " entries, not " + n);
    }
    double norm = 0;
    for (double v : pert) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("the perturbation must be finite and not zero");
    }
    double[] gv = new double[n];
    for (int k = 0; k < n; k++) {
      gv[k] = pert[k] / norm;
    }
    int[] best = new int[players];
    for (int i = 0; i < players; i++) {
      best[i] = first[i];
      boolean tie = false;
      for (int k = first[i] + 1; k < first[i + 1]; k++) {
        if (gv[k] > gv[best[i]]) {
          best[i] = k;
          tie = false;
        } else if (gv[k] == gv[best[i]]) {
          tie = true;
        }
      }
      if (tie) {
        throw new IllegalArgumentException("the perturbation ties two strategies of player "
            + (i + 1) + ": no unique starting point");
      }
    }
    double[] sigmaHat = new double[n];
    for (int i = 0; i < players; i++) {
      for (int k = first[i]; k < first[i + 1]; k++) {
        sigmaHat[k] = 1.0 / (first[i + 1] - first[i]);
      }
    }
    double[] v = new double[n];
    double[][] dv = new double[n][n];
    double[] zHat = new double[n];
    double[][] b = new double[n][n];
    double[] c = new double[n];
    boolean[] support = null;
    SplittableRandom restarts = new SplittableRandom(RESTART_SEED);
    for (int it = 1; it <= MAX_ITERATIONS; it++) {
      Deadline.check();
      if (it % RESTART_EVERY == 1) {
        if (it > 1) {
          sigmaHat = randomProfile(restarts); // a cycle: start again elsewhere
        }
        payoffs.values(sigmaHat, v, null);
        for (int k = 0; k < n; k++) {
          zHat[k] = sigmaHat[k] + v[k];
        }
        support = null;
      }
      approximation(sigmaHat, v, dv, b, c);
      double[] star = support == null ? null : onSupport(b, c, support);
      if (star == null) {
        star = lemke(b, c, gv, best);
      }
      if (star == null) {
        return null; // the pivoting broke down (a ray, or too many pivots)
      }
      if (onStep != null) {
        onStep.accept(new Step(it, star.clone()));
      }
      if (players <= 2 || newton.regret(star) < POLISH_BELOW) {
        double[] eq = newton.refine(star);
        if (eq != null) {
          return outcome(eq, it);
        }
      }
      support = new boolean[n];
      for (int k = 0; k < n; k++) {
        support[k] = star[k] > 0;
        double w = c[k];
        for (int l = 0; l < n; l++) {
          w += b[k][l] * star[l];
        }
        zHat[k] += ALPHA * (star[k] + w - zHat[k]);
      }
      sigmaHat = zHat.clone();
      Simplex.project(sigmaHat, first, players);
    }
    return null;
  }

  /** A profile uniform on each player's simplex. */
  private double[] randomProfile(SplittableRandom rng) {
    return Simplex.uniform(first, players, rng);
  }

  /** The equilibrium in doubles as an outcome: exact when its support allows. */
  private Outcome outcome(double[] x, int iterations) {
    List<Rational> exact = SupportEnumeration.exactOnSupport(g, x);
    if (exact != null) {
      double[] d = exact.stream().mapToDouble(Rational::doubleValue).toArray();
      return new Outcome(new Equilibrium(exact, EquilibriumChecker.payoffs(g, exact)), d, true,
          iterations, 0);
    }
    return new Outcome(LogitQre.toEquilibrium(g, x), x, false, iterations, newton.regret(x));
  }

  /**
   * The polymatrix approximation at sigma: b = DV(sigma) / (N - 1), c = 0; a game of one player
   * (whose payoffs do not depend on anyone) is its own approximation, b = 0, c = V.
   */
  private void approximation(double[] sigma, double[] v, double[][] dv, double[][] b,
      double[] c) {
    for (double[] row : dv) {
      java.util.Arrays.fill(row, 0);
    }
    payoffs.values(sigma, v, dv);
    double scale = players > 1 ? 1.0 / (players - 1) : 0;
    for (int k = 0; k < n; k++) {
      for (int l = 0; l < n; l++) {
        b[k][l] = dv[k][l] * scale;
      }
      c[k] = players > 1 ? 0 : v[k];
    }
  }

  /**
   * The equilibrium of the polymatrix game (payoffs {@code c + b sigma}) that uses exactly the
   * strategies of {@code support}: the indifference equations solved, then checked (probabilities
   * not negative, no unused strategy better); null when there is none.
   */
  double[] onSupport(double[][] b, double[] c, boolean[] support) {
    int[] index = new int[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      index[k] = support[k] ? m++ : -1;
    }
    int size = m + players;
    double[][] a = new double[size][size];
    double[] rhs = new double[size];
    int[] owner = owners();
    for (int k = 0; k < n; k++) {
      if (!support[k]) {
        continue;
      }
      int r = index[k];
      for (int l = 0; l < n; l++) {
        if (support[l]) {
          a[r][index[l]] = b[k][l];
        }
      }
      a[r][m + owner[k]] = -1;
      rhs[r] = -c[k];
    }
    for (int i = 0; i < players; i++) {
      for (int k = first[i]; k < first[i + 1]; k++) {
        if (support[k]) {
          a[m + i][index[k]] = 1;
        }
      }
      rhs[m + i] = 1;
    }
    double[] sol = DenseLinear.solve(a, rhs);
    if (sol == null) {
      return null;
    }
    double[] sigma = new double[n];
    for (int k = 0; k < n; k++) {
      if (support[k]) {
        double p = sol[index[k]];
        if (!(p >= -TOL) || p > 1 + TOL) {
          return null;
        }
        sigma[k] = Math.max(0, p);
      }
    }
    for (int k = 0; k < n; k++) {
      if (!support[k]) {
        double w = c[k];
        for (int l = 0; l < n; l++) {
          w += b[k][l] * sigma[l];
        }
        if (!(w <= sol[m + owner[k]] + TOL)) {
          return null;
        }
      }
    }
    normalise(sigma);
    return sigma;
  }

  /**
   * An equilibrium of the polymatrix game (payoffs {@code c + b sigma}) by complementary pivoting
   * on the equilibria of the game perturbed by {@code lambda g}. Unknowns: sigma, the slacks
   * {@code s_j = v_i - (c + b sigma)_j - lambda g_j}, each player's value v_i (free) and lambda;
   * equations {@code s_j - v_i + (b sigma)_j + lambda g_j = -c_j} and {@code sum_j sigma_ij = 1};
   * sigma_j s_j = 0 throughout. The start is the pure profile {@code best} with lambda entering;
   * each pivot's leaving variable's complement enters next, until lambda leaves at 0. Null when
   * the pivoting breaks down (no pivot row, or more than MAX_PIVOTS).
   */
  double[] lemke(double[][] b, double[] c, double[] gv, int[] best) {
    int rows = n + players;
    int lam = 2 * n + players;
    int cols = lam + 1; // then the right-hand side
    double[][] t = new double[rows][cols + 1];
    int[] owner = owners();
    for (int k = 0; k < n; k++) {
      System.arraycopy(b[k], 0, t[k], 0, n);
      t[k][n + k] = 1;
      t[k][2 * n + owner[k]] = -1;
      t[k][lam] = gv[k];
      t[k][cols] = -c[k];
    }
    for (int i = 0; i < players; i++) {
      for (int k = first[i]; k < first[i + 1]; k++) {
        t[n + i][k] = 1;
      }
      t[n + i][cols] = 1;
    }
    double[][] original = new double[rows][];
    for (int r = 0; r < rows; r++) {
      original[r] = t[r].clone();
    }
    int[] basis = new int[rows];
    for (int k = 0; k < n; k++) {
      basis[k] = n + k; // slack s_k
    }
    for (int i = 0; i < players; i++) {
      pivot(t, basis, n + i, best[i]); // sigma of the best strategy, on the sum row
      pivot(t, basis, best[i], 2 * n + i); // the value, on that strategy's row
    }
    // lambda enters: the least lambda that makes every slack non-negative
    int row = -1;
    double need = 0;
    for (int r = 0; r < rows; r++) {
      if (constrained(basis[r], lam) && t[r][lam] < -TOL) {
        double l = t[r][cols] / t[r][lam];
        if (l > need) {
          need = l;
          row = r;
        }
      }
    }
    if (row < 0) {
      return solution(t, basis, original); // the pure profile is an equilibrium
    }
    int leaving = basis[row];
    pivot(t, basis, row, lam);
    for (int count = 0; count < MAX_PIVOTS; count++) {
      if ((count & 255) == 0) {
        Deadline.check();
      }
      int enter = leaving < n ? leaving + n : leaving - n; // the complement
      double ratio = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rows; r++) {
        if (constrained(basis[r], lam) && t[r][enter] > TOL) {
          ratio = Math.min(ratio, Math.max(0, t[r][cols]) / t[r][enter]);
        }
      }
      // among the rows that tie for the least ratio: lambda's (the end), else the largest pivot
      row = -1;
      for (int r = 0; r < rows; r++) {
        if (constrained(basis[r], lam) && t[r][enter] > TOL
            && Math.max(0, t[r][cols]) / t[r][enter] <= ratio + TOL * (1 + ratio)
            && (row < 0 || basis[row] != lam
                && (basis[r] == lam || t[r][enter] > t[row][enter]))) {
          row = r;
        }
      }
      if (row < 0) {
        return null;
      }
      leaving = basis[row];
      pivot(t, basis, row, enter);
      if (leaving == lam) {
        return solution(t, basis, original);
      }
    }
    return null;
  }

  /** Whether a basic variable must stay non-negative (sigma, slacks, lambda; not the values). */
  private boolean constrained(int variable, int lam) {
    return variable < 2 * n || variable == lam;
  }

  /** Gauss-Jordan pivot on (row, col); the column's variable becomes basic in that row. */
  private static void pivot(double[][] t, int[] basis, int row, int col) {
    double[] p = t[row];
    double inv = 1 / p[col];
    for (int k = 0; k < p.length; k++) {
      p[k] *= inv;
    }
    p[col] = 1;
    for (int r = 0; r < t.length; r++) {
      if (r == row) {
        continue;
      }
      double f = t[r][col];
      if (f != 0) {
        double[] q = t[r];
        for (int k = 0; k < q.length; k++) {
          q[k] -= f * p[k];
        }
        q[col] = 0;
      }
    }
    basis[row] = col;
  }

  /**
   * sigma from the final basis, solved again from the original equations (the pivots' rounding
   * left behind), each player's block clipped at 0 and scaled to sum 1.
   */
  private double[] solution(double[][] t, int[] basis, double[][] original) {
    int rows = basis.length;
    int rhs = original[0].length - 1;
    double[][] a = new double[rows][rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < rows; k++) {
        a[r][k] = original[r][basis[k]];
      }
      y[r] = original[r][rhs];
    }
    double[] x = DenseLinear.solve(a, y);
    double[] sigma = new double[n];
    for (int r = 0; r < rows; r++) {
      if (basis[r] < n) {
        double p = x != null && Double.isFinite(x[r]) ? x[r] : t[r][rhs];
        sigma[basis[r]] = Math.max(0, p);
      }
    }
    normalise(sigma);
    return sigma;
  }

  private void normalise(double[] sigma) {
    for (int i = 0; i < players; i++) {
      double sum = 0;
      for (int k = first[i]; k < first[i + 1]; k++) {
        sum += sigma[k];
      }
      for (int k = first[i]; k < first[i + 1]; k++) {
        sigma[k] = sum > 0 ? sigma[k] / sum : 1.0 / (first[i + 1] - first[i]);
      }
    }
  }

  private int[] owners() {
    int[] owner = new int[n];
    for (int i = 0; i < players; i++) {
      for (int k = first[i]; k < first[i + 1]; k++) {
        owner[k] = i;
      }
    }
    return owner;
  }

  /** The largest regret of any player, relative to the payoff range. */
  public double regret(double[] x) {
    return newton.regret(x);
  }
}
