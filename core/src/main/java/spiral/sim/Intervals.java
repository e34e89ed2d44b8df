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
    return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
  }

  /** Normal interval {lo, hi} for a mean with sample standard deviation sd over n values. */
  public static double[] mean(double mean, double sd, long n, double z) {
    if (n < 2 || Double.isNaN(sd)) {
      return new double[] {mean, mean};
    }
    double half = z * sd / Math.sqrt(n);
    return new double[] {mean - half, mean + half};
  }
}
