package spiral.history;

/**
 * A reference class's rate of one outcome: k of n crises, with exact 95% intervals. A zero count
 * carries its one-sided 95% upper bound, so that it is never read as "impossible".
 *
 * @param target the outcome's id ({@link HistoricalTarget#id()})
 * @param count crises that show the outcome
 * @param crises crises whose codes say (those with the code missing are left out)
 * @param p count / crises
 * @param clopperPearson the 95% Clopper–Pearson interval {lo, hi}
 * @param jeffreys the 95% Jeffreys interval {lo, hi}
 * @param upper95 when count is 0, the one-sided 95% upper bound; otherwise NaN
 */
public record BaseRate(String target, long count, long crises, double p, double[] clopperPearson, double[] jeffreys, double upper95) {
  /** The rate of k of n. */
  public static BaseRate of(HistoricalTarget target, long k, long n) {
    if (n == 0) {
      return new BaseRate(target.id(), 0, 0, Double.NaN, new double[] {0, 1}, new double[] {0, 1}, Double.NaN);
    }
    return new BaseRate(target.id(), k, n, (double) k / n, ExactIntervals.clopperPearson(k, n, 0.95),
        ExactIntervals.jeffreys(k, n, 0.95), k == 0 ? ExactIntervals.upperBoundOfZero(n, 0.95) : Double.NaN);
  }
}
