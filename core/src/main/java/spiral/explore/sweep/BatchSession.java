package spiral.explore.sweep;

/**
 * Batches of {@link BatchTask} inputs evaluated on one executor, opened once for a whole job (a
 * calibration's generations) so that a cluster's application and executors start once. Outputs come
 * back in input order. Cost: the inputs' evaluation, plus one round trip per batch.
 */
public interface BatchSession extends AutoCloseable {
  /**
   * {@code out[i] = task.apply(inputs[i])}.
   *
   * @throws IllegalStateException when the executor fails (the message says where and why)
   */
  double[][] evaluate(BatchTask task, double[][] inputs);

  /** Releases what the session started (a cluster application); a no-op for local threads. */
  @Override
  void close();

  /** The inputs in the calling thread, one after another. */
  static BatchSession sequential() {
    return new BatchSession() {
      @Override
      public double[][] evaluate(BatchTask task, double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
          out[i] = task.apply(inputs[i]);
        }
        return out;
      }

      @Override
      public void close() {}
    };
  }
}
