package spiral.game;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A time limit for a solver, honoured cooperatively: {@link #within} runs a computation with a
 * deadline attached to the current thread, and the solvers' main loops call {@link #check}, which
 * throws {@link Exceeded} once the deadline has passed. Without {@code within} there is no limit
 * and {@code check} costs one thread-local read. The check reads {@link System#nanoTime}.
 */
public final class Deadline {
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final Duration limit;
  private final long end;

  private Deadline(Duration limit) {
    this.limit = limit;
    this.end = System.nanoTime() + limit.toNanos();
  }

  /** Thrown by {@link #check} when the computation ran past its limit. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration limit;

    Exceeded(Duration limit) {
      super("gave up after " + seconds(limit));
      this.limit = limit;
    }

    /** The limit that was exceeded. */
    public Duration limit() {
      return limit;
    }
  }

  /** The limit as people write it: {@code 60 s}, {@code 0.5 s}. */
  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toNanos())
            .movePointLeft(9)
            .stripTrailingZeros()
            .toPlainString()
        + " s";
  }

  /**
   * Runs {@code work} with at most {@code limit} of wall time for the solver loops inside it.
   *
   * @throws Exceeded when a check inside {@code work} finds the limit passed
   * @throws IllegalArgumentException for a negative limit
   */
  public static <T> T within(Duration limit, Supplier<T> work) {
    Objects.requireNonNull(limit);
    if (limit.isNegative()) {
      throw new IllegalArgumentException("negative time limit " + limit);
    }
    Deadline outer = CURRENT.get();
    CURRENT.set(new Deadline(limit));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * Throws {@link Exceeded} when the current thread runs under a deadline that has passed.
   *
   * @throws Exceeded when the limit has passed
   */
  public static void check() {
    Deadline d = CURRENT.get();
    if (d != null && System.nanoTime() - d.end > 0) {
      throw new Exceeded(d.limit);
    }
  }
}
