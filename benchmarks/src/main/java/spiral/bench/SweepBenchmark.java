package spiral.bench;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import spiral.explore.sweep.LocalSweepExecutor;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepExecutor;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/**
 * {@code spiral sweep}'s work without the command line or the results file: a Latin hypercube
 * sweep of P points &times; R runs (200 &times; 200 by default) over rand-d-ports (three
 * parameters, three outputs), on T threads, with points side by side ({@code points}, what
 * {@code spiral sweep} does) or one after another with each point's runs shared among the threads
 * ({@code runs}). Milliseconds per operation; runs per second = P &times; R / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SweepBenchmark}; on a larger machine,
 * for example {@code -p points=1000 -p runs=1000 -p threads=1,2,4,8,16 -p split=points}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class SweepBenchmark {
  /** The sweep, with the points and the runs per point to fill in. */
  public static final String SWEEP = """
      scenario: rand-d-ports
      parameters:
        - {path: actors.russia.perception.threatBias, min: 0, max: 0.8}
        - {path: actors.russia.rationality, min: 1, max: 5}
        - {path: alliances.nato-alliance.commitmentCredibility, min: 0.6, max: 1.0}
      design: {type: lhs, points: %d}
      runs: %d
      seed: 1
      outputs: [nuclearUse, directWar, furtherAttacks]
      """;

  @Param({"200"})
  public int points;

  @Param({"200"})
  public int runs;

  @Param({"1", "2"})
  public int threads;

  @Param({"points", "runs"})
  public String split;

  private Sweep sweep;
  private ExecutorService pool;
  private SweepExecutor executor;

  @Setup
  public void setUp() {
    sweep = Sweep.parse("benchmark.yaml", String.format(Locale.ROOT, SWEEP, points, runs), null);
    pool = Executors.newFixedThreadPool(threads);
    executor = split.equals("points")
        ? new LocalSweepExecutor(threads == 1 ? Runnable::run : pool, threads)
        : new LocalSweepExecutor(threads == 1 ? new Simulator(Runnable::run, 1)
            : new Simulator(pool, threads));
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  /** The whole sweep; returns the sum of the outputs. */
  @Benchmark
  public double sweep() throws Exception {
    double[] sum = {0};
    executor.evaluate(sweep, 0, (i, out) -> {
      for (double v : out) {
        sum[0] += v;
      }
    }, Progress.NONE);
    return sum[0];
  }
}
