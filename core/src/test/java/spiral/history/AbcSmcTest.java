package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import spiral.scenario.Uncertainty;
import spiral.sim.Lxm;

/** ABC-SMC on a model whose posterior is known: k of n successes at probability θ, θ uniform. */
class AbcSmcTest {
  private static final Prior UNIFORM = Prior.of(List.of(new Uncertainty("theta", "uniform", 0, 1, Double.NaN)));

  /** n Bernoulli(θ) trials. */
  static AbcSmc.Simulator binomial(int n) {
    return (theta, seed, counts) -> {
      Lxm rng = new Lxm(seed);
      long k = 0;
      for (int i = 0; i < n; i++) {
        k += rng.nextDouble() < theta[0] ? 1 : 0;
      }
      counts[0] = k;
    };
  }

  private static AbcSmc.Settings exact(int particles, long seed) {
    return new AbcSmc.Settings(particles, 40, 0.5, 0.002, 0, seed);
  }

  @Test
  void exactMatchingGivesTheBetaPosterior() {
    int n = 20;
    long k = 6;
    AbcSmc.Result r = AbcSmc.run(UNIFORM, binomial(n), new long[] {k}, new long[] {n}, exact(2000, 3), Runnable::run, 1, null);
    assertThat(r.stopReason()).contains("target tolerance");
    // Beta(k + 1, n - k + 1): mean 7/22, variance mean (1 - mean) / (n + 3)
    double mean = (k + 1.0) / (n + 2);
    double var = mean * (1 - mean) / (n + 3);
    double se = Math.sqrt(var / r.ess());
    assertThat(r.mean(0)).as("posterior mean, ESS %.0f", r.ess()).isCloseTo(mean, org.assertj.core.data.Offset.offset(4 * se));
    for (double d : r.distances()) {
      assertThat(d).isZero();
    }
  }

