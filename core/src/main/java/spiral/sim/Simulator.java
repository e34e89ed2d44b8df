package spiral.sim;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Runs many runs of the engine on an executor and aggregates them as they stream in.
 *
 * <p>Runs are cut into fixed blocks ({@link Blocks}); each block is played by its own {@link
 * Engine} and aggregated into its own {@link Stats}; blocks are merged strictly in block order.
 * Run k always uses the generator seeded from (master seed, k), so the result is the same, to the
 * bit, for any executor and any number of threads, and memory does not grow with the number of
 * runs.
 *
 * <p>Cost: O(runs &times; turns &times; candidates) time, O(parallelism &times; (R + horizon))
 * memory.
 */
public final class Simulator {
  /** Runs per block (fixed: it must not depend on the thread count). */
  public static final int BLOCK = Blocks.SIZE;

  private final Executor executor;
  private final int parallelism;

  /**
   * A simulator on an executor.
   *
   * @param executor runs the blocks ({@code Runnable::run} runs them on the calling thread)
   * @param parallelism how many blocks the executor can run at once (&ge; 1)
   */
  public Simulator(Executor executor, int parallelism) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Runs {@code runs} runs of the model under {@code seed}, the responder choosing freely. */
  public Stats run(CompiledModel model, long runs, long seed, Progress progress) {
    return run(model, runs, seed, -1, progress);
  }

  /**
   * Runs {@code runs} runs of the model under {@code seed}.
   *
   * @param firstResponse the responder's forced first move (candidate index), or -1
   * @param progress told after each block, in the calling thread
   * @throws IllegalArgumentException if runs &lt; 1
   */
  public Stats run(CompiledModel model, long runs, long seed, int firstResponse, Progress progress) {
    Objects.requireNonNull(model, "model");
    return Blocks.run(
        executor,
        parallelism,
        runs,
        new Stats(model.top, model.horizon),
        (from, to) -> block(model, seed, from, to, firstResponse),
        Stats::merge,
        progress);
  }

  private static Stats block(CompiledModel model, long seed, long from, long to, int firstResponse) {
    Engine engine = new Engine(model);
    RunRecord rec = new RunRecord();
    Stats stats = new Stats(model.top, model.horizon);
    for (long k = from; k < to; k++) {
      engine.run(seed, k, rec, firstResponse);
      stats.add(rec);
    }
    return stats;
  }
}
