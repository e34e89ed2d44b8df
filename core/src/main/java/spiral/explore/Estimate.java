package spiral.explore;

/**
 * A point estimate with a confidence interval [low, high] at a stated level.
 *
 * @param value the estimate on the full sample
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param level the confidence level, in (0, 1)
 */
public record Estimate(double value, double low, double high, double level) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if low &gt; high or the level is not in (0, 1)
   */
  public Estimate {
    if (!(low <= high) || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("need low <= high and level in (0, 1), were [" + low
          + ", " + high + "] at " + level);
    }
  }

  /** Whether x lies in [low, high]. */
  public boolean contains(double x) {
    return x >= low && x <= high;
  }
}