  @Test
  void theSameSeedGivesTheSameResultOnAnyNumberOfThreads() {
    AbcSmc.Settings s = new AbcSmc.Settings(300, 6, 0.5, 0.02, 0, 11);
    AbcSmc.Result one = AbcSmc.run(UNIFORM, binomial(30), new long[] {9}, new long[] {30}, s, Runnable::run, 1, null);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      AbcSmc.Result four = AbcSmc.run(UNIFORM, binomial(30), new long[] {9}, new long[] {30}, s, pool, 4, null);
      assertThat(four.particles()).isDeepEqualTo(one.particles());
      assertThat(four.weights()).containsExactly(one.weights());
      assertThat(four.generations()).isEqualTo(one.generations());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The batched sampler (a cluster's path) gives the particle loop's result to the bit, however far it speculates. */
  @Test
  void batchesGiveTheSameResultAsTheParticleLoop() {
    Prior two = Prior.of(List.of(new Uncertainty("a", "uniform", 0, 1, Double.NaN), new Uncertainty("b", "uniform", 0, 0.5, Double.NaN)));
    AbcSmc.Simulator two2 = (theta, seed, counts) -> {
      Lxm rng = new Lxm(seed);
      for (int i = 0; i < 25; i++) {
        counts[0] += rng.nextDouble() < theta[0] ? 1 : 0;
        counts[1] += rng.nextDouble() < theta[1] ? 1 : 0;
      }
    };
    AbcSmc.Simulator fresh = (theta, seed, counts) -> {
      java.util.Arrays.fill(counts, 0);
      two2.simulate(theta, seed, counts);
    };
    long[] observed = {7, 4};
    long[] trials = {25, 25};
    java.util.Set<String> stops = new java.util.HashSet<>();
    // to the floor: a generation gives up within its budget, so the failure path is compared too
    for (AbcSmc.Settings s : List.of(new AbcSmc.Settings(200, 8, 0.5, 0.05, 0, 5), new AbcSmc.Settings(150, 30, 0.5, 0.3, 0, 6),
        new AbcSmc.Settings(200, 10, 0.05, 0.5, 0, 7), new AbcSmc.Settings(100, 5, 0.001, 0.5, 0, 8))) {
      AbcSmc.Result loop = AbcSmc.run(two, fresh, observed, trials, s, Runnable::run, 1, null);
      stops.add(loop.stopReason().replaceAll("[0-9.]+", "#"));
      for (int k : new int[] {1, 3, 64}) {
        int[] batches = {0};
        AbcSmc.BatchSimulator batch = (thetas, seeds, counts) -> {
          batches[0]++;
          for (int c = 0; c < thetas.length; c++) {
            fresh.simulate(thetas[c], seeds[c], counts[c]);
          }
        };
        AbcSmc.Result b = AbcSmc.runBatched(two, batch, observed, trials, s, k, null);
        assertThat(b.particles()).as("speculation %d", k).isDeepEqualTo(loop.particles());
        assertThat(b.weights()).containsExactly(loop.weights());
        assertThat(b.distances()).containsExactly(loop.distances());
        assertThat(b.generations()).isEqualTo(loop.generations());
        assertThat(b.stopReason()).isEqualTo(loop.stopReason());
        assertThat(batches[0]).isGreaterThanOrEqualTo(loop.generations().size());
      }
    }
    // both ways a run ends early are compared: a particle out of budget, and a low acceptance
    assertThat(stops).anyMatch(r -> r.contains("could not reach tolerance")).anyMatch(r -> r.contains("acceptance rate"));
    assertThatThrownBy(() -> AbcSmc.runBatched(two, (t, sd, c) -> {}, observed, trials, new AbcSmc.Settings(10, 2, 0.5, 0.1, 0, 1), 0, null))
        .hasMessageContaining("speculation must be at least 1");
  }

  /**
   * Simulation-based calibration (Talts et al. 2018) of the sampler itself: the rank of the true θ
   * among posterior draws is uniform when the posterior is right. 200 replications, ranks among 19
   * draws in 10 bins, chi-square test at the 1% level.
   */
  @Test
  void ranksOfTheTruthAreUniform() {
    int reps = 200;
    int draws = 19;
    int[] bins = new int[10];
    Lxm rng = new Lxm(2024);
    for (int rep = 0; rep < reps; rep++) {
      double truth = rng.nextDouble();
      long[] data = new long[1];
      binomial(15).simulate(new double[] {truth}, AbcSmc.mix(77, rep), data);
      AbcSmc.Result r = AbcSmc.run(UNIFORM, binomial(15), data, new long[] {15}, exact(200, rep), Runnable::run, 1, null);
      int[] picks = Calibration.resample(r.weights(), draws, AbcSmc.mix(5, rep));
      int rank = 0;
      for (int p : picks) {
        rank += r.particles()[p][0] < truth ? 1 : 0;
      }
      bins[rank / 2]++;
    }
    assertThat(chiSquarePValue(bins)).as("rank histogram %s", java.util.Arrays.toString(bins)).isGreaterThan(0.01);
  }

  static double chiSquarePValue(int[] bins) {
    int total = 0;
    for (int b : bins) {
      total += b;
    }
    double e = (double) total / bins.length;
    double x2 = 0;
    for (int b : bins) {
      x2 += (b - e) * (b - e) / e;
    }
    return 1 - new ChiSquaredDistribution(null, bins.length - 1).cumulativeProbability(x2);
  }

  @Test
  void settingsAndDataAreChecked() {
    assertThatThrownBy(() -> new AbcSmc.Settings(1, 3, 0.5, 0.02, 0, 1)).hasMessageContaining("particles");
    assertThatThrownBy(() -> new AbcSmc.Settings(10, 3, 1.5, 0.02, 0, 1)).hasMessageContaining("quantile");
    assertThatThrownBy(() -> AbcSmc.run(UNIFORM, binomial(5), new long[] {6}, new long[] {5}, exact(10, 1), Runnable::run, 1, null))
        .hasMessageContaining("observed <= trials");
  }

  @Test
  void weightedQuantilesAndResampling() {
    double[] v = {3, 1, 2};
    double[] w = {0.2, 0.5, 0.3};
    assertThat(AbcSmc.weightedQuantile(v, w, 0.5)).isEqualTo(1);
    assertThat(AbcSmc.weightedQuantile(v, w, 0.6)).isEqualTo(2);
    assertThat(AbcSmc.weightedQuantile(v, w, 1.0)).isEqualTo(3);
    int[] picks = Calibration.resample(w, 10, 1);
    assertThat(java.util.Arrays.stream(picks).filter(i -> i == 1).count()).isEqualTo(5);
  }
}
