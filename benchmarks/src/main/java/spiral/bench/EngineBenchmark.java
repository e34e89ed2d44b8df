package spiral.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.RunRecord;

/**
 * The escalation engine on a built-in scenario, one run per operation on one thread: {@code run}
 * scores runs per second per core; {@code runCountingTurns:turns} is simulated turns per second
 * per core.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar EngineBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class EngineBenchmark {
  @Param({"rand-d-ports"})
  public String scenario;

  private Engine engine;
  private RunRecord record;
  private long run;

  /** Simulated turns, reported per second next to the runs per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Turns {
    public long turns;

    @Setup(Level.Iteration)
    public void reset() {
      turns = 0;
    }
  }

  @Setup
  public void setUp() throws Exception {
    CompiledModel model = new CompiledModel(ScenarioLoader.resolve(scenario));
    engine = new Engine(model);
    record = new RunRecord();
  }

  /** One complete run: the score is runs per second on one core. */
  @Benchmark
  public int run() {
    engine.run(1, run++, record);
    return record.maxRung;
  }

  /** One complete run, counting its turns: read the {@code turns} line (turns per second). */
  @Benchmark
  public int runCountingTurns(Turns counter) {
    engine.run(1, run++, record);
    counter.turns += record.turns;
    return record.maxRung;
  }
}
