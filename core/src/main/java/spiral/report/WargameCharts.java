package spiral.report;

import spiral.wargame.AfterActionReport;

/**
 * The chart of a wargame's after-action report: the played game's highest rung by turn against
 * the simulated 10%&ndash;90% band and median.
 */
public final class WargameCharts {
  private WargameCharts() {}

  /** The played path against the simulated band, as a standalone SVG document. */
  public static String path(AfterActionReport report) {
    throw new UnsupportedOperationException("in progress");
  }
}
