package spiral.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import spiral.sim.Lxm;

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC, or population Monte Carlo):
 * Toni et al. (2009) and Beaumont et al. (2009), with the adaptive tolerance of Del Moral, Doucet
 * and Jasra (2012) in its common form: each generation's tolerance is a quantile of the previous
 * generation's distances.
 *
 * <p>The data are counts: k<sub>j</sub> of n<sub>j</sub> crises of a reference class show outcome
 * j. A simulator draws a synthetic class of the same size from the model at θ; the distance is the
 * Euclidean distance between the observed and the synthetic shares. Because a synthetic class is
 * drawn like the real one, the posterior carries the class's own sampling uncertainty (a class of
 * 36 crises pins a rate less than one of 487). Generation 0 draws from the prior and accepts all;
 * generation t draws a particle of t − 1 by weight, perturbs it with a Gaussian kernel of twice the
 * weighted covariance (Beaumont et al. 2009), and accepts it when its distance is at most ε<sub>t</sub>;
 * weights are prior / mixture-of-kernels density. It stops when a generation's acceptance rate falls
 * below the floor, when ε reaches the target, or after the last generation.
 *
 * <p>Reproducible: particle i of generation t draws from a generator seeded from (seed, t, i) and
 * its simulator calls get seeds from (seed, t, i, attempt), so the result is the same, to the bit,
 * on any executor and any number of threads. Cost: O(generations × particles / acceptance ×
 * simulator) time; O(particles × dimensions) memory.
 */
public final class AbcSmc {
  private AbcSmc() {}

  /** A synthetic reference class drawn at θ. */
  public interface Simulator {
    /**
     * Writes the synthetic counts of each target into {@code counts}, for classes of {@code
     * trials[j]} crises; must depend on θ and seed only.
     */
    void simulate(double[] theta, long seed, long[] counts);
  }

  /**
   * Synthetic classes drawn in batches, somewhere (a cluster, say): the same contract as {@link
   * Simulator} for each candidate, so a run through either gives the same result to the bit.
   */
  public interface BatchSimulator {
    /** Writes candidate c's counts, at {@code thetas[c]} and {@code seeds[c]}, into {@code counts[c]}. */
    void simulate(double[][] thetas, long[] seeds, long[][] counts);
  }

  /**
   * Settings.
   *
   * @param particles particles per generation
   * @param generations at most this many generations after the prior's
   * @param quantile each tolerance is this quantile of the previous distances (0.5 halves the
   *     accepted set)
   * @param minAcceptance stop after a generation whose acceptance rate is below this
   * @param tolerance stop once ε is at most this (0: go on until acceptance stops it)
   * @param seed master seed
   */
  public record Settings(int particles, int generations, double quantile, double minAcceptance, double tolerance, long seed) {
    public Settings {
      if (particles < 2) {
        throw new IllegalArgumentException("particles must be >= 2, was " + particles);
      }
      if (generations < 0) {
        throw new IllegalArgumentException("generations must be >= 0, was " + generations);
      }
      if (!(quantile > 0 && quantile < 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1), was " + quantile);
      }
      if (!(minAcceptance > 0 && minAcceptance < 1)) {
        throw new IllegalArgumentException("minAcceptance must be in (0, 1), was " + minAcceptance);
      }
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
      }
    }

