package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import spiral.explore.sweep.BatchSession;
import spiral.history.AbcSmc;
import spiral.history.Calibration;
import spiral.history.CrisisFilter;
import spiral.history.HistoricalTarget;
import spiral.history.IcbData;
import spiral.history.ReferenceClass;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;

/** A small calibration of RAND case B, for comparing a cluster's posterior with the local one. */
final class Calibrations {
  private Calibrations() {}

  static Calibration.Setup setup() throws Exception {
    Scenario sc = ScenarioLoader.resolve("rand-b-depot");
    ReferenceClass rc = ReferenceClass.of(IcbData.builtin(), CrisisFilter.parse("nuclear=both trigger=violent"));
    return new Calibration.Setup(sc, sc.uncertainties(), rc,
        List.of("nuclearUse", "directWar", "seriousClashes", "settlement", "noAgreement").stream().map(HistoricalTarget::of).toList(),
        new AbcSmc.Settings(80, 3, 0.5, 0.02, 0, 3), 20, 100);
  }

  /** Calibrates locally and in batches on the session, and checks that the two posteriors are the same to the bit. */
  static void sameAsLocal(BatchSession session) throws Exception {
    Calibration.Setup setup = setup();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Calibration.Report local = Calibration.run(setup, pool, 2, null);
      Calibration.Report there = Calibration.run(setup, new Calibration.BatchRun(session, "rand-b-depot", null, 8), pool, 2, null);
      assertThat(there.result().particles()).isDeepEqualTo(local.result().particles());
      assertThat(there.result().weights()).containsExactly(local.result().weights());
      assertThat(there.result().generations()).isEqualTo(local.result().generations());
    } finally {
      pool.shutdownNow();
    }
  }
}
