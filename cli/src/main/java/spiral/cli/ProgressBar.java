package spiral.cli;

import java.io.PrintWriter;
import spiral.sim.Progress;

/**
 * A progress bar on standard error, drawn only when standard error is a terminal, at most every
 * 200 ms, and erased at the end so that it never mixes with the output.
 */
final class ProgressBar implements Progress {
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
  }

  /** Whether this process has a terminal to draw on. */
  static boolean terminal() {
    return System.console() != null;
  }

  @Override
  public void advance(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 200_000_000L) {
      return;
    }
    if (now - start < 300_000_000L) {
      return; // short jobs draw nothing, and early estimates of time left are noise
    }
    lastDraw = now;
    drawn = true;
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    double secs = (now - start) / 1e9;
    String eta = done > 0 && done < total ? String.format(" eta %.0fs", secs * (total - done) / done) : "";
    err.printf(
        "\r%s [%s%s] %3d%% %,d/%,d%s   ",
        label,
        "#".repeat(filled),
        " ".repeat(width - filled),
        100 * done / Math.max(1, total),
        done,
        total,
        eta);
    err.flush();
  }

  /** Erases the bar. */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
