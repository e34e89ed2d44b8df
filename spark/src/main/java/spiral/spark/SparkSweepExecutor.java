package spiral.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import spiral.explore.sweep.BatchSession;
import spiral.explore.sweep.BatchTask;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepRunner;
import spiral.explore.sweep.SweepSource;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/**
 * Evaluates a sweep's points as a Spark job: the remaining points are cut into batches of a few
 * points per task and as many tasks as the cluster has cores; each task rebuilds the sweep from
 * its shipped text ({@link SweepSource}, so executors need no shared file system) and computes its
 * points with {@link SweepRunner#evaluate} on a single-thread {@link Simulator}. Two batches are
 * in flight at a time; each batch's rows reach the sink in point order as soon as it and the
 * batches before it are done, so the results file grows as the job runs and an interrupted sweep
 * resumes. A point's outputs depend only on the sweep, so they equal the local executor's to the
 * bit. Spark's resilient distributed datasets (Zaharia et al., NSDI 2012) rerun a lost task, which
 * is safe because a point's outputs depend only on the sweep. Cost: points &times; runs &times;
 * turns engine steps spread over the executors, plus starting a Spark context per sweep where none
 * is running (seconds; a running one, as on a notebook, is used and left running) and a
 * few tens of milliseconds per batch.
 */
public final class SparkSweepExecutor implements SweepExecutor {
  /** The master used when none is given and Spark's configuration names none. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** The most points one task evaluates per batch. */
  static final int MAX_POINTS_PER_TASK = 16;

  private static final Pattern MASTER = Pattern.compile(
      "local(\\[(\\*|[1-9][0-9]*)(, *[1-9][0-9]*)?\\])?|local-cluster\\[.+\\]|spark://.+|yarn"
          + "|k8s://.+");

  private final String master;
  private final List<String> jars;
  private final int pointsPerTask;

  /**
   * An executor on a master.
   *
   * @param master a Spark master URL ({@code local[*]}, {@code local[N]},
   *     {@code spark://HOST:PORT}, ...), or null for the one Spark's configuration names (as under
   *     spark-submit), else {@value #DEFAULT_MASTER}
   */
  public SparkSweepExecutor(String master) {
    this(master, null, 0);
  }

  /**
   * An executor on a master, shipping given jars to the executors.
   *
   * @param jars the jars executors need (this module's jar with the core inside), or null for
   *     the jar this class was loaded from, when it is a jar
   * @param pointsPerTask points per task per batch, or 0 to choose (up to
   *     {@value #MAX_POINTS_PER_TASK}, at least four batches when the sweep is small)
   * @throws IllegalArgumentException if the master is not a Spark master URL
   */
  public SparkSweepExecutor(String master, List<String> jars, int pointsPerTask) {
    if (master != null && !MASTER.matcher(master).matches()) {
      throw new IllegalArgumentException("'" + master + "' is not a Spark master URL (local[*],"
          + " local[N], spark://HOST:PORT)");
    }
    if (pointsPerTask < 0) {
      throw new IllegalArgumentException("pointsPerTask must be at least 0, was " + pointsPerTask);
    }
    this.master = master;
    this.jars = jars == null ? null : List.copyOf(jars);
    this.pointsPerTask = pointsPerTask;
  }

  /** The master this executor was given, or null for Spark's configuration or the default. */
  public String master() {
    return master;
  }

