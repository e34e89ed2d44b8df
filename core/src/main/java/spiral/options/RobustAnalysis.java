package spiral.options;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import spiral.explore.Distributions;
import spiral.explore.LatinHypercube;
import spiral.explore.RankCorrelation;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioParameters;
import spiral.scenario.Uncertainty;
import spiral.sim.Lxm;
import spiral.sim.Progress;

/**
 * Robust decision making over a scenario's uncertainties (Lempert, Popper &amp; Bankes 2003;
 * Savage's minimax regret): M parameter sets are drawn by Latin hypercube sampling from the
 * {@code uncertainties} section, every option is scored in every set with the same runs (common
 * random numbers across the options; each set has its own streams, {@link Lxm#setSeed}, so that
 * the total intervals across the sets carry each set's Monte Carlo error), and each option's
 * regret in a set is the
 * best score in that set minus its own. The minimax-regret option is the one whose worst regret is
 * smallest. A parameter "drives" the choice when the regret of the nominally best option moves
 * with it (Spearman's rank correlation) and when the best option differs between the lower and
 * upper halves of its draws.
 *
 * <p>Cost: one options analysis with the main run count and M with the per-sample run count.
 */
public final class RobustAnalysis {
  private RobustAnalysis() {}

  /**
   * The options analysis of the scenario ({@code runs} per option) with a regret block over M
   * parameter sets ({@code sampleRuns} per option in each).
   *
   * @throws IllegalArgumentException if the scenario has no uncertainties, M &lt; 2, or a drawn
   *     value is outside its parameter's range (the message names the parameter and value)
   */
  public static OptionsReport analyse(
      OptionsAnalysis analysis,
      Scenario sc,
      long runs,
      long sampleRuns,
      long seed,
      int samples,
      Progress progress) {
    List<Uncertainty> us = sc.uncertainties();
    if (us.isEmpty()) {
      throw new IllegalArgumentException(
          "scenario '" + sc.id() + "' has no uncertainties: --robust samples them, so add an"
              + " 'uncertainties' section");
    }
    if (samples < 2) {
      throw new IllegalArgumentException("--samples must be at least 2, was " + samples);
    }
    if (sampleRuns < 1) {
      throw new IllegalArgumentException("runs per sample must be >= 1, was " + sampleRuns);
    }
    double[][] u = LatinHypercube.sample(samples, us.size(), new Lxm(Lxm.runSeed(seed, -1)));
    double[][] x = new double[samples][us.size()];
    for (int m = 0; m < samples; m++) {
      for (int p = 0; p < us.size(); p++) {
        x[m][p] = Distributions.quantile(us.get(p), u[m][p]);
      }
    }
    return analyseAt(analysis, sc, runs, sampleRuns, seed, us.stream().map(Uncertainty::parameter).toList(), x, "Latin hypercube", progress);
  }

