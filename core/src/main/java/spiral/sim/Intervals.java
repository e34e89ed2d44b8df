package spiral.sim;

/**
 * Confidence intervals. Wilson's score interval for a proportion (Wilson 1927; Brown, Cai &amp;
 * DasGupta 2001 recommend it over the Wald interval), and the normal interval for a mean.
 */
public final class Intervals {
  /** The 97.5% standard normal quantile, for 95% two-sided intervals. */
  public static final double Z95 = 1.959963984540054;
  /** The 99.5% standard normal quantile, for 99% two-sided intervals. */
  public static final double Z99 = 2.5758293035489004;

  private Intervals() {}

  /** Wilson score interval {lo, hi} for k successes in n trials at normal quantile z. */
  public static double[] wilson(long k, long n, double z) {
    if (n <= 0) {
      return new double[] {0, 1};
    }
    double p = (double) k / n;
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denom;
    double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    // exact at the ends: no successes cannot have a positive lower bound, nor all a bound below 1
    return new double[] {k == 0 ? 0 : Math.max(0, center - half), k == n ? 1 : Math.min(1, center + half)};
  }

  /** Normal interval {lo, hi} for a mean with sample standard deviation sd over n values. */
  public static double[] mean(double mean, double sd, long n, double z) {
    if (n < 2 || Double.isNaN(sd)) {
      return new double[] {mean, mean};
    }
    double half = z * sd / Math.sqrt(n);
    return new double[] {mean - half, mean + half};
  }

  /** The sample standard deviation of n values with this sum and sum of squares. */
  public static double sd(double sum, double sumSq, long n) {
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
  }

  /** v rounded to 6 decimals, for reading (non-finite values unchanged). */
  public static double round6(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
  }
}
