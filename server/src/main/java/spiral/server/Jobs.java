package spiral.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import spiral.JsonText;
import spiral.Version;
import spiral.explore.sweep.SweepException;
import spiral.store.Job;
import spiral.store.JobStore;
import spiral.store.NewJob;

/**
 * Runs jobs: a bounded queue in front of a fixed number of job threads, which share one pool of
 * worker threads for their simulations. Each state change is written to the store; a result is
 * stored with its job's state change in one transaction. Cancellation is cooperative: the job's
 * progress callback, called after each block of runs, stops the computation once the job is
 * cancelled (within one block, about a thousand runs).
 *
 * <p>Jobs do not outlive the server: a job queued or running when it stops is marked failed
 * ({@link JobStore#INTERRUPTED}) at the next start, not requeued.
 */
final class Jobs implements AutoCloseable {
  /** What the server knows of a job it is running, beyond the store. */
  static final class Live {
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile double progress;
    volatile long startedNanos;
  }

  /** Thrown from a progress callback to stop a cancelled job. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  private final JobStore store;
  private final ThreadPoolExecutor jobs;
  private final ExecutorService workers;
  private final int workerThreads;
  private final Map<Long, Live> live = new ConcurrentHashMap<>();

  Jobs(JobStore store, int jobThreads, int workerThreads, int maxQueued) {
    this.store = store;
    this.workerThreads = workerThreads;
    this.jobs = new ThreadPoolExecutor(jobThreads, jobThreads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(maxQueued), daemons("spiral-job-"));
    this.workers = Executors.newFixedThreadPool(workerThreads, daemons("spiral-worker-"));
  }

  private static java.util.concurrent.ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stores and queues a job; 503 when the queue is full. */
  Job submit(JobSpec spec) {
    Job job = store.create(new NewJob(spec.kind(), spec.scenario(), spec.yaml(), spec.seed(),
        spec.parameters().toString()));
    Live l = new Live();
    live.put(job.id(), l);
    try {
      jobs.execute(() -> run(job.id(), spec, l));
    } catch (RejectedExecutionException e) {
      live.remove(job.id());
      store.fail(job.id(), "refused: the job queue is full");
      throw new ApiException(503, "busy", "the job queue is full (" + jobs.getQueue().size()
          + " jobs waiting); try again later");
    }
    return job;
  }

  /** The worker pool the jobs share, for other bounded computations (a game's after-action report). */
  java.util.concurrent.Executor workers() {
    return workers;
  }

  /** The number of worker threads. */
  int workerThreads() {
    return workerThreads;
  }

  /** The live state of a queued or running job of this server. */
  Optional<Live> live(long id) {
    return Optional.ofNullable(live.get(id));
  }

  /** Cancels a queued or running job; false when it had already ended. */
  boolean cancel(long id) {
    boolean changed = store.cancel(id);
    Live l = live.get(id);
    if (l != null) {
      l.cancelled.set(true);
    }
    return changed;
  }

  private void run(long id, JobSpec spec, Live l) {
    try {
      if (l.cancelled.get() || !store.start(id)) {
        return;
      }
      l.startedNanos = System.nanoTime();
      Object result = spec.compute(workers, workerThreads, (done, total) -> {
        if (l.cancelled.get()) {
          throw new Cancelled();
        }
        l.progress = total == 0 ? 1 : (double) done / total;
      });
      if (l.cancelled.get()) {
        return;
      }
      store.finish(id, Version.get(), JsonText.of(result));
    } catch (Cancelled e) {
      // the job's state is already cancelled (or the server is stopping)
    } catch (ApiException e) {
      store.fail(id, e.getMessage());
    } catch (IllegalArgumentException | SweepException e) {
      store.fail(id, "bad input: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      System.err.println("spiral: job " + id + " failed: " + e);
      try {
        store.fail(id, "internal error while computing the job");
      } catch (RuntimeException again) {
        System.err.println("spiral: cannot mark job " + id + " failed: " + again.getMessage());
      }
    } finally {
      live.remove(id);
    }
  }

  /**
   * Stops: cancels every job of this server, waits briefly for the job threads, then marks what
   * is still queued or running as interrupted.
   */
  @Override
  public void close() {
    live.values().forEach(l -> l.cancelled.set(true));
    jobs.shutdownNow();
    try {
      jobs.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    store.interruptUnfinished();
  }
}