  @Override
  public void evaluate(Sweep sweep, int from, RowSink sink, Progress progress) throws IOException {
    double[][] points = sweep.points();
    if (from >= points.length) {
      return;
    }
    Progress p = progress == null ? Progress.NONE : progress;
    SweepSource source = shipped(sweep, points);
    long total = (long) points.length * sweep.runs();
    SparkConf conf = conf("spiral sweep " + sweep.source());
    String where = conf.get("spark.master");
    String missing = missingClusterManager(where);
    if (missing != null) {
      throw new SweepException(sweep.source() + ": --master " + where + ": " + missing);
    }
    try (Context context = start(conf, where);
        // the context's own master: a running context's may differ from the conf's
        ExecutorWatch watch = ExecutorWatch.of(context.sc(), context.sc().master())) {
      JavaSparkContext sc = context.sc();
      Deque<JavaFutureAction<List<Result>>> inFlight = new ArrayDeque<>();
      int next = from;
      try {
        while (next < points.length || !inFlight.isEmpty()) {
          while (inFlight.size() < 2 && next < points.length) {
            // a cluster's executors register while the job runs: size each batch afresh
            int tasks = Math.max(1, sc.defaultParallelism());
            int per = pointsPerTask > 0 ? pointsPerTask : perTask(points.length - from, tasks);
            int end = (int) Math.min(points.length, (long) next + (long) tasks * per);
            List<Point> todo = new ArrayList<>(end - next);
            for (int i = next; i < end; i++) {
              todo.add(new Point(i, points[i]));
            }
            int slices = (end - next + per - 1) / per;
            inFlight.add(sc.parallelize(todo, slices).mapPartitions(new Evaluate(source))
                .collectAsync());
            next = end;
          }
          List<Result> done = new ArrayList<>(await(inFlight.poll()));
          done.sort(Comparator.comparingInt(Result::point));
          for (Result r : done) {
            sink.accept(r.point(), r.outputs());
          }
          if (!done.isEmpty()) {
            p.advance((done.get(done.size() - 1).point() + 1L) * sweep.runs(), total);
          }
        }
      } catch (SweepException e) {
        throw e;
      } catch (RuntimeException e) {
        throw failure(sc, sc.master(), watch, e);
      } finally {
        for (JavaFutureAction<List<Result>> f : inFlight) {
          f.cancel(true);
        }
      }
    }
  }

  /** Points per task: enough batches for progress and resume, few enough to keep overhead low. */
  static int perTask(int remaining, int tasks) {
    long perBatch = Math.max(1, (long) remaining / 4);
    return (int) Math.max(1, Math.min(MAX_POINTS_PER_TASK, perBatch / tasks));
  }

  private static SweepSource shipped(Sweep sweep, double[][] points) throws IOException {
    SweepSource source = SweepSource.of(sweep);
    Sweep again;
    try {
      again = source.sweep();
    } catch (SweepException e) {
      throw new SweepException(sweep.source() + ": cannot ship the sweep to Spark: rebuilt from"
          + " its text it fails: " + e.getMessage());
    }
    if (!Arrays.deepEquals(again.points(), points) || again.runs() != sweep.runs()
        || again.seed() != sweep.seed() || !again.outputs().equals(sweep.outputs())
        || !again.scenario().equals(sweep.scenario())) {
      throw new SweepException(sweep.source() + ": cannot ship the sweep to Spark: rebuilt from"
          + " its text (scenario " + (source.scenarioSource() == null ? sweep.scenarioName()
          : source.scenarioSource()) + ") it differs from the sweep given; run it from the"
          + " folder it was read from");
    }
    return source;
  }

  /**
   * The Spark context a job runs in, and whether this executor started it: a context that was
   * running already (a notebook's or a managed platform's job's) is used as it is and never
   * stopped.
   */
  record Context(JavaSparkContext sc, boolean created) implements AutoCloseable {
    /** Stops the context if this executor started it. */
    @Override
    public void close() {
      if (created) {
        sc.close();
      }
    }
  }

