package spiral.explore.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import spiral.explore.Designs;
import spiral.explore.SensitivityReport;
import spiral.explore.Tornado;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/**
 * The one-at-a-time tornado of a sweep's output: each parameter at its low and at its high value
 * (a range's ends, or the smallest and largest level) while the others stay at base (the middle
 * of their range), simulated with the sweep's runs and seed. Cost: (2d + 1) points &times; runs
 * &times; turns engine steps for d parameters.
 */
public final class OneAtATime {
  private OneAtATime() {}

  /** Each parameter's low, base and high value. */
  public static List<SensitivityReport.Range> ranges(Sweep sweep) {
    List<SensitivityReport.Range> out = new ArrayList<>();
    for (Sweep.Parameter p : sweep.parameters()) {
      double lo = p.isRange() ? p.min() : Collections.min(p.values());
      double hi = p.isRange() ? p.max() : Collections.max(p.values());
      out.add(new SensitivityReport.Range(p.path(), lo, lo + (hi - lo) / 2, hi));
    }
    return out;
  }

  /**
   * The tornado of one output.
   *
   * @param output one of the sweep's outputs
   * @param progress told of runs done over the 2d + 1 points, from the calling thread
   * @throws IllegalArgumentException if the output is not one of the sweep's
   */
  public static Tornado tornado(Sweep sweep, String output, Simulator simulator,
      Progress progress) {
    int k = sweep.outputs().indexOf(output);
    if (k < 0) {
      throw new IllegalArgumentException("no output '" + output + "' in the sweep");
    }
    List<SensitivityReport.Range> ranges = ranges(sweep);
    int d = ranges.size();
    double[] base = new double[d];
    double[] low = new double[d];
    double[] high = new double[d];
    java.util.Arrays.fill(base, 0.5);
    java.util.Arrays.fill(high, 1);
    double[][] x = Designs.oneAtATime(sweep.names(), base, low, high).points();
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        SensitivityReport.Range r = ranges.get(j);
        row[j] = row[j] == 0.5 ? r.base() : r.low() + (r.high() - r.low()) * row[j];
      }
    }
    double[] y = new double[x.length];
    long total = (long) x.length * sweep.runs();
    Progress p = progress == null ? Progress.NONE : progress;
    for (int i = 0; i < x.length; i++) {
      long before = (long) i * sweep.runs();
      y[i] = SweepRunner.evaluate(sweep, x[i], simulator, (done, t) -> p.advance(before + done,
          total))[k];
    }
    return Tornado.of(sweep.names(), y);
  }
}
