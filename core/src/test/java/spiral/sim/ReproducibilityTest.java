package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Same seed, same numbers: on one thread, on several, and run by run. */
class ReproducibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sameSummaryOnOneAndOnSeveralThreads() throws Exception {
    Fixture f = new Fixture();
    CompiledModel m = f.model();
    long runs = 5 * Simulator.BLOCK + 17;
    Stats one = new Simulator(Runnable::run, 1).run(m, runs, 42, Progress.NONE);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Stats three = new Simulator(pool, 3).run(m, runs, 42, Progress.NONE);
      String a = JSON.writeValueAsString(SimulationSummary.of(f.scenario(), m, one, 42));
      String b = JSON.writeValueAsString(SimulationSummary.of(f.scenario(), m, three, 42));
      assertThat(b).isEqualTo(a);
      for (int i = 0; i < Stats.MEANS.length; i++) {
        assertThat(Double.doubleToRawLongBits(three.sum[i])).isEqualTo(Double.doubleToRawLongBits(one.sum[i]));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentSeedsGiveDifferentRuns() {
    Fixture f = new Fixture();
    CompiledModel m = f.model();
    Stats a = new Simulator(Runnable::run, 1).run(m, 3000, 1, Progress.NONE);
    Stats b = new Simulator(Runnable::run, 1).run(m, 3000, 2, Progress.NONE);
    assertThat(a.sum[7]).isNotEqualTo(b.sum[7]);
  }

  @Test
  void tracedRunIsTheSameRunAsInsideTheSimulation() {
    Fixture f = new Fixture();
    CompiledModel m = f.model();
    Engine plain = new Engine(m);
    Engine traced = new Engine(m);
    traced.tracer(new TraceLog());
    RunRecord a = new RunRecord();
    RunRecord b = new RunRecord();
    for (long k = 0; k < 200; k++) {
      plain.run(9, k, a);
      traced.run(9, k, b);
      assertThat(b.outcome).isEqualTo(a.outcome);
      assertThat(b.turns).isEqualTo(a.turns);
      assertThat(b.maxRung).isEqualTo(a.maxRung);
      assertThat(b.escalationScore).isEqualTo(a.escalationScore);
      assertThat(b.cost).containsExactly(a.cost);
    }
  }
}
