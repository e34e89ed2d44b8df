package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import spiral.explore.sweep.BatchSession;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;

/** The calibration's fit in batches (a cluster's path) equals the particle loop's, to the bit. */
class CalibrationBatchTest {
  static Calibration.Setup setup(Scenario sc) {
    ReferenceClass rc = ReferenceClass.of(IcbData.builtin(), CrisisFilter.parse("nuclear=both trigger=violent"));
    List<spiral.scenario.Uncertainty> us = sc.uncertainties().subList(0, 2);
    return new Calibration.Setup(sc, us, rc,
        List.of(HistoricalTarget.of("directWar"), HistoricalTarget.of("seriousClashes"), HistoricalTarget.of("settlement")),
        new AbcSmc.Settings(60, 3, 0.5, 0.05, 0, 9), 20, 100);
  }

  @Test
  void batchesOfABuiltInOrAFileScenarioGiveTheLoopsPosterior() throws Exception {
    Scenario sc = ScenarioLoader.resolve("rand-b-depot");
    Calibration.Setup setup = setup(sc);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Calibration.Report loop = Calibration.run(setup, pool, 2, null);
      int[] batches = {0};
      BatchSession counting = new BatchSession() {
        final BatchSession inner = BatchSession.sequential();

        @Override
        public double[][] evaluate(spiral.explore.sweep.BatchTask task, double[][] inputs) {
          batches[0]++;
          // the task and its inputs travel: they must survive serialisation
          return inner.evaluate((spiral.explore.sweep.BatchTask) roundTrip(task), (double[][]) roundTrip(inputs));
        }

        @Override
        public void close() {}
      };
      Calibration.Report batched =
          Calibration.run(setup, new Calibration.BatchRun(counting, "rand-b-depot", null, 16), pool, 2, null);
      assertThat(batched.result().particles()).isDeepEqualTo(loop.result().particles());
      assertThat(batched.result().weights()).containsExactly(loop.result().weights());
      assertThat(batched.result().generations()).isEqualTo(loop.result().generations());
      assertThat(batched.predictive()).usingRecursiveComparison().isEqualTo(loop.predictive());
      assertThat(batches[0]).isGreaterThanOrEqualTo(loop.result().generations().size());

      byte[] file = BuiltinScenarios.read("rand-b-depot").orElseThrow();
      Calibration.Report fromFile =
          Calibration.run(setup, new Calibration.BatchRun(BatchSession.sequential(), "b.yaml", file, 4), pool, 2, null);
      assertThat(fromFile.result().particles()).isDeepEqualTo(loop.result().particles());

      // a file that does not rebuild to the scenario read here cannot travel
      byte[] other = new String(file, StandardCharsets.UTF_8).replace("resolve: 0.7", "resolve: 0.71").getBytes(StandardCharsets.UTF_8);
      assertThat(new String(other, StandardCharsets.UTF_8)).isNotEqualTo(new String(file, StandardCharsets.UTF_8));
      assertThatThrownBy(() -> Calibration.run(setup, new Calibration.BatchRun(BatchSession.sequential(), "b.yaml", other, 4), pool, 2, null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot ship the scenario b.yaml");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everySeedSurvivesTheTrip() {
    // a seed whose 64 bits read as a double would be a NaN, and serialisation keeps no NaN's bits
    for (long seed : new long[] {0x7FF0_0000_0000_0001L, 0xFFF8_1234_5678_9ABCL, -1L, 0L, Long.MIN_VALUE, 0x7FFF_FFFF_FFFF_FFFFL}) {
      double[] in = (double[]) roundTrip(CalibrationTask.input(seed, new double[] {0.5}));
      assertThat(CalibrationTask.seed(in)).isEqualTo(seed);
      assertThat(in[2]).isEqualTo(0.5);
    }
  }

  static Object roundTrip(Object task) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(task);
      }
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
