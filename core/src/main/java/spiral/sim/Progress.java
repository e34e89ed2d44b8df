package spiral.sim;

/** Told how far a long computation has come; called from the thread that started it. */
@FunctionalInterface
public interface Progress {
  /** A listener that ignores progress. */
  Progress NONE = (done, total) -> {};

  /** {@code done} of {@code total} units are finished. */
  void advance(long done, long total);
}
