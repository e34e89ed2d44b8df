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
 * <p>References: Friedman, J. H. &amp; Fisher, N. I. (1999), Bump hunting in high-dimensional
 * data, Statistics and Computing 9, 123-143. Kwakkel, J. H. (2017), The Exploratory Modeling
 * Workbench, Environmental Modelling &amp; Software 96, 239-250.
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
   * Runs peeling then pasting.
   *
   * @param names the parameter names, d of them
   * @param x the points, n &times; d, finite
   * @param interest whether each point is of interest
   * @throws IllegalArgumentException if the shapes do not match, n is 0, a coordinate is not
   *     finite, or no point is of interest
   */
  public PrimResult run(List<String> names, double[][] x, boolean[] interest) {
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
    List<PrimBox> trajectory = new ArrayList<>();
    double[] boxLo = lo.clone();
    double[] boxHi = hi.clone();
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
    return new PrimResult(names, lo, hi, trajectory, peels);
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
