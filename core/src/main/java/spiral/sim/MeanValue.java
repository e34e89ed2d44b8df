package spiral.sim;

/**
 * A mean with its 95% normal interval.
 *
 * @param mean the mean, rounded to 6 decimals
 * @param ci95 {lo, hi}
 */
public record MeanValue(double mean, double[] ci95) {
  /** The mean and 95% interval of n values with this sum and sum of squares. */
  public static MeanValue of(double sum, double sumSq, long n) {
    double mean = n == 0 ? Double.NaN : sum / n;
    double sd = Intervals.sd(sum, sumSq, n);
    double[] ci = Intervals.mean(mean, sd, n, Intervals.Z95);
    return new MeanValue(
        Intervals.round6(mean), new double[] {Intervals.round6(ci[0]), Intervals.round6(ci[1])});
  }

  /** The given mean with the 95% normal interval of n values of the given sample variance. */
  public static MeanValue ofVariance(double mean, double variance, long n) {
    double[] ci = Intervals.mean(mean, Math.sqrt(Math.max(0, variance)), n, Intervals.Z95);
    return new MeanValue(
        Intervals.round6(mean), new double[] {Intervals.round6(ci[0]), Intervals.round6(ci[1])});
  }
}
