package spiral.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import spiral.bargain.NegotiationAnalysis;
import spiral.explore.sweep.LocalSweepExecutor;
import spiral.options.OptionsAnalysis;
import spiral.sim.Simulator;

/** The worker pool of a command: daemon threads, closed when the command ends. */
final class Workers implements AutoCloseable {
  private final ExecutorService pool;
  private final int threads;

  Workers(int threads) {
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "spiral-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, tf);
  }

  Simulator simulator() {
    return pool == null ? new Simulator(Runnable::run, 1) : new Simulator(pool, threads);
  }

  /** A sweep executor: whole points side by side on the threads, or a point's runs shared. */
  LocalSweepExecutor sweeps() {
    return pool == null ? new LocalSweepExecutor(Runnable::run, 1) : new LocalSweepExecutor(pool, threads);
  }

  NegotiationAnalysis negotiation() {
    return pool == null ? new NegotiationAnalysis(Runnable::run, 1) : new NegotiationAnalysis(pool, threads);
  }

  OptionsAnalysis options() {
    return pool == null ? new OptionsAnalysis(Runnable::run, 1) : new OptionsAnalysis(pool, threads);
  }

  /** The executor itself: the pool, or the calling thread when there is one thread. */
  java.util.concurrent.Executor executor() {
    return pool == null ? Runnable::run : pool;
  }

  int threads() {
    return threads;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
