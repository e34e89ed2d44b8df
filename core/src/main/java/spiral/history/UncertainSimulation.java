package spiral.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import spiral.scenario.Scenario;
import spiral.sim.CompiledModel;
import spiral.sim.Intervals;
import spiral.sim.Lxm;
import spiral.sim.Outcome;
import spiral.sim.Progress;
import spiral.sim.Simulator;
import spiral.sim.Stats;

/**
 * A simulation that carries the uncertainty of its parameters: the scenario is run at M parameter
 * sets — drawn from a calibration's posterior, or from the scenario's declared uncertainty ranges
 * — each set with its own random streams ({@link Lxm#setSeed}), and each figure is reported with
 * two intervals: the Monte Carlo one (Wilson, over all runs pooled), which shrinks with more runs,
 * and the total one, the 2.5% and 97.5% quantiles of the figure across the parameter sets, which
 * carries the parameters' uncertainty and each set's own Monte Carlo error. Cost: O(M × runs × turns).
 */
public final class UncertainSimulation {
  private UncertainSimulation() {}

  /**
   * One figure.
   *
   * @param key the outcome or flag
   * @param p the pooled probability (the mean over parameter sets)
   * @param monteCarlo95 the 95% Wilson interval of the pooled runs
   * @param total95 the 2.5% and 97.5% quantiles of the probability across parameter sets
   */
  public record Figure(String key, double p, double[] monteCarlo95, double[] total95) {}

  /**
   * The result.
   *
   * @param scenario the scenario's id
   * @param source where the parameter sets came from
   * @param parameters the varied parameters
   * @param draws parameter sets
   * @param runsPerDraw runs per set
   * @param seed master seed
   * @param outcomes one figure per outcome
   * @param flags one figure per flag
   */
  public record Summary(String scenario, String source, List<String> parameters, int draws, long runsPerDraw, long seed,
      List<Figure> outcomes, List<Figure> flags) {}

  /** M parameter sets drawn by weight (systematic resampling) from a posterior file. */
  public static double[][] fromPosterior(PosteriorFile post, int m, long seed) {
    int[] picks = Calibration.resample(post.weights(), m, AbcSmc.mix(seed, 7));
    double[][] out = new double[m][];
    for (int i = 0; i < m; i++) {
      out[i] = post.particles()[picks[i]].clone();
    }
    return out;
  }

  /** M parameter sets drawn from the prior. */
  public static double[][] fromPrior(Prior prior, int m, long seed) {
    double[][] out = new double[m][prior.dimensions()];
    Lxm rng = new Lxm(AbcSmc.mix(seed, 8));
    for (int i = 0; i < m; i++) {
      prior.sample(rng, out[i]);
    }
    return out;
  }

  /** Runs the scenario at every parameter set. */
  public static Summary run(Scenario sc, String source, List<String> paths, double[][] sets, long runsPerDraw, long seed,
      Simulator simulator, Progress progress) {
    Objects.requireNonNull(sc, "sc");
    int m = sets.length;
    Outcome[] outs = Outcome.values();
    String[] flagNames = {"directWar", "furtherAttacks", "inadvertent", "talksOpened", "strategic"};
    long[][] oc = new long[m][outs.length];
    long[][] fc = new long[m][flagNames.length];
    for (int d = 0; d < m; d++) {
      CompiledModel model = new CompiledModel(Calibration.at(sc, paths, sets[d]));
      Stats st = simulator.run(model, runsPerDraw, Lxm.setSeed(seed, d), Progress.NONE);
      for (int k = 0; k < outs.length; k++) {
        oc[d][k] = st.count(outs[k]);
      }
      fc[d][0] = st.directWar();
      fc[d][1] = st.furtherAttacks();
      fc[d][2] = st.inadvertent();
      fc[d][3] = st.talks();
      fc[d][4] = st.strategic();
      if (progress != null) {
        progress.advance((d + 1) * runsPerDraw, m * runsPerDraw);
      }
    }
    List<Figure> o = new ArrayList<>();
    for (int k = 0; k < outs.length; k++) {
      o.add(figure(outs[k].name(), oc, k, runsPerDraw));
    }
    List<Figure> f = new ArrayList<>();
    for (int k = 0; k < flagNames.length; k++) {
      f.add(figure(flagNames[k], fc, k, runsPerDraw));
    }
    return new Summary(sc.id(), source, paths, m, runsPerDraw, seed, o, f);
  }

  private static Figure figure(String key, long[][] counts, int k, long runs) {
    int m = counts.length;
    long total = 0;
    double[] p = new double[m];
    double[] w = new double[m];
    for (int d = 0; d < m; d++) {
      total += counts[d][k];
      p[d] = (double) counts[d][k] / runs;
      w[d] = 1.0 / m;
    }
    long n = runs * m;
    double[] mc = Intervals.wilson(total, n, Intervals.Z95);
    return new Figure(key, Intervals.round6((double) total / n), new double[] {Intervals.round6(mc[0]), Intervals.round6(mc[1])},
        new double[] {Intervals.round6(AbcSmc.weightedQuantile(p, w, 0.025)), Intervals.round6(AbcSmc.weightedQuantile(p, w, 0.975))});
  }

  /** The figures by key, for lookups. */
  public static Map<String, Figure> byKey(Summary s) {
    Map<String, Figure> m = new LinkedHashMap<>();
    s.outcomes().forEach(f -> m.put(f.key(), f));
    s.flags().forEach(f -> m.put(f.key(), f));
    return m;
  }
}