  /**
   * The running Spark context ({@code SparkContext.getOrCreate}: on a notebook or a managed
   * platform's job the one it was given, its own settings kept), else a new one on the conf.
   */
  private static Context start(SparkConf conf, String where) {
    reachable(conf.get("spark.master", ""));
    sameVersion(conf.get("spark.master", ""), conf.get(MASTER_UI, null), org.apache.spark.package$.MODULE$.SPARK_VERSION());
    long before = System.currentTimeMillis();
    org.apache.spark.SparkContext context;
    try {
      context = org.apache.spark.SparkContext.getOrCreate(conf);
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not start Spark on " + where + ": "
          + firstLine(e.getMessage()), e);
    }
    // a context started before this call was given, not created here
    boolean created = context.startTime() >= before;
    if (created && context.uiWebUrl().isDefined()) {
      System.err.println("spiral: Spark's UI for this job: " + context.uiWebUrl().get());
    }
    return new Context(JavaSparkContext.fromSparkContext(context), created);
  }

  /** The HOST:PORT addresses of a standalone master URL {@code spark://h1:p1,h2:p2}. */
  private static String[] addresses(String master) {
    return master.substring("spark://".length()).split(",");
  }

  /** The host of a HOST:PORT address (all of it without a port). */
  private static String host(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  /** How long the up-front check waits for a standalone master to accept a connection. */
  static final int CONNECT_MILLIS = 5_000;

  /**
   * Checks, before Spark starts, that a standalone master ({@code spark://host:port}, or several
   * for a master with standby: {@code spark://h1:p1,h2:p2}) accepts a connection at one of its
   * addresses, so that a wrong address or a master that is down is named at once, with the reason,
   * instead of surfacing minutes later as a stopped context. Other masters are not checked.
   *
   * @throws IllegalStateException naming every address tried and why it failed
   */
  static void reachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> why = new ArrayList<>();
    for (String hostPort : addresses(master)) {
      String host = host(hostPort);
      int colon = hostPort.lastIndexOf(':');
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        why.add(hostPort + ": not a port");
        continue;
      }
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), CONNECT_MILLIS);
        return;
      } catch (IOException e) {
        why.add(host + ":" + port + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    throw new IllegalStateException("cannot reach the Spark master " + master + " (" + String.join("; ", why)
        + "): start it, or give its address with --master");
  }

  /**
   * The Java property (or Spark setting) giving a standalone master's web UI, where its Spark
   * version is read; default {@code http://HOST:8080/} for the master's first host.
   */
  public static final String MASTER_UI = "spark.spiral.masterUi";

  private static final Pattern UI_VERSION =
      Pattern.compile("class=\"version[^\"]*\"[^>]*>\\s*([0-9]+\\.[0-9]+[^<\\s]*)");

  /**
   * Checks, before Spark starts, that a standalone master runs this driver's Spark line: a driver
   * and a cluster of different versions do not understand each other's messages (the master
   * drops them, logging a serialisation error only in its own log), so the job would wait and
   * fail without saying why. The version is read from the master's web UI ({@link #MASTER_UI});
   * where that page cannot be read nothing is checked. A different major or minor version stops
   * the command with one line naming both; a different patch release is said on standard error.
   *
   * @throws IllegalStateException naming both versions
   */
  static void sameVersion(String master, String ui, String mine) {
    if (!master.startsWith("spark://")) {
      return;
    }
    String page = ui != null ? ui : "http://" + host(addresses(master)[0]) + ":8080/";
    String theirs = uiVersion(page);
    if (theirs == null || theirs.equals(mine)) {
      return;
    }
    String[] a = theirs.split("\\.");
    String[] b = mine.split("\\.");
    boolean sameLine = a.length > 1 && b.length > 1 && a[0].equals(b[0]) && a[1].equals(b[1]);
    String said = "the Spark cluster at " + master + " runs Spark " + theirs + " and this driver Spark " + mine;
    if (sameLine) {
      System.err.println("spiral: " + said + " (the same line, so the job goes on)");
      return;
    }
    throw new IllegalStateException(said + ": a driver and a cluster of different Spark versions do not work together"
        + " (a master of another major version drops the driver's messages; on one of another"
        + " minor version every task fails on classes that differ); use a cluster of Spark " + b[0] + "." + (b.length > 1 ? b[1] : "x")
        + ", or submit with the cluster's own spark-submit and the submit jar");
  }

  /** The Spark version a standalone master's web UI shows, or null when the page cannot be read. */
  static String uiVersion(String url) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(2_000);
      c.setReadTimeout(2_000);
      try (java.io.InputStream in = c.getInputStream()) {
        String html = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = UI_VERSION.matcher(html);
        return m.find() ? m.group(1) : null;
      } finally {
        c.disconnect();
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** What a failed Spark job says: no executors came (the watch), Spark stopped, or Spark's own first line. */
  private static IllegalStateException failure(JavaSparkContext sc, String where, ExecutorWatch watch, RuntimeException e) {
    if (watch.starved() != null) {
      return new IllegalStateException(watch.starved(), e);
    }
    String hint = sc.sc().isStopped() ? " (Spark stopped: is the master " + where
        + " reachable, with workers that can reach this machine?)" : "";
    return new IllegalStateException("the Spark job on " + where + " failed: " + firstLine(e.getMessage()) + hint, e);
  }

  /** The Java property giving the seconds to wait for a cluster's first executor (default 60). */
  public static final String EXECUTOR_WAIT = "spark.spiral.executorWait";

  /**
   * Watches a cluster application for its executors: when none has come after the wait ({@link
   * #EXECUTOR_WAIT}) it says so on standard error, with what to check, and says it again every
   * wait while it goes on waiting; after four waits it cancels the application's jobs, and the
   * job fails with that sentence. Local masters have no executors to wait for.
   */
  static final class ExecutorWatch implements AutoCloseable {
    private final Thread thread;
    private volatile String starved;

    private ExecutorWatch(Thread thread) {
      this.thread = thread;
    }

    static ExecutorWatch of(JavaSparkContext sc, String where) {
      if (where.startsWith("local")) {
        return new ExecutorWatch(null);
      }
      long wait = Math.max(1, Long.getLong(EXECUTOR_WAIT, 60));
      ExecutorWatch[] self = new ExecutorWatch[1];
      Thread t = new Thread(() -> {
        long start = System.nanoTime();
        long said = 0;
        try {
          while (!Thread.currentThread().isInterrupted() && !sc.sc().isStopped()) {
            // the Scala tracker: the Java one has no getExecutorInfos before Spark 4
            if (sc.sc().statusTracker().getExecutorInfos().length > 1) {
              if (said > 0) {
                System.err.println("spiral: Spark executors have come; the job goes on");
              }
              return; // the driver is one of them: more means an executor came
            }
            long waited = (System.nanoTime() - start) / 1_000_000_000L;
            if (waited >= (said + 1) * wait) {
              said++;
              String what = "no executor of " + where + " after " + waited + " s: check that the master has workers"
                  + " registered with free cores and at least spark.executor.memory of memory, and that they can reach"
                  + " this machine (spark.driver.host)";
              if (said >= 4) {
                self[0].starved = "the Spark job on " + where + " could not start: " + what;
                sc.cancelAllJobs();
                return;
              }
              System.err.println("spiral: waiting for Spark executors: " + what);
            }
            Thread.sleep(250);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          // the context stopped under the watch: nothing left to watch
        }
      }, "spiral-executor-watch");
      t.setDaemon(true);
      self[0] = new ExecutorWatch(t);
      t.start();
      return self[0];
    }

    /** Why the job cannot run (no executors came), or null. */
    String starved() {
      return starved;
    }

    @Override
    public void close() {
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  /**
   * One Spark application for a whole job of batches (a calibration's generations): each batch is
   * a Spark job over the inputs, in about two tasks per core, its outputs collected in input order.
   *
   * @throws IllegalArgumentException when this build cannot reach the master's kind of cluster
   * @throws IllegalStateException when Spark cannot start
   */
  @Override
  public BatchSession openBatches(String name) {
    SparkConf conf = conf(name);
    String where = conf.get("spark.master");
    String missing = missingClusterManager(where);
    if (missing != null) {
      throw new IllegalArgumentException("--master " + where + ": " + missing);
    }
    Context context = start(conf, where);
    JavaSparkContext sc = context.sc();
    ExecutorWatch watch = ExecutorWatch.of(sc, sc.master());
    return new BatchSession() {
      @Override
      public double[][] evaluate(BatchTask task, double[][] inputs) {
        if (inputs.length == 0) {
          return new double[0][];
        }
        List<Point> todo = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
          todo.add(new Point(i, inputs[i]));
        }
        int slices = (int) Math.max(1, Math.min(inputs.length, 2L * Math.max(1, sc.defaultParallelism())));
        List<Result> done;
        try {
          done = await(sc.parallelize(todo, slices).mapPartitions(new Apply(task)).collectAsync());
        } catch (IOException e) {
          throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException e) {
          throw failure(sc, sc.master(), watch, e);
        }
        double[][] out = new double[inputs.length][];
        for (Result r : done) {
          out[r.point()] = r.outputs();
        }
        return out;
      }

      @Override
      public void close() {
        watch.close();
        context.close();
      }
    };
  }

  /** A batch's task: applies the shipped computation to a partition's inputs. */
  static final class Apply implements FlatMapFunction<Iterator<Point>, Result> {
    private static final long serialVersionUID = 1L;
    private final BatchTask task;

    Apply(BatchTask task) {
      this.task = Objects.requireNonNull(task, "task");
    }

    @Override
    public Iterator<Result> call(Iterator<Point> inputs) {
      List<Result> out = new ArrayList<>();
      while (inputs.hasNext()) {
        Point p = inputs.next();
        out.add(new Result(p.point(), task.apply(p.values())));
      }
      return out.iterator();
    }
  }

  private SparkConf conf(String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    String m = conf.get("spark.master");
    if (loopback(m)) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    List<String> ship = jars != null ? jars : ownJar();
    if (!ship.isEmpty() && !conf.contains("spark.jars")) {
      conf.setJars(ship.toArray(String[]::new));
    }
    return conf;
  }

  /**
   * What this build lacks to reach a master of this kind, or null when it has it: Spark finds YARN
   * and Kubernetes through modules that Spiral's own Spark does not bundle, and without them says
   * only "Could not parse Master URL".
   */
  static String missingClusterManager(String master) {
    String kind;
    String manager;
    if (master.equals("yarn") || master.startsWith("yarn-")) {
      kind = "YARN";
      manager = "org.apache.spark.scheduler.cluster.YarnClusterManager";
    } else if (master.startsWith("k8s://")) {
      kind = "Kubernetes";
      manager = "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager";
    } else if (master.startsWith("local") || master.startsWith("spark://")) {
      return null;
    } else {
      return "not a master this executor knows: use local[N], spark://HOST:PORT, or, through the"
          + " cluster's own spark-submit, yarn or k8s://URL (README, \"Sweeps on Spark\")";
    }
    try {
      Class.forName(manager, false, SparkSweepExecutor.class.getClassLoader());
      return null;
    } catch (ClassNotFoundException e) {
      return "this build of Spiral has no " + kind + " support (Spark's " + kind + " module is not on"
          + " its class path); submit the sweep with the cluster's own spark-submit and Spiral's"
          + " submit jar (README, \"Sweeps on Spark\")";
    }
  }

  /** Whether a master runs on this machine's loopback (local mode or a cluster on 127.0.0.1). */
  static boolean loopback(String master) {
    if (master.startsWith("local")) {
      return true;
    }
    try {
      String host = URI.create(master.replaceFirst("^spark://", "http://")).getHost();
      return host != null && (host.equals("127.0.0.1") || host.equals("localhost"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The jar this class came from, when it came from one (not a classes folder). */
  static List<String> ownJar() {
    try {
      var cs = SparkSweepExecutor.class.getProtectionDomain().getCodeSource();
      if (cs == null) {
        return List.of();
      }
      Path p = Path.of(cs.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar")
          ? List.of(p.toString()) : List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  private static List<Result> await(JavaFutureAction<List<Result>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Spark", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(firstLine(c.getMessage()), c);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** A point to evaluate: its index and parameter values. */
  record Point(int point, double[] values) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A point's outputs. */
  record Result(int point, double[] outputs) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The task: rebuilds the sweep (once per executor JVM and sweep) and evaluates its points. */
  static final class Evaluate implements FlatMapFunction<Iterator<Point>, Result> {
    private static final long serialVersionUID = 1L;
    private static final Object LOCK = new Object();
    private static SweepSource cachedSource;
    private static Sweep cachedSweep;

    private final SweepSource source;

    Evaluate(SweepSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Iterator<Result> call(Iterator<Point> points) {
      Sweep sweep = sweep(source);
      Simulator simulator = new Simulator(Runnable::run, 1);
      List<Result> out = new ArrayList<>();
      while (points.hasNext()) {
        Point pt = points.next();
        out.add(new Result(pt.point(),
            SweepRunner.evaluate(sweep, pt.values(), simulator, Progress.NONE)));
      }
      return out.iterator();
    }

    private static Sweep sweep(SweepSource source) {
      synchronized (LOCK) {
        if (!source.equals(cachedSource)) {
          cachedSweep = source.sweep();
          cachedSource = source;
        }
        return cachedSweep;
      }
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SparkSweepExecutor[%s]",
        master == null ? "configured" : master);
  }
}
