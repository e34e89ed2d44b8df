package spiral.game;

/**
 * The Java heap's free memory, for solvers that estimate what a large structure needs before
 * building it: the heap's maximum ({@code -Xmx}) less what is in use now.
 */
public final class HeapBudget {
  private HeapBudget() {}

  /** Bytes the heap can still grow by: its maximum less what is in use, garbage included. */
  public static long free() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Bytes free once garbage is collected: asks the collector to run first, so call it only to
   * confirm a refusal that {@link #free} suggests.
   */
  public static long freeAfterCollection() {
    System.gc();
    return free();
  }

  /** A number of bytes as people read it: {@code 98 KiB}, {@code 512 MiB}, {@code 2.4 GiB}. */
  public static String format(long bytes) {
    if (bytes < (1L << 20)) {
      return Math.max(1, (bytes + (1L << 10) - 1) >> 10) + " KiB";
    }
    if (bytes < (1L << 30)) {
      return ((bytes + (1L << 20) - 1) >> 20) + " MiB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
