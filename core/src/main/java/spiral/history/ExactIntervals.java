package spiral.history;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact and near-exact intervals for a binomial proportion, for small reference classes where the
 * normal approximations fail: Clopper and Pearson (1934), which never covers less than its level,
 * and Jeffreys' equal-tailed Bayesian interval (Brown, Cai and DasGupta 2001, who recommend it
 * with the convention that k = 0 has lower bound 0 and k = n upper bound 1). Cost: a few
 * incomplete-beta inversions.
 */
public final class ExactIntervals {
  private ExactIntervals() {}

  /** The Clopper–Pearson interval {lo, hi} for k of n at two-sided level {@code level}. */
  public static double[] clopperPearson(long k, long n, double level) {
    check(k, n, level);
    double a = (1 - level) / 2;
    double lo = k == 0 ? 0 : new BetaDistribution(null, k, n - k + 1).inverseCumulativeProbability(a);
    double hi = k == n ? 1 : new BetaDistribution(null, k + 1, n - k).inverseCumulativeProbability(1 - a);
    return new double[] {lo, hi};
  }

  /** Jeffreys' interval {lo, hi}: the Beta(k + ½, n − k + ½) posterior's equal tails. */
  public static double[] jeffreys(long k, long n, double level) {
    check(k, n, level);
    double a = (1 - level) / 2;
    BetaDistribution b = new BetaDistribution(null, k + 0.5, n - k + 0.5);
    return new double[] {k == 0 ? 0 : b.inverseCumulativeProbability(a), k == n ? 1 : b.inverseCumulativeProbability(1 - a)};
  }

  /**
   * The one-sided upper bound on p when none of n was seen: 1 − (1 − level)^(1/n), the
   * Clopper–Pearson bound (about 3/n at 95%, the "rule of three").
   */
  public static double upperBoundOfZero(long n, double level) {
    check(0, n, level);
    return 1 - Math.pow(1 - level, 1.0 / n);
  }

  private static void check(long k, long n, double level) {
    if (n < 1 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n and n >= 1, got k = " + k + ", n = " + n);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
  }
}