  /**
   * The same analysis at given parameter sets (for example draws from a calibration's
   * posterior): {@code x[m]} holds set m's values of {@code paths}; {@code sampling} says how
   * they were drawn.
   *
   * @throws IllegalArgumentException if there are fewer than 2 sets or a value is outside its
   *     parameter's range
   */
  public static OptionsReport analyseAt(
      OptionsAnalysis analysis,
      Scenario sc,
      long runs,
      long sampleRuns,
      long seed,
      List<String> paths,
      double[][] x,
      String sampling,
      Progress progress) {
    int samples = x.length;
    if (samples < 2) {
      throw new IllegalArgumentException("need at least 2 parameter sets, got " + samples);
    }
    if (sampleRuns < 1) {
      throw new IllegalArgumentException("runs per sample must be >= 1, was " + sampleRuns);
    }
    long units = analysis.accumulateUnits(sc);
    long perSet = sampleRuns * units;
    long total = runs * units + perSet * samples;
    OptionsAnalysis.Acc base =
        analysis.accumulate(sc, runs, seed, (done, all) -> progress.advance(done, total));
    int n = base.n;
    double[] w = OptionsAnalysis.weights(OptionsAnalysis.withDefaultResponses(sc));
    double[] baseScore = base.scores(w, runs);
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (baseScore[j] > baseScore[best]) {
        best = j;
      }
    }
    List<Scenario> variants = new ArrayList<>();
    for (int m = 0; m < samples; m++) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (int p = 0; p < paths.size(); p++) {
        values.put(paths.get(p), x[m][p]);
      }
      try {
        variants.add(ScenarioParameters.with(sc, values));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "uncertainty sample " + (m + 1) + " of " + samples + ": " + e.getMessage()
                + " (narrow the distribution to the parameter's range)", e);
      }
    }
    // The sets run side by side, each on one thread: a set's runs are too few to split well.
    OptionsAnalysis sequential = new OptionsAnalysis(Runnable::run, 1);
    double[][] score = new double[samples][];
    // per set and option: P(nuclear use), P(direct war or nuclear use), P(further attacks)
    double[][][] figures = new double[samples][][];
    ArrayDeque<CompletableFuture<double[][]>> window = new ArrayDeque<>();
    int next = 0;
    int done = 0;
    while (done < samples) {
      while (next < samples && window.size() < 2 * analysis.parallelism()) {
        Scenario variant = variants.get(next);
        long setSeed = Lxm.setSeed(seed, next);
        window.add(CompletableFuture.supplyAsync(() -> {
          OptionsAnalysis.Acc acc = sequential.accumulate(variant, sampleRuns, setSeed, Progress.NONE);
          double[][] f = new double[4][acc.n];
          f[0] = acc.scores(w, sampleRuns);
          for (int j = 0; j < acc.n; j++) {
            f[1][j] = (double) acc.nuclear[j] / sampleRuns;
            f[2][j] = (double) acc.warOrNuclear[j] / sampleRuns;
            f[3][j] = (double) acc.further[j] / sampleRuns;
          }
          return f;
        }, analysis.executor()));
        next++;
      }
      try {
        figures[done] = window.poll().join();
        score[done] = figures[done][0];
      } catch (CompletionException e) {
        window.forEach(f -> f.cancel(false));
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
      done++;
      progress.advance(runs * units + perSet * done, total);
    }
    List<String> ids = OptionsAnalysis.responderOptions(OptionsAnalysis.withDefaultResponses(sc), new spiral.sim.CompiledModel(OptionsAnalysis.withDefaultResponses(sc)))
        .stream().map(o -> o.id()).toList();
    double[][] regret = new double[samples][n];
    int[] bestCount = new int[n];
    for (int m = 0; m < samples; m++) {
      int bm = argmax(score[m]);
      bestCount[bm]++;
      for (int j = 0; j < n; j++) {
        regret[m][j] = score[m][bm] - score[m][j];
      }
    }
    List<Regret.OptionRegret> rs = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      double sum = 0;
      double max = 0;
      for (int m = 0; m < samples; m++) {
        sum += regret[m][j];
        max = Math.max(max, regret[m][j]);
      }
      rs.add(new Regret.OptionRegret(
          ids.get(j), OptionsAnalysis.round(sum / samples), OptionsAnalysis.round(max),
          OptionsAnalysis.round((double) bestCount[j] / samples), across(figures, 1, j), across(figures, 2, j),
          across(figures, 3, j)));
    }
    List<Regret.OptionRegret> sorted = new ArrayList<>(rs);
    sorted.sort(Comparator.comparingDouble(Regret.OptionRegret::maxRegret)
        .thenComparingDouble(Regret.OptionRegret::meanRegret));
    List<Regret.Driver> drivers = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      double[] xs = new double[samples];
      double[] rb = new double[samples];
      double[] sb = new double[samples];
      for (int m = 0; m < samples; m++) {
        xs[m] = x[m][p];
        rb[m] = regret[m][best];
        sb[m] = score[m][best];
      }
      Integer[] order = new Integer[samples];
      for (int m = 0; m < samples; m++) {
        order[m] = m;
      }
      final int fp = p;
      Arrays.sort(order, Comparator.comparingDouble((Integer m) -> x[m][fp]).thenComparingInt(m -> m));
      int half = samples / 2;
      drivers.add(new Regret.Driver(
          paths.get(p),
          OptionsAnalysis.round(RankCorrelation.spearman(xs, rb)),
          ids.get(bestOver(score, order, 0, half)),
          ids.get(bestOver(score, order, samples - half, samples)),
          OptionsAnalysis.round(RankCorrelation.spearman(xs, sb))));
    }
    drivers.sort(Comparator.comparingDouble((Regret.Driver d) -> -Math.abs(d.rankCorrelation()))
        .thenComparingDouble(d -> -Math.abs(d.scoreCorrelation())));
    Regret regretBlock = new Regret(
        samples, sampleRuns, paths, sorted,
        sorted.get(0).id(), drivers, sampling);
    return analysis.report(sc, runs, seed, base, regretBlock);
  }

  /** The 2.5% and 97.5% quantiles of figure k of option j across the sets (the total interval). */
  private static double[] across(double[][][] figures, int k, int j) {
    double[] v = new double[figures.length];
    for (int m = 0; m < figures.length; m++) {
      v[m] = figures[m][k][j];
    }
    Arrays.sort(v);
    return new double[] {OptionsAnalysis.round(quantile(v, 0.025)), OptionsAnalysis.round(quantile(v, 0.975))};
  }

  /** The q quantile of sorted values, interpolated between order statistics. */
  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static int argmax(double[] v) {
    int b = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[b]) {
        b = j;
      }
    }
    return b;
  }

  /** The option with the best mean score over the sets order[from..to). */
  private static int bestOver(double[][] score, Integer[] order, int from, int to) {
    int n = score[0].length;
    double[] mean = new double[n];
    for (int i = from; i < to; i++) {
      for (int j = 0; j < n; j++) {
        mean[j] += score[order[i]][j];
      }
    }
    return argmax(mean);
  }
}
