package spiral.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the Patient Rule Induction Method (Friedman &amp; Fisher 1999), for scenario discovery
 * as in the EMA Workbench (Kwakkel 2017): find a box in parameter space where the points "of
 * interest" are dense.
 *
 * <p><b>Peeling.</b> From the box around all the data, each step considers, for every parameter,
 * cutting the lowest or the highest &alpha; fraction of the box's points along it (at the
 * &alpha;- or (1 - &alpha;)-quantile of the box's values; a cut that removes no point because of
 * ties is skipped) and takes the cut whose remaining box has the highest density (ties: more
 * points kept, then lower parameter, then low side first). Peeling stops when every cut would
 * leave fewer than minMass n points, or none removes a point.
 *
 * <p><b>Pasting.</b> From the last peeled box, each step considers widening one limit to take
 * in the nearest max(1, &lceil;&alpha; count&rceil;) outside points that satisfy the other limits,
 * and takes the widening with the highest density if that density is not below the current one
 * (equal density is accepted: it adds coverage at no cost). Pasting stops when no widening
 * qualifies. Every peeled and pasted box joins the trajectory.
 *
 * <p>Limits sit on data values and are inclusive, so a recovered boundary lies at most one peel
 * step (about &alpha; times the box's width along that parameter, plus sampling gaps) from the
 * truth. Cost: O(steps d n log n), with roughly log(minMass) / log(1 - &alpha;) peeling steps.
 *
 * <p><b>Declared ranges.</b> Given the sweep's ranges, box 0 is their box (the EMA Workbench's
 * box_init), so a parameter the chosen box does not restrict is reported as its declared range,
 * not as the extremes of the data. {@link #quasiPValues} tests each restriction (Bryant &amp;
 * Lempert 2010) and {@link #stability} says how often bootstrap resamples restrict each
 * parameter.
 *
 * <p>References: Friedman, J. H. &amp; Fisher, N. I. (1999), Bump hunting in high-dimensional
 * data, Statistics and Computing 9, 123-143. Bryant, B. P. &amp; Lempert, R. J. (2010), Thinking
 * inside the box: a participatory, computer-assisted approach to scenario discovery,
 * Technological Forecasting &amp; Social Change 77, 34-49. Kwakkel, J. H. (2017), The
 * Exploratory Modeling Workbench, Environmental Modelling &amp; Software 96, 239-250.
 */
public final class Prim {
  private final double alpha;
  private final double minMass;

  /**
   * A PRIM with peel fraction alpha and mass threshold minMass.
   *
   * @throws IllegalArgumentException unless 0 &lt; alpha &lt; 0.5 and 0 &lt; minMass &le; 1
   */
  public Prim(double alpha, double minMass) {
    if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass <= 1)) {
      throw new IllegalArgumentException("need 0 < alpha < 0.5 and 0 < minMass <= 1, were "
          + alpha + ", " + minMass);
    }
    this.alpha = alpha;
    this.minMass = minMass;
  }

  /** The peel fraction &alpha;. */
  public double alpha() {
    return alpha;
  }

  /** The mass threshold. */
  public double minMass() {
    return minMass;
  }

  /**
   * Runs peeling then pasting from the box around the data (no declared ranges).
   *
   * @param names the parameter names, d of them
   * @param x the points, n &times; d, finite
   * @param interest whether each point is of interest
   * @throws IllegalArgumentException if the shapes do not match, n is 0, a coordinate is not
   *     finite, or no point is of interest
   */
  public PrimResult run(List<String> names, double[][] x, boolean[] interest) {
    return run(names, x, interest, null, null);
  }

  /**
   * Runs peeling then pasting from the box of the declared ranges (as the EMA Workbench starts
   * from its uncertainties' bounds): box 0 and every limit PRIM never moves are the declared
   * bounds, so a parameter the box does not restrict is reported as its declared range.
   *
   * @param low each parameter's declared lower bound, or null for the data minima
   * @param high each parameter's declared upper bound, or null for the data maxima
   * @throws IllegalArgumentException as {@link #run(List, double[][], boolean[])}, or if a
   *     point lies outside the declared ranges
   */
  public PrimResult run(List<String> names, double[][] x, boolean[] interest, double[] low,
      double[] high) {
    int n = x.length;
    int d = names.size();
    if (n == 0 || interest.length != n) {
      throw new IllegalArgumentException("need n >= 1 points and one flag each, had " + n
          + " and " + interest.length);
    }
    int totalInterest = 0;
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("point " + i + " has " + x[i].length
            + " coordinates, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("point " + i + ", parameter " + j + " is "
              + x[i][j]);
        }
        lo[j] = Math.min(lo[j], x[i][j]);
        hi[j] = Math.max(hi[j], x[i][j]);
      }
      if (interest[i]) {
        totalInterest++;
      }
    }
    if (totalInterest == 0) {
      throw new IllegalArgumentException("no point is of interest");
    }
    double[] rangeLo = low == null ? lo.clone() : low.clone();
    double[] rangeHi = high == null ? hi.clone() : high.clone();
    if (rangeLo.length != d || rangeHi.length != d) {
      throw new IllegalArgumentException("need " + d + " declared bounds, got " + rangeLo.length
          + " and " + rangeHi.length);
    }
    for (int j = 0; j < d; j++) {
      if (!(rangeLo[j] <= lo[j] && hi[j] <= rangeHi[j])) {
        throw new IllegalArgumentException("parameter '" + names.get(j) + "' has data in ["
            + lo[j] + ", " + hi[j] + "], outside its declared range [" + rangeLo[j] + ", "
            + rangeHi[j] + "]");
      }
    }
    List<PrimBox> trajectory = new ArrayList<>();
    double[] boxLo = rangeLo.clone();
    double[] boxHi = rangeHi.clone();
    trajectory.add(box(0, boxLo, boxHi, x, interest, totalInterest));
    int minCount = (int) Math.ceil(minMass * n);

    // peeling
    while (true) {
      int[] in = inside(x, boxLo, boxHi);
      double bestDensity = -1;
      int bestKept = -1;
      int bestDim = -1;
      boolean bestLowSide = false;
      double bestCut = 0;
      double[] vals = new double[in.length];
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < in.length; k++) {
          vals[k] = x[in[k]][j];
        }
        double[] sorted = vals.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        int step = Math.max(1, (int) Math.floor(alpha * m));
        if (step >= m) {
          continue;
        }
        for (int side = 0; side < 2; side++) {
          boolean lowSide = side == 0;
          double cut = lowSide ? sorted[step] : sorted[m - 1 - step];
          int kept = 0;
          int keptInterest = 0;
          for (int k = 0; k < in.length; k++) {
            double v = vals[k];
            if (lowSide ? v >= cut : v <= cut) {
              kept++;
              if (interest[in[k]]) {
                keptInterest++;
              }
            }
          }
          if (kept == m || kept < minCount) {
            continue;
          }
          double density = (double) keptInterest / kept;
          if (density > bestDensity || (density == bestDensity && kept > bestKept)) {
            bestDensity = density;
            bestKept = kept;
            bestDim = j;
            bestLowSide = lowSide;
            bestCut = cut;
          }
        }
      }
      if (bestDim < 0) {
        break;
      }
      if (bestLowSide) {
        boxLo[bestDim] = bestCut;
      } else {
        boxHi[bestDim] = bestCut;
      }
      trajectory.add(box(trajectory.size(), boxLo, boxHi, x, interest, totalInterest));
    }
    int peels = trajectory.size() - 1;

    // pasting
    while (true) {
      PrimBox current = trajectory.get(trajectory.size() - 1);
      int step = Math.max(1, (int) Math.ceil(alpha * current.count()));
      double bestDensity = -1;
      int bestCount = -1;
      int bestDim = -1;
      boolean bestLowSide = false;
      double bestLimit = 0;
      for (int j = 0; j < d; j++) {
        for (int side = 0; side < 2; side++) {
          boolean lowSide = side == 0;
          double[] outside = outsideAlong(x, boxLo, boxHi, j, lowSide);
          if (outside.length == 0) {
            continue;
          }
          Arrays.sort(outside);
          int take = Math.min(step, outside.length);
          double limit = lowSide ? outside[outside.length - take] : outside[take - 1];
          double[] lo2 = boxLo.clone();
          double[] hi2 = boxHi.clone();
          if (lowSide) {
            lo2[j] = limit;
          } else {
            hi2[j] = limit;
          }
          int[] c = counts(x, interest, lo2, hi2);
          double density = (double) c[1] / c[0];
          if (density > bestDensity || (density == bestDensity && c[0] > bestCount)) {
            bestDensity = density;
            bestCount = c[0];
            bestDim = j;
            bestLowSide = lowSide;
            bestLimit = limit;
          }
        }
      }
      if (bestDim < 0 || bestDensity < current.density()) {
        break;
      }
      if (bestLowSide) {
        boxLo[bestDim] = bestLimit;
      } else {
        boxHi[bestDim] = bestLimit;
      }
      trajectory.add(box(trajectory.size(), boxLo, boxHi, x, interest, totalInterest));
    }
    return new PrimResult(names, rangeLo, rangeHi, lo, hi, trajectory, peels);
  }

  /**
   * Quasi-p-values of a box's restrictions (Bryant &amp; Lempert 2010, as the EMA Workbench
   * computes them): for each restricted parameter j, the one-sided binomial probability of
   * finding at least the box's number of points of interest among its points if they were drawn
   * at the density of the box with j's restriction removed. A small value says the restriction
   * matters; NaN for a parameter the box does not restrict. Cost: O(d n + d count).
   *
   * @param result the run the box belongs to
   * @param box a box of its trajectory
   * @param x the run's points
   * @param interest the run's flags
   */
  public static double[] quasiPValues(PrimResult result, PrimBox box, double[][] x,
      boolean[] interest) {
    int d = result.names().size();
    double[] p = new double[d];
    double[] lo = box.low();
    double[] hi = box.high();
    double[] rangeLo = result.rangeLow();
    double[] rangeHi = result.rangeHigh();
    for (int j = 0; j < d; j++) {
      if (!result.restricts(box, j)) {
        p[j] = Double.NaN;
        continue;
      }
      double[] lo2 = lo.clone();
      double[] hi2 = hi.clone();
      lo2[j] = rangeLo[j];
      hi2[j] = rangeHi[j];
      int[] wider = counts(x, interest, lo2, hi2);
      p[j] = binomialTail(box.interesting(), box.count(), (double) wider[1] / wider[0]);
    }
    return p;
  }

  /**
   * P(X &ge; k) for X ~ Binomial(n, p), summed in log space (log-factorials by cumulative
   * sums). Cost: O(n).
   */
  static double binomialTail(int k, int n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double[] logFact = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      logFact[i] = logFact[i - 1] + Math.log(i);
    }
    double lp = Math.log(p);
    double lq = Math.log1p(-p);
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[n - k + 1];
    for (int i = k; i <= n; i++) {
      terms[i - k] = logFact[n] - logFact[i] - logFact[n - i] + i * lp + (n - i) * lq;
      max = Math.max(max, terms[i - k]);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return Math.min(1, Math.exp(max) * sum);
  }

  /**
   * Bootstrap stability of each parameter's restriction: the points are resampled with
   * replacement {@code resamples} times, PRIM is run on each resample from the same declared
   * ranges, the box is chosen by the same rule ({@link PrimResult#best(double)}), and the
   * fraction of those boxes that restrict each parameter is returned. A resample without a point
   * of interest counts as a box that restricts nothing. Randomness only from {@code rng}. Cost:
   * {@code resamples} PRIM runs.
   *
   * @throws IllegalArgumentException as {@link #run(List, double[][], boolean[], double[],
   *     double[])}, or if resamples &lt; 1
   */
  public double[] stability(List<String> names, double[][] x, boolean[] interest, double[] low,
      double[] high, double minCoverage, int resamples, java.util.random.RandomGenerator rng) {
    if (resamples < 1) {
      throw new IllegalArgumentException("need resamples >= 1, was " + resamples);
    }
    int n = x.length;
    int d = names.size();
    double[] lo = low;
    double[] hi = high;
    if (lo == null || hi == null) {
      PrimResult whole = run(names, x, interest);
      lo = whole.rangeLow();
      hi = whole.rangeHigh();
    }
    int[] restricting = new int[d];
    double[][] xs = new double[n][];
    boolean[] is = new boolean[n];
    for (int b = 0; b < resamples; b++) {
      boolean any = false;
      for (int i = 0; i < n; i++) {
        int r = rng.nextInt(n);
        xs[i] = x[r];
        is[i] = interest[r];
        any |= is[i];
      }
      if (!any) {
        continue;
      }
      PrimResult pr = run(names, xs, is, lo, hi);
      PrimBox box = pr.best(minCoverage);
      for (int j = 0; j < d; j++) {
        if (pr.restricts(box, j)) {
          restricting[j]++;
        }
      }
    }
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      out[j] = (double) restricting[j] / resamples;
    }
    return out;
  }

  private static int[] inside(double[][] x, double[] lo, double[] hi) {
    int[] idx = new int[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (in(x[i], lo, hi)) {
        idx[m++] = i;
      }
    }
    return Arrays.copyOf(idx, m);
  }

  /** Values along j of the points outside the box on one side of j but within the other limits. */
  private static double[] outsideAlong(double[][] x, double[] lo, double[] hi, int j,
      boolean lowSide) {
    double[] out = new double[x.length];
    int m = 0;
    for (double[] p : x) {
      double v = p[j];
      if (lowSide ? v >= lo[j] : v <= hi[j]) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < p.length && ok; k++) {
        ok = k == j || (p[k] >= lo[k] && p[k] <= hi[k]);
      }
      if (ok) {
        out[m++] = v;
      }
    }
    return Arrays.copyOf(out, m);
  }

  private static boolean in(double[] p, double[] lo, double[] hi) {
    for (int j = 0; j < lo.length; j++) {
      if (p[j] < lo[j] || p[j] > hi[j]) {
        return false;
      }
    }
    return true;
  }

  private static int[] counts(double[][] x, boolean[] interest, double[] lo, double[] hi) {
    int count = 0;
    int hits = 0;
    for (int i = 0; i < x.length; i++) {
      if (in(x[i], lo, hi)) {
        count++;
        if (interest[i]) {
          hits++;
        }
      }
    }
    return new int[] {count, hits};
  }

  private static PrimBox box(int index, double[] lo, double[] hi, double[][] x,
      boolean[] interest, int totalInterest) {
    int[] c = counts(x, interest, lo, hi);
    return new PrimBox(index, lo, hi, c[0], c[1], (double) c[1] / totalInterest,
        c[0] == 0 ? 0 : (double) c[1] / c[0], (double) c[0] / x.length);
  }
}
