package spiral.explore.sweep;

import java.io.IOException;
import java.util.Objects;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/**
 * Evaluates a sweep's points one after another on a {@link Simulator}, whose threads share each
 * point's runs. Cost: points &times; runs &times; turns engine steps.
 */
public final class LocalSweepExecutor implements SweepExecutor {
  private final Simulator simulator;

  /** An executor on a simulator. */
  public LocalSweepExecutor(Simulator simulator) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
  }

  @Override
  public void evaluate(Sweep sweep, int from, RowSink sink, Progress progress) throws IOException {
    double[][] points = sweep.points();
    long total = (long) points.length * sweep.runs();
    Progress p = progress == null ? Progress.NONE : progress;
    for (int i = from; i < points.length; i++) {
      long before = (long) i * sweep.runs();
      double[] out = SweepRunner.evaluate(sweep, points[i], simulator,
          (d, t) -> p.advance(before + d, total));
      sink.accept(i, out);
    }
  }
}
