package spiral.bench;

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
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Progress;
import spiral.sim.Simulator;
import spiral.sim.Stats;

/**
 * {@code spiral simulate}'s work without the command line: 100,000 runs of a built-in scenario,
 * aggregated, on T threads. Seconds per operation; runs per second = 100,000 / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulateBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class SimulateBenchmark {
  /** Runs per operation. */
  public static final long RUNS = 100_000;

  @Param({"rand-d-ports"})
  public String scenario;

  @Param({"1", "2"})
  public int threads;

  private CompiledModel model;
  private ExecutorService pool;
  private Simulator simulator;

  @Setup
  public void setUp() throws Exception {
    model = new CompiledModel(ScenarioLoader.resolve(scenario));
    pool = Executors.newFixedThreadPool(threads);
    simulator = threads == 1 ? new Simulator(Runnable::run, 1) : new Simulator(pool, threads);
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  /** 100,000 runs, aggregated. */
  @Benchmark
  public Stats simulate() {
    return simulator.run(model, RUNS, 1, Progress.NONE);
  }
}
