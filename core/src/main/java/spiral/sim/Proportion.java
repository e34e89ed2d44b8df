package spiral.sim;

/**
 * A proportion with its 95% Wilson score interval.
 *
 * @param count runs counted
 * @param p count / runs, rounded to 6 decimals
 * @param ci95 {lo, hi}
 */
public record Proportion(long count, double p, double[] ci95) {
  /** k of n, with its 95% Wilson interval. */
  public static Proportion of(long k, long n) {
    double[] ci = Intervals.wilson(k, n, Intervals.Z95);
    return new Proportion(
        k, Intervals.round6((double) k / n), new double[] {Intervals.round6(ci[0]), Intervals.round6(ci[1])});
  }
}
