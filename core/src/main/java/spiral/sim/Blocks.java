package spiral.sim;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Runs a long computation over run indices 0..n-1 in fixed blocks on an executor and merges the
 * blocks' accumulators strictly in block order, so that the result is the same to the bit for any
 * executor and thread count. At most {@code 4 &times; parallelism} blocks are in flight: memory
 * does not grow with n.
 */
public final class Blocks {
  /** Run indices per block (fixed: it must not depend on the thread count). */
  public static final int SIZE = 1024;

  private Blocks() {}

  /** Computes the accumulator of the runs [from, to). */
  @FunctionalInterface
  public interface Block<A> {
    /** The accumulator of runs from (inclusive) to to (exclusive). */
    A compute(long from, long to);
  }

  /**
   * Runs {@code n} runs and returns their merged accumulator.
   *
   * @param total the first block's accumulator is merged into this one, then the others in order
   * @param block computes one block's accumulator (called on the executor's threads)
   * @param merge merges a block's accumulator into the total
   * @param progress told after each merged block, in the calling thread, in runs
   */
  public static <A> A run(
      Executor executor,
      int parallelism,
      long n,
      A total,
      Block<A> block,
      BiConsumer<A, A> merge,
      Progress progress) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(progress, "progress");
    if (n < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + n);
    }
    long blocks = (n + SIZE - 1) / SIZE;
    ArrayDeque<CompletableFuture<A>> window = new ArrayDeque<>();
    int maxInFlight = 4 * Math.max(1, parallelism);
    long next = 0;
    long done = 0;
    while (next < blocks || !window.isEmpty()) {
      while (next < blocks && window.size() < maxInFlight) {
        long from = next * SIZE;
        long to = Math.min(n, from + SIZE);
        window.add(CompletableFuture.supplyAsync(() -> block.compute(from, to), executor));
        next++;
      }
      CompletableFuture<A> head = window.poll();
      try {
        merge.accept(total, head.join());
      } catch (CompletionException e) {
        window.forEach(f -> f.cancel(false));
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw e;
      }
      done = Math.min(n, done + SIZE);
      progress.advance(done, n);
    }
    return total;
  }
}
