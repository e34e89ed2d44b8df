package spiral.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Variance-based sensitivity indices from the outputs of a {@link SaltelliDesign}.
 *
 * <p>With y_A, y_B, y_ABi the outputs on A, B and A_B^(i), and V the (population) variance of
 * y_A and y_B pooled:
 *
 * <ul>
 *   <li>first order, Saltelli et al. (2010), table 2 (b): S_i = mean(y_B (y_ABi - y_A)) / V;
 *   <li>total, Jansen (1999): S_Ti = mean((y_A - y_ABi)^2) / (2 V).
 * </ul>
 *
 * <p>Intervals are bootstrap percentile intervals (Efron &amp; Tibshirani 1993): the N rows are
 * resampled with replacement {@code resamples} times (the same rows for every index and for V),
 * the indices recomputed, and the (1 - level)/2 and (1 + level)/2 empirical quantiles taken.
 * Randomness only from the injected generator. Cost: O(B N d) time, O(B d) memory.
 *
 * <p>References: Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. &amp;
 * Tarantola, S. (2010), Variance based sensitivity analysis of model output, Computer Physics
 * Communications 181, 259-270. Jansen, M. J. W. (1999), Analysis of variance designs for model
 * output, Computer Physics Communications 117, 35-43.
 */
public final class SobolAnalysis {
  private SobolAnalysis() {}

  /**
   * Indices from outputs stacked in {@link SaltelliDesign#design()} order (A, B, A_B^(1), ..).
   *
   * @param design the design the outputs belong to
   * @param y the outputs, N (d + 2) of them
   * @param resamples bootstrap resamples B, at least 1
   * @param level the interval's confidence level, in (0, 1)
   * @param rng the bootstrap's randomness
   * @throws IllegalArgumentException if y has the wrong length, contains a non-finite value, or
   *     the outputs have zero variance
   */
  public static List<SobolIndex> analyze(SaltelliDesign design, double[] y, int resamples,
      double level, RandomGenerator rng) {
    int n = design.baseSize();
    int d = design.names().size();
    if (y.length != n * (d + 2)) {
      throw new IllegalArgumentException("expected " + n * (d + 2) + " outputs (N = " + n
          + ", d = " + d + "), got " + y.length);
    }
    double[] ya = Arrays.copyOfRange(y, 0, n);
    double[] yb = Arrays.copyOfRange(y, n, 2 * n);
    double[][] yab = new double[d][];
    for (int i = 0; i < d; i++) {
      yab[i] = Arrays.copyOfRange(y, n * (2 + i), n * (3 + i));
    }
    return analyze(design.names(), ya, yb, yab, resamples, level, rng);
  }

  /**
   * Indices from separate output arrays.
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
    Objects.requireNonNull(rng, "rng");
    int n = ya.length;
    int d = names.size();
    if (n < 2 || yb.length != n || yab.length != d) {
      throw new IllegalArgumentException("need N >= 2 outputs on A and B and " + d
          + " A_B arrays, had " + n + ", " + yb.length + ", " + yab.length);
    }
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("need resamples >= 1 and level in (0, 1), were "
          + resamples + ", " + level);
    }
    checkFinite("y_A", ya);
    checkFinite("y_B", yb);
    for (int i = 0; i < d; i++) {
      if (yab[i].length != n) {
        throw new IllegalArgumentException("y_AB[" + i + "] has " + yab[i].length
            + " outputs, expected " + n);
      }
      checkFinite("y_AB[" + i + "]", yab[i]);
    }
    int[] all = new int[n];
    for (int r = 0; r < n; r++) {
      all[r] = r;
    }
    double[] point = estimate(ya, yb, yab, all);
    if (Double.isNaN(point[0])) {
      throw new IllegalArgumentException("the outputs have zero variance");
    }
    double[][] boot = new double[2 * d][resamples];
    int[] rows = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int r = 0; r < n; r++) {
        rows[r] = rng.nextInt(n);
      }
      double[] e = estimate(ya, yb, yab, rows);
      for (int k = 0; k < 2 * d; k++) {
        boot[k][b] = e[k];
      }
    }
    List<SobolIndex> out = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      out.add(new SobolIndex(names.get(i),
          interval(point[i], boot[i], level), interval(point[d + i], boot[d + i], level)));
    }
    return List.copyOf(out);
  }

  /** {S_1..S_d, S_T1..S_Td} on the given rows; NaN entries if the variance is zero. */
  private static double[] estimate(double[] ya, double[] yb, double[][] yab, int[] rows) {
    int n = rows.length;
    int d = yab.length;
    double sum = 0;
    for (int r : rows) {
      sum += ya[r] + yb[r];
    }
    double mean = sum / (2.0 * n);
    double ss = 0;
    for (int r : rows) {
      ss += (ya[r] - mean) * (ya[r] - mean) + (yb[r] - mean) * (yb[r] - mean);
    }
    double var = ss / (2.0 * n);
    double[] e = new double[2 * d];
    if (!(var > 0)) {
      Arrays.fill(e, Double.NaN);
      return e;
    }
    for (int i = 0; i < d; i++) {
      double[] yi = yab[i];
      double first = 0;
      double total = 0;
      for (int r : rows) {
        first += yb[r] * (yi[r] - ya[r]);
        double diff = ya[r] - yi[r];
        total += diff * diff;
      }
      e[i] = first / n / var;
      e[d + i] = total / (2.0 * n) / var;
    }
    return e;
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

  private static void checkFinite(String what, double[] y) {
    for (int r = 0; r < y.length; r++) {
      if (!Double.isFinite(y[r])) {
        throw new IllegalArgumentException(what + "[" + r + "] is " + y[r]);
      }
    }
  }
}
