package spiral.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Variance-based sensitivity indices from the outputs of a {@link SaltelliDesign}.
 *
 * <p>With y_A, y_B, y_ABi, y_BAi the outputs on A, B, A_B^(i) and B_A^(i), m and V the mean and
 * (population) variance of y_A and y_B pooled, and every output centred on m first, so that the
 * indices do not change when a constant is added to the output (as SALib, which standardises
 * the outputs):
 *
 * <ul>
 *   <li>first order, Saltelli et al. (2010), table 2 (b): S_i = mean((y_B - m) (y_ABi - y_A)) / V;
 *   <li>total, Jansen (1999): S_Ti = mean((y_A - y_ABi)^2) / (2 V);
 *   <li>second order, Saltelli (2002), for designs with the B_A blocks: S_ij = mean((y_BAi - m)
 *       (y_ABj - m) - (y_A - m) (y_B - m)) / V - S_i - S_j.
 * </ul>
 *
 * <p>Without the centring, the first-order estimator's variance grows with the square of the
 * output's mean (an output near 100 with variance 14 widens S1's interval twentyfold).
 *
 * <p>Intervals are bootstrap percentile intervals (Efron &amp; Tibshirani 1993): the N rows are
 * resampled with replacement {@code resamples} times (the same rows for every index, for m and
 * for V), the indices recomputed, and the (1 - level)/2 and (1 + level)/2 empirical quantiles
 * taken. An interval wider than {@value #INDEX_RANGE}, the range an index can take, says
 * nothing about it: see {@link #uninformative(Estimate)}. Randomness only from the injected
 * generator. Cost: O(B N d) time for first and total indices, O(B N d^2) with second order;
 * O(B d^2) memory; nothing is allocated per resample.
 *
 * <p>References: Saltelli, A. (2002), Making best use of model evaluations to compute
 * sensitivity indices, Computer Physics Communications 145, 280-297. Saltelli, A., Annoni, P.,
 * Azzini, I., Campolongo, F., Ratto, M. &amp; Tarantola, S. (2010), Variance based sensitivity
 * analysis of model output, Computer Physics Communications 181, 259-270. Jansen, M. J. W.
 * (1999), Analysis of variance designs for model output, Computer Physics Communications 117,
 * 35-43.
 */
public final class SobolAnalysis {
  /** The width of the range [0, 1] a Sobol' index lies in. */
  public static final double INDEX_RANGE = 1.0;

  private SobolAnalysis() {}

  /**
   * First-order, total and (for a design with the B_A blocks) second-order indices.
   *
   * @param indices S_i and S_Ti per parameter, in parameter order
   * @param second S_ij per pair i &lt; j in the order (0,1), (0,2), .., (1,2), ..; empty for a
   *     design without second order
   */
  public record Result(List<SobolIndex> indices, List<SobolPair> second) {
    /** Copies. */
    public Result {
      indices = List.copyOf(indices);
      second = List.copyOf(second);
    }
  }

  /**
   * Whether an interval is wider than the range an index can take, so that it says nothing
   * about the index (for example S1 in [0.30, 1.60]).
   */
  public static boolean uninformative(Estimate e) {
    return e.high() - e.low() > INDEX_RANGE;
  }

  /**
   * First-order and total indices from outputs stacked in {@link SaltelliDesign#design()} order
   * (A, B, A_B^(1), .., and the B_A blocks if the design has them, which are then not used).
   *
   * @param design the design the outputs belong to
   * @param y the outputs, {@link SaltelliDesign#size()} of them
   * @param resamples bootstrap resamples B, at least 1
   * @param level the interval's confidence level, in (0, 1)
   * @param rng the bootstrap's randomness
   * @throws IllegalArgumentException if y has the wrong length, contains a non-finite value, or
   *     the outputs have zero variance
   */
  public static List<SobolIndex> analyze(SaltelliDesign design, double[] y, int resamples,
      double level, RandomGenerator rng) {
    return analyze(design, y, resamples, level, rng, false).indices();
  }

  /**
   * All the indices the design allows: first order and total, and second order when the design
   * has the B_A blocks and {@code secondOrder} is asked for.
   *
   * @param design the design the outputs belong to
   * @param y the outputs, {@link SaltelliDesign#size()} of them, in its order
   * @param resamples bootstrap resamples B, at least 1
   * @param level the interval's confidence level, in (0, 1)
   * @param rng the bootstrap's randomness
   * @param secondOrder whether to compute S_ij
   * @throws IllegalArgumentException if y has the wrong length, contains a non-finite value, the
   *     outputs have zero variance, or second order is asked of a design without it
   */
  public static Result analyze(SaltelliDesign design, double[] y, int resamples, double level,
      RandomGenerator rng, boolean secondOrder) {
    int n = design.baseSize();
    int d = design.names().size();
    if (y.length != design.size()) {
      throw new IllegalArgumentException("expected " + design.size() + " outputs (N = " + n
          + ", d = " + d + (design.secondOrder() ? ", second order" : "") + "), got "
          + y.length);
    }
    if (secondOrder && !design.secondOrder()) {
      throw new IllegalArgumentException("second-order indices need a design with the B_A"
          + " blocks (secondOrder)");
    }
    double[] ya = Arrays.copyOfRange(y, 0, n);
    double[] yb = Arrays.copyOfRange(y, n, 2 * n);
    double[][] yab = new double[d][];
    double[][] yba = secondOrder ? new double[d][] : null;
    for (int i = 0; i < d; i++) {
      yab[i] = Arrays.copyOfRange(y, n * (2 + i), n * (3 + i));
      if (secondOrder) {
        yba[i] = Arrays.copyOfRange(y, n * (2 + d + i), n * (3 + d + i));
      }
    }
    return analyze(design.names(), ya, yb, yab, yba, resamples, level, rng);
  }

  /**
   * First-order and total indices from separate output arrays.
   *
   * @param names the parameter names, d of them
   * @param ya outputs on A, N of them
   * @param yb outputs on B, N of them
   * @param yab yab[i] the outputs on A_B^(i), N each
   * @param resamples bootstrap resamples B, at least 1
   * @param level the interval's confidence level, in (0, 1)
   * @param rng the bootstrap's randomness
   * @throws IllegalArgumentException for mismatched lengths, non-finite outputs, zero variance,
   *     resamples &lt; 1 or a level outside (0, 1)
   */
  public static List<SobolIndex> analyze(List<String> names, double[] ya, double[] yb,
      double[][] yab, int resamples, double level, RandomGenerator rng) {
    return analyze(names, ya, yb, yab, null, resamples, level, rng).indices();
  }

  /**
   * All indices from separate output arrays; {@code yba} null skips second order.
   *
   * @param yba yba[i] the outputs on B_A^(i), N each, or null
   * @throws IllegalArgumentException as {@link #analyze(List, double[], double[], double[][],
   *     int, double, RandomGenerator)}
   */
  public static Result analyze(List<String> names, double[] ya, double[] yb, double[][] yab,
      double[][] yba, int resamples, double level, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    int n = ya.length;
    int d = names.size();
    if (n < 2 || yb.length != n || yab.length != d || (yba != null && yba.length != d)) {
      throw new IllegalArgumentException("need N >= 2 outputs on A and B and " + d
          + " A_B (and B_A) arrays, had " + n + ", " + yb.length + ", " + yab.length
          + (yba == null ? "" : ", " + yba.length));
    }
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("need resamples >= 1 and level in (0, 1), were "
          + resamples + ", " + level);
    }
    checkFinite("y_A", ya);
    checkFinite("y_B", yb);
    for (int i = 0; i < d; i++) {
      check("y_AB[" + i + "]", yab[i], n);
      if (yba != null) {
        check("y_BA[" + i + "]", yba[i], n);
      }
    }
    int pairs = yba == null ? 0 : d * (d - 1) / 2;
    int k = 2 * d + pairs;
    int[] all = new int[n];
    for (int r = 0; r < n; r++) {
      all[r] = r;
    }
    double[] point = new double[k];
    estimate(ya, yb, yab, yba, all, point);
    if (Double.isNaN(point[0])) {
      throw new IllegalArgumentException("the outputs have zero variance");
    }
    double[][] boot = new double[k][resamples];
    double[] e = new double[k];
    int[] rows = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int r = 0; r < n; r++) {
        rows[r] = rng.nextInt(n);
      }
      estimate(ya, yb, yab, yba, rows, e);
      for (int q = 0; q < k; q++) {
        boot[q][b] = e[q];
      }
    }
    List<SobolIndex> out = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      out.add(new SobolIndex(names.get(i),
          interval(point[i], boot[i], level), interval(point[d + i], boot[d + i], level)));
    }
    List<SobolPair> second = new ArrayList<>(pairs);
    int q = 2 * d;
    for (int i = 0; i < d && yba != null; i++) {
      for (int j = i + 1; j < d; j++, q++) {
        second.add(new SobolPair(names.get(i), names.get(j), interval(point[q], boot[q],
            level)));
      }
    }
    return new Result(out, second);
  }

  /**
   * {S_1..S_d, S_T1..S_Td, S_12, S_13, .., S_(d-1)d} on the given rows into e; NaN entries if
   * the variance is zero. Allocates nothing.
   */
  private static void estimate(double[] ya, double[] yb, double[][] yab, double[][] yba,
      int[] rows, double[] e) {
    int n = rows.length;
    int d = yab.length;
    double sum = 0;
    for (int r : rows) {
      sum += ya[r] + yb[r];
    }
    double mean = sum / (2.0 * n);
    double ss = 0;
    double ab = 0;
    for (int r : rows) {
      double ca = ya[r] - mean;
      double cb = yb[r] - mean;
      ss += ca * ca + cb * cb;
      ab += ca * cb;
    }
    double var = ss / (2.0 * n);
    if (!(var > 0)) {
      Arrays.fill(e, Double.NaN);
      return;
    }
    for (int i = 0; i < d; i++) {
      double[] yi = yab[i];
      double first = 0;
      double total = 0;
      for (int r : rows) {
        double diff = yi[r] - ya[r];
        first += (yb[r] - mean) * diff;
        total += diff * diff;
      }
      e[i] = first / n / var;
      e[d + i] = total / (2.0 * n) / var;
    }
    if (yba == null) {
      return;
    }
    int q = 2 * d;
    for (int i = 0; i < d; i++) {
      double[] bai = yba[i];
      for (int j = i + 1; j < d; j++, q++) {
        double[] abj = yab[j];
        double s = 0;
        for (int r : rows) {
          s += (bai[r] - mean) * (abj[r] - mean);
        }
        e[q] = (s - ab) / n / var - e[i] - e[j];
      }
    }
  }

  private static Estimate interval(double value, double[] boot, double level) {
    double[] sorted = boot.clone();
    Arrays.sort(sorted);
    double lo = quantile(sorted, (1 - level) / 2);
    double hi = quantile(sorted, (1 + level) / 2);
    return new Estimate(value, Math.min(lo, hi), Math.max(lo, hi), level);
  }

  /** Linear interpolation between order statistics (type 7). NaN resamples sort last. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void check(String what, double[] y, int n) {
    if (y.length != n) {
      throw new IllegalArgumentException(what + " has " + y.length + " outputs, expected " + n);
    }
    checkFinite(what, y);
  }

  private static void checkFinite(String what, double[] y) {
    for (int r = 0; r < y.length; r++) {
      if (!Double.isFinite(y[r])) {
        throw new IllegalArgumentException(what + "[" + r + "] is " + y[r]);
      }
    }
  }
}
