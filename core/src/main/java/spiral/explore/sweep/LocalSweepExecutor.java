package spiral.explore.sweep;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/**
 * Evaluates a sweep's points on this machine's threads.
 *
 * <p>When at least as many points remain as there are threads, several points are evaluated at
 * once, each wholly by one task on a single-thread {@link Simulator}, within a bounded window of
 * points in flight ({@value #WINDOW_PER_THREAD} per thread); rows reach the sink strictly in
 * point order from the calling thread, which also reports progress. With fewer points than
 * threads the points go one after another and each point's runs are shared among the threads.
 * A point's outputs depend only on the sweep, so the rows are the same, to the bit, on any number
 * of threads and in either mode.
 *
 * <p>Cost: points &times; runs &times; turns engine steps over the threads; memory: the window's
 * rows and one engine per thread.
 */
public final class LocalSweepExecutor implements SweepExecutor {
  /** Points in flight per thread when points are evaluated side by side. */
  public static final int WINDOW_PER_THREAD = 4;

  private final Executor executor;
  private final int threads;
  private final Simulator sequential;

  /**
   * An executor whose threads run whole points, or share a point's runs when there are fewer
   * points than threads.
   *
   * @param executor runs the tasks ({@code Runnable::run} runs everything on the calling thread)
   * @param threads how many tasks the executor can run at once (&ge; 1)
   */
  public LocalSweepExecutor(Executor executor, int threads) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    this.sequential = null;
  }

  /** An executor that evaluates points one after another on a simulator (its threads share each point's runs). */
  public LocalSweepExecutor(Simulator simulator) {
    this.executor = null;
    this.threads = 1;
    this.sequential = Objects.requireNonNull(simulator, "simulator");
  }

  @Override
  public void evaluate(Sweep sweep, int from, RowSink sink, Progress progress) throws IOException {
    Progress p = progress == null ? Progress.NONE : progress;
    double[][] points = sweep.points(); // the design is generated once per evaluation
    if (sequential != null) {
      oneByOne(sweep, points, from, sink, p, sequential);
    } else if (threads == 1 || points.length - from < threads) {
      oneByOne(sweep, points, from, sink, p, new Simulator(executor, threads));
    } else {
      sideBySide(sweep, points, from, sink, p);
    }
  }

  private static void oneByOne(Sweep sweep, double[][] points, int from, RowSink sink,
      Progress p, Simulator sim) throws IOException {
    long total = (long) points.length * sweep.runs();
    for (int i = from; i < points.length; i++) {
      long before = (long) i * sweep.runs();
      double[] out = SweepRunner.evaluate(sweep, points[i], sim,
          (d, t) -> p.advance(before + d, total));
      sink.accept(i, out);
    }
  }

  private void sideBySide(Sweep sweep, double[][] points, int from, RowSink sink, Progress p)
      throws IOException {
    long total = (long) points.length * sweep.runs();
    AtomicLong done = new AtomicLong((long) from * sweep.runs());
    AtomicBoolean stop = new AtomicBoolean();
    Simulator single = new Simulator(Runnable::run, 1);
    int window = threads * WINDOW_PER_THREAD;
    ArrayDeque<CompletableFuture<double[]>> inFlight = new ArrayDeque<>();
    int next = from;
    try {
      for (int i = from; i < points.length; i++) {
        while (next < points.length && next - i < window) {
          double[] x = points[next];
          inFlight.addLast(CompletableFuture.supplyAsync(() -> {
            if (stop.get()) {
              throw new CancellationException("sweep stopped");
            }
            long[] seen = {0};
            return SweepRunner.evaluate(sweep, x, single, (d, t) -> {
              done.addAndGet(d - seen[0]);
              seen[0] = d;
            });
          }, executor));
          next++;
        }
        CompletableFuture<double[]> f = inFlight.removeFirst();
        double[] out = await(f, done, total, p);
        sink.accept(i, out);
        p.advance(done.get(), total);
      }
    } finally {
      stop.set(true);
      inFlight.forEach(f -> f.cancel(false));
    }
  }

  /** Waits for a point, telling the progress listener from this thread meanwhile. */
  private static double[] await(CompletableFuture<double[]> f, AtomicLong done, long total,
      Progress p) {
    while (true) {
      try {
        return f.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        p.advance(done.get(), total);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for a sweep point");
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      } catch (CompletionException e) {
        throw rethrow(e.getCause());
      }
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
  }
}
