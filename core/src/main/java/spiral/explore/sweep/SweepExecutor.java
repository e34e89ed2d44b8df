package spiral.explore.sweep;

import java.io.IOException;
import spiral.sim.Progress;

/**
 * Evaluates the points of a sweep somewhere: on this machine's threads ({@link LocalSweepExecutor})
 * or elsewhere (a cluster). Every executor gives each point the same outputs, to the bit, because a
 * point's outputs depend only on the sweep (its parameters, runs and seed), never on where or
 * alongside what it ran. {@link SweepRunner} keeps the results file and hands the executor only the
 * points still to do.
 */
public interface SweepExecutor {
  /** Receives one point's outputs; called in point order, from the thread that called evaluate. */
  @FunctionalInterface
  interface RowSink {
    /** The outputs of point {@code point}, in the sweep's output order. */
    void accept(int point, double[] outputs) throws IOException;
  }

  /**
   * Evaluates points {@code from} (inclusive) to the end of {@code sweep.points()}, handing each
   * point's outputs to {@code sink} in increasing point order.
   *
   * @param progress told of simulated runs done over the whole sweep (points before {@code from}
   *     count as done), from the calling thread; may be {@link Progress#NONE}
   */
  void evaluate(Sweep sweep, int from, RowSink sink, Progress progress) throws IOException;

  /**
   * Opens a session for batches of independent inputs on this executor (calibration's candidates);
   * close it when the job is done. By default the inputs run one after another in the calling
   * thread.
   *
   * @param name what the session is for, as a cluster shows it (e.g. "spiral calibrate rand-d-ports")
   * @throws IllegalStateException when the executor cannot start (the message says why)
   */
  default BatchSession openBatches(String name) {
    return BatchSession.sequential();
  }
}
