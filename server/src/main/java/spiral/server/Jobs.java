package spiral.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import spiral.JsonText;
import spiral.Version;
import spiral.explore.sweep.SweepException;
import spiral.store.Account;
import spiral.store.Job;
import spiral.store.JobStore;
import spiral.store.NewJob;

/**
 * Runs jobs: a fixed number of job threads take the queued jobs in turn across accounts (each
 * account has its own first-in-first-out queue, and the threads serve the accounts round-robin, so
 * one account's many jobs do not hold back another's one), and share one pool of worker threads
 * for their simulations. An account has at most {@code perAccount} jobs queued or running at once
 * (429 beyond); all accounts together at most {@code maxQueued} waiting (503 beyond). Each state
 * change is written to the store; a result is stored with its job's state change in one
 * transaction. Cancellation is cooperative: a queued job leaves its queue at once; a running
 * job's progress callback, called after each block of runs, stops the computation once the job is
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

  /** A queued job. */
  private record Task(long id, long owner, JobSpec spec, Live live) {}

  private final JobStore store;
  private final List<Thread> threads = new ArrayList<>();
  private final ExecutorService workers;
  private final int workerThreads;
  private final int maxQueued;
  private final int perAccount;
  private final Map<Long, Live> live = new ConcurrentHashMap<>();
  /** Guards the fields below. */
  private final Object lock = new Object();
  /** The accounts with waiting jobs, in their turn order (the next served first), each with its queue. */
  private final LinkedHashMap<Long, ArrayDeque<Task>> queues = new LinkedHashMap<>();
  /** Jobs queued or running per account. */
  private final Map<Long, Integer> active = new HashMap<>();
  private int waiting;
  private boolean closed;

  Jobs(JobStore store, int jobThreads, int workerThreads, int maxQueued, int perAccount) {
    if (jobThreads < 1 || workerThreads < 1 || maxQueued < 1 || perAccount < 1) {
      throw new IllegalArgumentException("job threads, worker threads and queue limits must be positive: "
          + jobThreads + ", " + workerThreads + ", " + maxQueued + ", " + perAccount);
    }
    this.store = store;
    this.workerThreads = workerThreads;
    this.maxQueued = maxQueued;
    this.perAccount = perAccount;
    this.workers = Executors.newFixedThreadPool(workerThreads, daemons("spiral-worker-"));
    java.util.concurrent.ThreadFactory jobFactory = daemons("spiral-job-");
    for (int i = 0; i < jobThreads; i++) {
      Thread t = jobFactory.newThread(this::serve);
      threads.add(t);
      t.start();
    }
  }

  private static java.util.concurrent.ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Stores and queues a job of {@code owner}: 429 when the account already has its quota of jobs
   * queued or running (nothing is stored), 503 when the queue is full (the job is stored as failed).
   */
  Job submit(JobSpec spec, Account owner) {
    synchronized (lock) {
      int mine = active.getOrDefault(owner.id(), 0);
      if (mine >= perAccount) {
        throw new ApiException(429, "too_many_requests", "you have " + mine + " jobs queued or running,"
            + " the most one account may have (" + perAccount + "); wait for one to end or cancel one");
      }
      active.merge(owner.id(), 1, Integer::sum); // held while the job is stored
    }
    Job job;
    try {
      job = store.create(new NewJob(spec.kind(), spec.scenario(), spec.yaml(), spec.seed(),
          spec.parameters().toString(), owner.id()));
    } catch (RuntimeException e) {
      release(owner.id());
      throw e;
    }
    Live l = new Live();
    live.put(job.id(), l);
    synchronized (lock) {
      if (!closed && waiting < maxQueued) {
        queues.computeIfAbsent(owner.id(), k -> new ArrayDeque<>()).add(new Task(job.id(), owner.id(), spec, l));
        waiting++;
        lock.notify();
        return job;
      }
    }
    live.remove(job.id());
    release(owner.id());
    store.fail(job.id(), "refused: the job queue is full");
    throw new ApiException(503, "busy", "the job queue is full (" + maxQueued + " jobs waiting); try again later");
  }

  private void release(long owner) {
    synchronized (lock) {
      active.computeIfPresent(owner, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** The next job: the first of the account whose turn it is, which then goes to the back of the turn order. */
  private Task next() throws InterruptedException {
    synchronized (lock) {
      while (queues.isEmpty() && !closed) {
        lock.wait();
      }
      if (closed) {
        return null;
      }
      Iterator<Map.Entry<Long, ArrayDeque<Task>>> it = queues.entrySet().iterator();
      Map.Entry<Long, ArrayDeque<Task>> first = it.next();
      Task t = first.getValue().poll();
      it.remove();
      if (!first.getValue().isEmpty()) {
        queues.put(first.getKey(), first.getValue()); // to the back of the turn order
      }
      waiting--;
      return t;
    }
  }

  /** A job thread: runs the next job until the server stops. */
  private void serve() {
    while (true) {
      Task t;
      try {
        t = next();
      } catch (InterruptedException e) {
        return;
      }
      if (t == null) {
        return;
      }
      // the account's slot is freed before the job's end is written, so that an account that sees
      // its job ended can submit the next without a 429
      AtomicBoolean freed = new AtomicBoolean();
      Runnable free = () -> {
        if (freed.compareAndSet(false, true)) {
          release(t.owner());
        }
      };
      try {
        run(t.id(), t.spec(), t.live(), free);
      } finally {
        free.run();
      }
    }
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

  /** Cancels a queued or running job; false when it had already ended. A queued job leaves its queue. */
  boolean cancel(long id) {
    boolean changed = store.cancel(id);
    Live l = live.get(id);
    if (l != null) {
      l.cancelled.set(true);
    }
    Task removed = null;
    synchronized (lock) {
      for (Iterator<ArrayDeque<Task>> it = queues.values().iterator(); it.hasNext() && removed == null; ) {
        ArrayDeque<Task> q = it.next();
        for (Task t : q) {
          if (t.id() == id) {
            removed = t;
            q.remove(t);
            waiting--;
            break;
          }
        }
        if (q.isEmpty()) {
          it.remove();
        }
      }
    }
    if (removed != null) {
      live.remove(id);
      release(removed.owner());
    }
    return changed;
  }

  private void run(long id, JobSpec spec, Live l, Runnable free) {
    try {
      if (l.cancelled.get() || !store.start(id)) {
        return;
      }
      l.startedNanos = System.nanoTime();
      JobSpec.Computed result = spec.compute(workers, workerThreads, (done, total) -> {
        if (l.cancelled.get()) {
          throw new Cancelled();
        }
        l.progress = total == 0 ? 1 : (double) done / total;
      });
      if (l.cancelled.get()) {
        return;
      }
      String json = JsonText.of(result.result());
      free.run();
      store.finish(id, Version.get(), json, result.report());
    } catch (Cancelled e) {
      // the job's state is already cancelled (or the server is stopping)
    } catch (ApiException e) {
      free.run();
      store.fail(id, e.getMessage());
    } catch (IllegalArgumentException | SweepException e) {
      free.run();
      store.fail(id, "bad input: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      System.err.println("spiral: job " + id + " failed: " + e);
      free.run();
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
   * is still queued or running as interrupted. The job threads are not interrupted: one may be
   * writing to the database, and an interrupt closes H2's file channel under it (the database then
   * refuses every further statement, the marking included). A waiting thread is woken, and a
   * running job stops at its next progress step.
   */
  @Override
  public void close() {
    live.values().forEach(l -> l.cancelled.set(true));
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      for (Thread t : threads) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    store.interruptUnfinished();
  }
}
