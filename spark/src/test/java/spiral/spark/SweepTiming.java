package spiral.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import spiral.explore.sweep.LocalSweepExecutor;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepRunner;
import spiral.sim.Simulator;

/**
 * A timing harness (not a test, not JMH: Spark does not belong in the benchmarks' fat jar): the
 * wall time of one sweep of POINTS points &times; RUNS runs over RAND case D on the local
 * executor (THREADS threads) and on the Spark executor (MASTER, a fresh Spark context each time,
 * as {@code spiral sweep --executor spark} does), REPEATS times each, checking that the results
 * files are identical. Build with {@code ./mvnw -B -q -pl spark -am package -DskipTests}, then run
 * {@code java [Spark's --add-opens list] -cp
 * "spark/target/test-classes:spark/target/spiral-spark.jar:spark/target/lib/*"
 * spiral.spark.SweepTiming [POINTS [RUNS [MASTER [THREADS [REPEATS]]]]]} (defaults 1000 100
 * local[2] 2 3).
 */
public final class SweepTiming {
  private SweepTiming() {}

  /** Runs the timing and prints one line per run and the medians. */
  public static void main(String[] args) throws Exception {
    int points = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    String master = args.length > 2 ? args[2] : "local[2]";
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    Path dir = Files.createTempDirectory("sweep-timing");
    Path file = Sweeps.write(dir, "timing.yaml", Sweeps.text(points, runs));
    Sweep sweep = Sweep.read(file);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    List<Double> local = new ArrayList<>();
    List<Double> spark = new ArrayList<>();
    String reference = null;
    for (int r = 0; r < repeats; r++) {
      for (boolean onSpark : new boolean[] {false, true}) {
        SweepExecutor executor = onSpark ? new SparkSweepExecutor(master)
            : new LocalSweepExecutor(new Simulator(pool, threads));
        Path out = dir.resolve((onSpark ? "spark-" : "local-") + r);
        long t0 = System.nanoTime();
        new SweepRunner(executor).run(sweep, out, false, null);
        double s = (System.nanoTime() - t0) / 1e9;
        String results = Files.readString(out.resolve(SweepRunner.RESULTS));
        if (reference == null) {
          reference = results;
        } else if (!reference.equals(results)) {
          throw new AssertionError("the results files differ: " + out);
        }
        (onSpark ? spark : local).add(s);
        System.out.printf(Locale.ROOT, "%s: %.2f s%n",
            onSpark ? "spark " + master : "local " + threads + " threads", s);
      }
    }
    pool.shutdownNow();
    double l = median(local);
    double k = median(spark);
    System.out.printf(Locale.ROOT, "%d points x %d runs: local %.2f s, spark %.2f s (median of"
        + " %d), overhead %.2f s; results identical%n", points, runs, l, k, repeats, k - l);
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
