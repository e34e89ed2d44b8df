package spiral.bench;

import java.util.ArrayList;
import java.util.List;
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
import spiral.options.OptionsAnalysis;
import spiral.options.Study;
import spiral.options.StudyReport;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.Progress;

/**
 * {@code spiral study}'s work without the command line: the four RAND cases, 20 options each,
 * 10,000 runs per option on all threads; {@code samples = 0} is the options matrix alone, {@code
 * samples = 20} adds the default robustness analysis (20 parameter sets of 1,000 runs per option
 * per case). Seconds per study.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StudyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class StudyBenchmark {
  @Param({"0", "20"})
  public int samples;

  @Param({"2"})
  public int threads;

  private List<Scenario> scenarios;
  private ExecutorService pool;
  private OptionsAnalysis analysis;

  @Setup
  public void setUp() throws Exception {
    scenarios = new ArrayList<>();
    for (String name : BuiltinScenarios.names()) {
      // the study's cases, as `spiral study` picks them (the negotiation scenarios have no attack)
      if (name.startsWith("rand-")) {
        scenarios.add(ScenarioLoader.resolve(name));
      }
    }
    pool = Executors.newFixedThreadPool(threads);
    analysis = new OptionsAnalysis(pool, threads);
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  /** One whole study. */
  @Benchmark
  public StudyReport study() {
    return Study.run(analysis, scenarios, 10_000, 1_000, 1, samples, Progress.NONE);
  }
}
