package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.scenario.Uncertainty;
import spiral.sim.Lxm;

/**
 * The calibrator checked on the engine itself: synthetic reference classes drawn from known
 * parameters of a built-in scenario (RAND case B, Russia's rationality and threat bias), then
 * calibrated. Simulation-based calibration (Talts et al. 2018): with exact matching the ranks of
 * the true values among posterior draws are uniform. And a tight class (200 crises) recovers its
 * parameters: the 90% credible interval covers the truth at its nominal rate.
 */
@Tag("slow")
class CalibrationCheckTest {
  private static final List<HistoricalTarget> ONE = List.of(HistoricalTarget.SERIOUS_CLASHES);
  private static Scenario scenario;
  private static List<Uncertainty> params;
  private static ExecutorService pool;

  @BeforeAll
  static void load() throws Exception {
    scenario = ScenarioLoader.resolve("rand-b-depot");
    params = List.of(new Uncertainty("actors.russia.rationality", "uniform", 0.5, 6, Double.NaN),
        new Uncertainty("actors.russia.perception.threatBias", "uniform", 0, 1, Double.NaN));
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  /** A synthetic class of n crises drawn at θ. */
  private static long[] synthetic(double[] theta, List<HistoricalTarget> targets, int n, long seed) {
    long[] trials = new long[targets.size()];
    java.util.Arrays.fill(trials, n);
    long[] counts = new long[targets.size()];
    Calibration.simulator(scenario, Prior.of(params).parameters(), targets, trials).simulate(theta, seed, counts);
    return counts;
  }

  @Test
  void ranksOfTheTrueParametersAreUniform() {
    int reps = 100;
    int draws = 19;
    int n = 25;
    Prior prior = Prior.of(params);
    int[][] bins = new int[2][10];
    Lxm rng = new Lxm(31);
    for (int rep = 0; rep < reps; rep++) {
      double[] truth = new double[2];
      prior.sample(rng, truth);
      long[] data = synthetic(truth, ONE, n, AbcSmc.mix(901, rep));
      AbcSmc.Settings s = new AbcSmc.Settings(100, 40, 0.5, 0.002, 0, rep);
      AbcSmc.Result r = AbcSmc.run(prior, Calibration.simulator(scenario, prior.parameters(), ONE, new long[] {n}), data,
          new long[] {n}, s, pool, Runtime.getRuntime().availableProcessors(), null);
      assertThat(r.stopReason()).contains("target tolerance");
      int[] picks = Calibration.resample(r.weights(), draws, AbcSmc.mix(6, rep));
      for (int i = 0; i < 2; i++) {
        int rank = 0;
        for (int p : picks) {
          rank += r.particles()[p][i] < truth[i] ? 1 : 0;
        }
        bins[i][rank / 2]++;
      }
    }
    for (int i = 0; i < 2; i++) {
      assertThat(AbcSmcTest.chiSquarePValue(bins[i])).as("%s: rank histogram %s", params.get(i).parameter(),
          java.util.Arrays.toString(bins[i])).isGreaterThan(0.01);
    }
  }

  @Test
  void aTightClassRecoversItsParametersAtNominalCoverage() {
    int reps = 30;
    int n = 200;
    List<HistoricalTarget> two = List.of(HistoricalTarget.SERIOUS_CLASHES, HistoricalTarget.SETTLEMENT);
    Prior prior = Prior.of(params);
    int covered = 0;
    List<String> misses = new ArrayList<>();
    Lxm rng = new Lxm(47);
    for (int rep = 0; rep < reps; rep++) {
      double[] truth = new double[2];
      prior.sample(rng, truth);
      long[] data = synthetic(truth, two, n, AbcSmc.mix(902, rep));
      AbcSmc.Settings s = new AbcSmc.Settings(100, 5, 0.5, 0.05, 0, 1000 + rep);
      AbcSmc.Result r = AbcSmc.run(prior, Calibration.simulator(scenario, prior.parameters(), two, new long[] {n, n}), data,
          new long[] {n, n}, s, pool, Runtime.getRuntime().availableProcessors(), null);
      // the rationality, which the further-attack rate pins
      double lo = r.quantile(0, 0.05);
      double hi = r.quantile(0, 0.95);
      if (truth[0] >= lo && truth[0] <= hi) {
        covered++;
      } else {
        misses.add(String.format("%.2f not in [%.2f, %.2f]", truth[0], lo, hi));
      }
    }
    // nominal 90%: at least the 0.5% quantile of Binomial(30, 0.9), 23
    BinomialDistribution b = new BinomialDistribution(null, reps, 0.9);
    int low = b.inverseCumulativeProbability(0.005);
    assertThat(covered).as("90%% intervals covering the truth (misses: %s)", misses).isGreaterThanOrEqualTo(low);
  }
}