    /** Defaults: 1,000 particles, up to 12 generations, median, 2% acceptance floor. */
    public static Settings defaults(long seed) {
      return new Settings(1000, 12, 0.5, 0.02, 0, seed);
    }
  }

  /**
   * One generation's diagnostics.
   *
   * @param index 0 for the prior's
   * @param tolerance ε (infinite for generation 0)
   * @param acceptance accepted / simulated
   * @param ess effective sample size of the weights, 1 / Σ w²
   * @param simulations simulator calls
   * @param medianDistance median distance of the accepted particles
   */
  public record Generation(int index, double tolerance, double acceptance, double ess, long simulations, double medianDistance) {}

  /**
   * The result: the last complete generation's weighted particles.
   *
   * @param particles particles[i] is θ of particle i
   * @param weights normalised weights
   * @param distances each particle's distance
   * @param generations diagnostics of every generation run
   * @param simulations simulator calls in all
   * @param stopReason why it stopped
   */
  public record Result(double[][] particles, double[] weights, double[] distances, List<Generation> generations, long simulations, String stopReason) {
    /** The effective sample size of the final weights. */
    public double ess() {
      return AbcSmc.ess(weights);
    }

    /** The weighted mean of parameter i. */
    public double mean(int i) {
      double m = 0;
      for (int k = 0; k < particles.length; k++) {
        m += weights[k] * particles[k][i];
      }
      return m;
    }

    /** The weighted quantile q of parameter i. */
    public double quantile(int i, double q) {
      return weightedQuantile(column(particles, i), weights, q);
    }
  }

  /** Progress after each generation. */
  public interface Progress {
    void generation(Generation g);
  }

  /**
   * Runs ABC-SMC.
   *
   * @param observed observed counts per target
   * @param trials class size per target (crises whose code is known)
   * @param executor runs particles; {@code Runnable::run} runs them in the calling thread
   * @param parallelism how many particles the executor runs at once
   */
  public static Result run(Prior prior, Simulator simulator, long[] observed, long[] trials, Settings s,
      Executor executor, int parallelism, Progress progress) {
    Objects.requireNonNull(simulator, "simulator");
    return run(prior, new Local(simulator, executor, parallelism), observed, trials, s, progress);
  }

  /**
   * Runs ABC-SMC with candidates simulated in batches: each round proposes, for every particle not
   * yet accepted, its next {@code speculation} candidates (as many as one acceptance is expected to
   * take, from the last generation's rate, at most this), and hands them to the simulator together.
   * A particle keeps its first candidate within the tolerance and the candidates after it are
   * discarded uncounted, so the result equals {@link #run(Prior, Simulator, long[], long[],
   * Settings, Executor, int, Progress)}'s to the bit; the discarded ones cost time only.
   */
  public static Result runBatched(Prior prior, BatchSimulator simulator, long[] observed, long[] trials, Settings s,
      int speculation, Progress progress) {
    Objects.requireNonNull(simulator, "simulator");
    if (speculation < 1) {
      throw new IllegalArgumentException("speculation must be at least 1, was " + speculation);
    }
    return run(prior, new Batched(simulator, speculation), observed, trials, s, progress);
  }

  /** How one generation's candidates are drawn and simulated. */
  private interface Sampler {
    /** Generation 0: particle i from the prior with its generator, its distance. */
    void prior(Prior prior, long seed, double[][] theta, double[] dist, DistanceOf d);

    /** Generation t: fills next, nextDist, attempts and failed as the class comment says. */
    void generation(Proposal proposal, long seed, int gen, double eps, long budget, long drawBudget, double[][] next,
        double[] nextDist, long[] attempts, boolean[] failed, DistanceOf d);
  }

  /** The distance of a synthetic class's counts from the observed. */
  private record DistanceOf(long[] observed, long[] trials) {
    double of(long[] counts) {
      return distance(counts, observed, trials);
    }

    int targets() {
      return observed.length;
    }
  }

  /** The perturbation kernel of one generation. */
  private record Proposal(Prior prior, double[][] prev, double[] cum, double[][] chol, int dim) {
    /** Draws particle i's next candidate into x with its generator; whether it lies in the prior's support. */
    boolean draw(Lxm rng, double[] z, double[] x) {
      int j = pick(cum, rng.nextDouble());
      for (int k = 0; k < dim; k++) {
        z[k] = rng.nextGaussian();
      }
      boolean inside = true;
      for (int k = 0; k < dim; k++) {
        double v = prev[j][k];
        for (int m = 0; m <= k; m++) {
          v += chol[k][m] * z[m];
        }
        x[k] = v;
        inside &= prior.inSupport(k, v);
      }
      return inside;
    }
  }

  /** Every particle's loop on the executor's threads. */
  private record Local(Simulator simulator, Executor executor, int parallelism) implements Sampler {
    @Override
    public void prior(Prior prior, long seed, double[][] theta, double[] dist, DistanceOf d) {
      forEach(theta.length, executor, parallelism, i -> {
        Lxm rng = new Lxm(mix(seed, 0, i));
        long[] counts = new long[d.targets()];
        prior.sample(rng, theta[i]);
        simulator.simulate(theta[i], mix(seed, 0, i, 0), counts);
        dist[i] = d.of(counts);
      });
    }

    @Override
    public void generation(Proposal proposal, long seed, int gen, double eps, long budget, long drawBudget, double[][] next,
        double[] nextDist, long[] attempts, boolean[] failed, DistanceOf d) {
      forEach(next.length, executor, parallelism, i -> {
        Lxm rng = new Lxm(mix(seed, gen, i));
        long[] counts = new long[d.targets()];
        double[] z = new double[proposal.dim()];
        double[] x = next[i];
        for (long a = 0; ; a++) {
          if (attempts[i] >= budget || a >= drawBudget) {
            failed[i] = true;
            return;
          }
          if (!proposal.draw(rng, z, x)) {
            continue; // outside the prior: not simulated, not counted as a simulation
          }
          simulator.simulate(x, mix(seed, gen, i, a + 1), counts);
          attempts[i]++;
          double dd = d.of(counts);
          if (dd <= eps) {
            nextDist[i] = dd;
            return;
          }
        }
      });
    }
  }

  /** Rounds of speculative candidates, each round one batch for the simulator. */
  private static final class Batched implements Sampler {
    private final BatchSimulator simulator;
    private final int speculation;
    private double lastAcceptance = 1;

    Batched(BatchSimulator simulator, int speculation) {
      this.simulator = simulator;
      this.speculation = speculation;
    }

    @Override
    public void prior(Prior prior, long seed, double[][] theta, double[] dist, DistanceOf d) {
      int n = theta.length;
      long[] seeds = new long[n];
      for (int i = 0; i < n; i++) {
        prior.sample(new Lxm(mix(seed, 0, i)), theta[i]);
        seeds[i] = mix(seed, 0, i, 0);
      }
      long[][] counts = new long[n][d.targets()];
      simulator.simulate(theta, seeds, counts);
      for (int i = 0; i < n; i++) {
        dist[i] = d.of(counts[i]);
      }
    }

    @Override
    public void generation(Proposal proposal, long seed, int gen, double eps, long budget, long drawBudget, double[][] next,
        double[] nextDist, long[] attempts, boolean[] failed, DistanceOf d) {
      int n = next.length;
      int dim = proposal.dim();
      int k = (int) Math.max(1, Math.min(speculation, Math.ceil(1 / Math.max(lastAcceptance, 1e-9))));
      Lxm[] rng = new Lxm[n];
      long[] draws = new long[n];
      boolean[] done = new boolean[n];
      for (int i = 0; i < n; i++) {
        rng[i] = new Lxm(mix(seed, gen, i));
      }
      double[] z = new double[dim];
      long simulated = 0;
      int open = n;
      while (open > 0) {
        List<double[]> xs = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        int[] owner = new int[n * k];
        int c = 0;
        for (int i = 0; i < n; i++) {
          if (done[i]) {
            continue;
          }
          long proposed = 0;
          while (proposed < k) {
            if (attempts[i] + proposed >= budget || draws[i] >= drawBudget) {
              break;
            }
            double[] x = new double[dim];
            long a = draws[i]++;
            if (!proposal.draw(rng[i], z, x)) {
              continue;
            }
            xs.add(x);
            seeds.add(mix(seed, gen, i, a + 1));
            owner[c++] = i;
            proposed++;
          }
          if (proposed == 0) {
            failed[i] = true;
            done[i] = true;
            open--;
          }
        }
        if (c == 0) {
          break;
        }
        double[][] thetas = xs.toArray(new double[0][]);
        long[] sd = new long[c];
        for (int q = 0; q < c; q++) {
          sd[q] = seeds.get(q);
        }
        long[][] counts = new long[c][d.targets()];
        simulator.simulate(thetas, sd, counts);
        for (int q = 0; q < c; q++) {
          int i = owner[q];
          if (done[i]) {
            continue; // a candidate after this particle's accepted one: discarded, not counted
          }
          attempts[i]++;
          simulated++;
          double dd = d.of(counts[q]);
          if (dd <= eps) {
            System.arraycopy(thetas[q], 0, next[i], 0, dim);
            nextDist[i] = dd;
            done[i] = true;
            open--;
          }
        }
      }
      lastAcceptance = simulated == 0 ? 1 : (double) (n - countFailed(failed)) / simulated;
    }

    private static int countFailed(boolean[] failed) {
      int f = 0;
      for (boolean b : failed) {
        f += b ? 1 : 0;
      }
      return f;
    }
  }

  private static Result run(Prior prior, Sampler sampler, long[] observed, long[] trials, Settings s, Progress progress) {
    Objects.requireNonNull(prior, "prior");
    if (observed.length != trials.length || observed.length == 0) {
      throw new IllegalArgumentException("observed and trials must have the same, positive length");
    }
    for (int j = 0; j < trials.length; j++) {
      if (trials[j] < 1 || observed[j] < 0 || observed[j] > trials[j]) {
        throw new IllegalArgumentException("target " + j + ": need 0 <= observed <= trials and trials >= 1");
      }
    }
    int n = s.particles();
    int dim = prior.dimensions();
    final double[][] theta0 = new double[n][dim];
    final double[] dist0 = new double[n];
    double[] w = new double[n];
    List<Generation> gens = new ArrayList<>();
    DistanceOf dof = new DistanceOf(observed, trials);
    // generation 0: the prior, everything accepted
    sampler.prior(prior, s.seed(), theta0, dist0, dof);
    double[][] theta = theta0;
    double[] dist = dist0;
    Arrays.fill(w, 1.0 / n);
    long sims = n;
    gens.add(new Generation(0, Double.POSITIVE_INFINITY, 1, n, n, weightedQuantile(dist, w, 0.5)));
    if (progress != null) {
      progress.generation(gens.get(0));
    }
    String stop = "the last generation (" + s.generations() + ") was reached";
    for (int t = 1; t <= s.generations(); t++) {
      double eps = weightedQuantile(dist, w, s.quantile());
      double previous = gens.get(gens.size() - 1).tolerance();
      if (eps >= previous) {
        // discrete distances (shares of a small class) can pin the quantile at the last
        // tolerance: take the next distance below it instead
        eps = Double.NEGATIVE_INFINITY;
        for (double d : dist) {
          if (d < previous && d > eps) {
            eps = d;
          }
        }
        if (eps == Double.NEGATIVE_INFINITY) {
          stop = "the tolerance cannot fall below " + fmt(previous) + " (every particle matches at that distance)";
          break;
        }
      }
      if (eps <= s.tolerance()) {
        eps = s.tolerance();
      }
      double[][] cov = covariance(theta, w);
      for (double[] row : cov) {
        for (int k = 0; k < dim; k++) {
          row[k] *= 2;
        }
      }
      double[][] chol = cholesky(cov);
      double[][] inv = invertFromCholesky(chol);
      double logNorm = logNormaliser(chol);
      double[][] prev = theta;
      double[] prevW = w;
      double[] cum = cumulative(prevW);
      double[][] next = new double[n][dim];
      double[] nextDist = new double[n];
      long[] nextAttempts = new long[n];
      boolean[] failed = new boolean[n];
      final double epsT = eps;
      final int gen = t;
      // a particle gives up after this many simulations (at the acceptance floor, the chance that
      // one particle needs more is below e^-50), or after a hundred times as many draws outside
      // the prior's support: the generation cannot reach the floor then
      long budget = (long) Math.ceil(50 / s.minAcceptance());
      long drawBudget = 100 * budget;
      sampler.generation(new Proposal(prior, prev, cum, chol, dim), s.seed(), gen, epsT, budget, drawBudget, next, nextDist,
          nextAttempts, failed, dof);
      long genSims = 0;
      boolean anyFailed = false;
      for (int i = 0; i < n; i++) {
        genSims += nextAttempts[i];
        anyFailed |= failed[i];
      }
      sims += genSims;
      if (anyFailed) {
        stop = "generation " + t + " could not reach tolerance " + fmt(eps) + " within its draw budget (acceptance below "
            + fmt(s.minAcceptance()) + "); the result is generation " + (t - 1) + "'s";
        gens.add(new Generation(t, eps, (double) n / Math.max(1, genSims), Double.NaN, genSims, Double.NaN));
        if (progress != null) {
          progress.generation(gens.get(gens.size() - 1));
        }
        break;
      }
      double[] nw = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double mixture = 0;
        for (int j = 0; j < n; j++) {
          mixture += prevW[j] * Math.exp(logNorm - 0.5 * mahalanobis(next[i], prev[j], inv));
        }
        nw[i] = prior.density(next[i]) / mixture;
        total += nw[i];
      }
      for (int i = 0; i < n; i++) {
        nw[i] /= total;
      }
      theta = next;
      dist = nextDist;
      w = nw;
      double acceptance = (double) n / genSims;
      Generation g = new Generation(t, eps, acceptance, ess(w), genSims, weightedQuantile(dist, w, 0.5));
      gens.add(g);
      if (progress != null) {
        progress.generation(g);
      }
      if (eps <= s.tolerance()) {
        stop = "the target tolerance " + fmt(s.tolerance()) + " was reached";
        break;
      }
      if (acceptance < s.minAcceptance()) {
        stop = "the acceptance rate " + fmt(acceptance) + " fell below " + fmt(s.minAcceptance());
        break;
      }
    }
    return new Result(theta, w, dist, List.copyOf(gens), sims, stop);
  }

  /** The Euclidean distance between observed and synthetic shares. */
  static double distance(long[] counts, long[] observed, long[] trials) {
    double d = 0;
    for (int j = 0; j < counts.length; j++) {
      double e = (double) (counts[j] - observed[j]) / trials[j];
      d += e * e;
    }
    return Math.sqrt(d);
  }

  static double ess(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v * v;
    }
    return 1 / s;
  }

  /** The weighted quantile q of values (the smallest value whose cumulative weight reaches q). */
  public static double weightedQuantile(double[] values, double[] weights, double q) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double c = 0;
    for (int k = 0; k < order.length; k++) {
      c += weights[order[k]] / total;
      if (c >= q - 1e-12) {
        return values[order[k]];
      }
    }
    return values[order[order.length - 1]];
  }

  static double[] column(double[][] x, int i) {
    double[] c = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      c[k] = x[k][i];
    }
    return c;
  }

  private static double[][] covariance(double[][] x, double[] w) {
    int d = x[0].length;
    double[] mean = new double[d];
    for (int k = 0; k < x.length; k++) {
      for (int i = 0; i < d; i++) {
        mean[i] += w[k] * x[k][i];
      }
    }
    double[][] c = new double[d][d];
    for (int k = 0; k < x.length; k++) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          c[i][j] += w[k] * (x[k][i] - mean[i]) * (x[k][j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        c[j][i] = c[i][j];
      }
      // a floor, so that a collapsed parameter still moves
      c[i][i] = Math.max(c[i][i], 1e-12 * (1 + mean[i] * mean[i]));
    }
    return c;
  }

  static double[][] cholesky(double[][] a) {
    int d = a.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = Math.sqrt(Math.max(s, 1e-300));
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[][] invertFromCholesky(double[][] l) {
    int d = l.length;
    double[][] linv = new double[d][d];
    for (int i = 0; i < d; i++) {
      linv[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i][k] * linv[k][j];
        }
        linv[i][j] = s / l[i][i];
      }
    }
    double[][] inv = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = Math.max(i, j); k < d; k++) {
          s += linv[k][i] * linv[k][j];
        }
        inv[i][j] = s;
      }
    }
    return inv;
  }

  private static double logNormaliser(double[][] l) {
    double s = 0;
    for (int i = 0; i < l.length; i++) {
      s -= Math.log(l[i][i]);
    }
    return s - 0.5 * l.length * Math.log(2 * Math.PI);
  }

  private static double mahalanobis(double[] x, double[] m, double[][] inv) {
    int d = x.length;
    double s = 0;
    for (int i = 0; i < d; i++) {
      double di = x[i] - m[i];
      for (int j = 0; j < d; j++) {
        s += di * inv[i][j] * (x[j] - m[j]);
      }
    }
    return s;
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    for (int i = 0; i < w.length; i++) {
      c[i] /= s;
    }
    return c;
  }

  static int pick(double[] cum, double u) {
    int i = Arrays.binarySearch(cum, u);
    int k = i >= 0 ? i : -i - 1;
    return Math.min(k, cum.length - 1);
  }

  /** Runs body(0..n-1) on the executor in chunks and waits; the first failure is rethrown. */
  public static void forEach(int n, Executor executor, int parallelism, IntConsumer body) {
    int chunks = Math.max(1, Math.min(n, parallelism * 4));
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      fs.add(CompletableFuture.runAsync(() -> {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
      }, executor));
    }
    try {
      CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error er) {
        throw er;
      }
      throw e;
    }
  }

  /** A 64-bit mix of the master seed and indices (SplitMix64's finaliser, chained). */
  public static long mix(long seed, long... parts) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h = fmix(h + 0x9E3779B97F4A7C15L * (p + 1));
    }
    return fmix(h);
  }

  private static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
