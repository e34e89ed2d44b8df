package spiral.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioParameters;
import spiral.scenario.Uncertainty;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.Lxm;
import spiral.sim.RunRecord;

/**
 * Calibrates a scenario's uncertain parameters to a reference class of past crises: ABC-SMC
 * ({@link AbcSmc}) over the scenario's declared uncertainty ranges as the prior, the engine as the
 * simulator (one run per crisis of a synthetic class of the reference class's size) and the
 * class's outcome counts as the data; then the posterior predictive: the model's probability of
 * each outcome across posterior draws against the class's rate and its exact interval.
 *
 * <p>Cost: O(simulations × class size × turns) for the fit, plus O(draws × predictive runs ×
 * turns) for the predictive check.
 */
public final class Calibration {
  private Calibration() {}

  /**
   * What to calibrate.
   *
   * @param scenario the scenario
   * @param parameters the uncertainties to fit (the others keep the scenario's values)
   * @param reference the reference class
   * @param targets the outcomes to match
   * @param settings ABC-SMC settings
   * @param predictiveDraws posterior draws for the predictive check
   * @param predictiveRuns runs per draw for the predictive check
   */
  public record Setup(Scenario scenario, List<Uncertainty> parameters, ReferenceClass reference, List<HistoricalTarget> targets,
      AbcSmc.Settings settings, int predictiveDraws, int predictiveRuns) {
    public Setup {
      Objects.requireNonNull(scenario, "scenario");
      parameters = List.copyOf(parameters);
      targets = List.copyOf(targets);
      if (parameters.isEmpty()) {
        throw new IllegalArgumentException("no parameters to calibrate: the scenario declares no uncertainties");
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("no targets to match");
      }
    }
  }

  /**
   * One parameter's prior and posterior.
   *
   * @param parameter its dotted path
   * @param prior the prior's description, e.g. "uniform [2, 6]"
   * @param priorBounds the prior's {lo, hi} (its 2.5% and 97.5% quantiles for a normal)
   * @param mean the posterior mean
   * @param q05 the posterior's 5% quantile
   * @param median the posterior median
   * @param q95 the posterior's 95% quantile
   */
  public record Marginal(String parameter, String prior, double[] priorBounds, double mean, double q05, double median, double q95) {}

  /**
   * The posterior predictive check of one outcome.
   *
   * @param target the outcome's id
   * @param count the class's count
   * @param crises the class's size for it
   * @param observed the class's rate
   * @param observedCi the class's 95% Clopper–Pearson interval
   * @param predicted the model's probability, averaged over posterior draws
   * @param predictedBand the 2.5% and 97.5% quantiles of the model's probability over draws
   * @param inside whether the predicted probability lies inside the class's interval
   */
  public record Predictive(String target, long count, long crises, double observed, double[] observedCi, double predicted,
      double[] predictedBand, boolean inside) {}

  /**
   * A calibration's result.
   *
   * @param scenario the scenario's id
   * @param reference the reference class's definition
   * @param classSize crises in the class
   * @param parameters the fitted parameters' paths
   * @param result the ABC-SMC result
   * @param marginals each parameter's prior and posterior
   * @param predictive the posterior predictive check per target
   * @param seed master seed
   */
  public record Report(String scenario, String reference, int classSize, List<String> parameters, AbcSmc.Result result,
      List<Marginal> marginals, List<Predictive> predictive, long seed) {}

  /** Runs the calibration on the executor. */
  public static Report run(Setup setup, Executor executor, int parallelism, AbcSmc.Progress progress) {
    return run(setup, null, 0, executor, parallelism, progress);
  }

  /**
   * Runs the calibration's fit in batches on a session (a cluster's, say: {@link
   * spiral.explore.sweep.SweepExecutor#openBatches}), the task carrying the scenario there; the
   * posterior predictive check runs on the executor. The result equals {@link #run(Setup,
   * Executor, int, AbcSmc.Progress)}'s to the bit ({@link AbcSmc#runBatched}).
   *
   * @param speculation candidates per particle and round at most ({@link AbcSmc#runBatched})
   * @throws IllegalArgumentException when the task's scenario, rebuilt from its text, differs from
   *     the setup's (a scenario file that refers to other files cannot travel)
   */
  public static Report run(Setup setup, BatchRun batches, Executor executor, int parallelism, AbcSmc.Progress progress) {
    Objects.requireNonNull(batches, "batches");
    return run(setup, batches, batches.speculation(), executor, parallelism, progress);
  }

  /**
   * Where a calibration's fit runs in batches.
   *
   * @param session the executor's session
   * @param scenarioName a built-in scenario's name, or its file's name
   * @param scenarioContent the scenario file's bytes, or null for a built-in one
   * @param speculation candidates per particle and round at most
   */
  public record BatchRun(spiral.explore.sweep.BatchSession session, String scenarioName, byte[] scenarioContent, int speculation) {}

  private static Report run(Setup setup, BatchRun batches, int speculation, Executor executor, int parallelism,
      AbcSmc.Progress progress) {
    List<HistoricalTarget> targets = setup.targets();
    long[] observed = new long[targets.size()];
    long[] trials = new long[targets.size()];
    for (int j = 0; j < targets.size(); j++) {
      BaseRate r = setup.reference().rate(targets.get(j));
      observed[j] = r.count();
      trials[j] = r.crises();
      if (trials[j] == 0) {
        throw new IllegalArgumentException("target " + targets.get(j).id() + ": no crisis of the class has its code");
      }
    }
    Prior prior = Prior.of(setup.parameters());
    AbcSmc.Result res;
    if (batches == null) {
      AbcSmc.Simulator sim = simulator(setup.scenario(), prior.parameters(), targets, trials);
      res = AbcSmc.run(prior, sim, observed, trials, setup.settings(), executor, parallelism, progress);
    } else {
      CalibrationTask task = new CalibrationTask(batches.scenarioName(), batches.scenarioContent(), prior.parameters(),
          targets.stream().map(HistoricalTarget::id).toList(), trials);
      Scenario shipped;
      try {
        shipped = task.scenario();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot ship the scenario to the executor: rebuilt from its text it fails: "
            + e.getMessage(), e);
      }
      if (!shipped.equals(setup.scenario())) {
        throw new IllegalArgumentException("cannot ship the scenario " + batches.scenarioName() + " to the executor: rebuilt"
            + " from its text alone it differs from the one read here (does it refer to another file, such as a ladder?)");
      }
      res = AbcSmc.runBatched(prior, task.on(batches.session()), observed, trials, setup.settings(), speculation, progress);
    }
    List<Marginal> marginals = new ArrayList<>();
    for (int i = 0; i < prior.dimensions(); i++) {
      Uncertainty u = setup.parameters().get(i);
      marginals.add(new Marginal(u.parameter(), describe(u), priorBounds(u), res.mean(i), res.quantile(i, 0.05),
          res.quantile(i, 0.5), res.quantile(i, 0.95)));
    }
    List<Predictive> predictive = predictive(setup, res, prior.parameters(), targets, observed, trials, executor, parallelism);
    return new Report(setup.scenario().id(), setup.reference().filter(), setup.reference().size(), prior.parameters(), res,
        marginals, predictive, setup.settings().seed());
  }

  /** The engine as an ABC simulator: a synthetic class of {@code max(trials)} runs at θ. */
  static AbcSmc.Simulator simulator(Scenario base, List<String> paths, List<HistoricalTarget> targets, long[] trials) {
    long n = 0;
    for (long t : trials) {
      n = Math.max(n, t);
    }
    long runs = n;
    return (theta, seed, counts) -> {
      CompiledModel model = new CompiledModel(at(base, paths, theta));
      java.util.Arrays.fill(counts, 0);
      Engine engine = new Engine(model);
      RunRecord rec = new RunRecord();
      for (long k = 0; k < runs; k++) {
        engine.run(seed, k, rec);
        for (int j = 0; j < counts.length; j++) {
          if (k < trials[j] && targets.get(j).simulated(rec)) {
            counts[j]++;
          }
        }
      }
    };
  }

  /** The scenario with the parameters at θ. */
  public static Scenario at(Scenario base, List<String> paths, double[] theta) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      values.put(paths.get(i), theta[i]);
    }
    return ScenarioParameters.with(base, values);
  }

  private static List<Predictive> predictive(Setup setup, AbcSmc.Result res, List<String> paths, List<HistoricalTarget> targets,
      long[] observed, long[] trials, Executor executor, int parallelism) {
    int draws = setup.predictiveDraws();
    int[] picks = resample(res.weights(), draws, AbcSmc.mix(setup.settings().seed(), -1));
    double[][] p = new double[draws][targets.size()];
    long seed = AbcSmc.mix(setup.settings().seed(), -2);
    AbcSmc.forEach(draws, executor, parallelism, d -> {
      CompiledModel model = new CompiledModel(at(setup.scenario(), paths, res.particles()[picks[d]]));
      Engine engine = new Engine(model);
      RunRecord rec = new RunRecord();
      long[] c = new long[targets.size()];
      for (long k = 0; k < setup.predictiveRuns(); k++) {
        engine.run(seed, k, rec);
        for (int j = 0; j < c.length; j++) {
          if (targets.get(j).simulated(rec)) {
            c[j]++;
          }
        }
      }
      for (int j = 0; j < c.length; j++) {
        p[d][j] = (double) c[j] / setup.predictiveRuns();
      }
    });
    List<Predictive> out = new ArrayList<>();
    double[] equal = new double[draws];
    java.util.Arrays.fill(equal, 1.0 / draws);
    for (int j = 0; j < targets.size(); j++) {
      double[] col = AbcSmc.column(p, j);
      double mean = 0;
      for (double v : col) {
        mean += v / draws;
      }
      double[] ci = ExactIntervals.clopperPearson(observed[j], trials[j], 0.95);
      out.add(new Predictive(targets.get(j).id(), observed[j], trials[j], (double) observed[j] / trials[j], ci, mean,
          new double[] {AbcSmc.weightedQuantile(col, equal, 0.025), AbcSmc.weightedQuantile(col, equal, 0.975)},
          mean >= ci[0] && mean <= ci[1]));
    }
    return out;
  }

  /** Systematic resampling: {@code m} particle indexes drawn in proportion to the weights. */
  public static int[] resample(double[] weights, int m, long seed) {
    double u = new Lxm(seed).nextDouble() / m;
    int[] out = new int[m];
    double c = weights[0];
    int i = 0;
    for (int k = 0; k < m; k++) {
      double target = u + (double) k / m;
      while (c < target && i < weights.length - 1) {
        i++;
        c += weights[i];
      }
      out[k] = i;
    }
    return out;
  }

  static String describe(Uncertainty u) {
    return switch (u.distribution()) {
      case "uniform" -> "uniform [" + g(u.a()) + ", " + g(u.b()) + "]";
      case "triangular" -> "triangular [" + g(u.a()) + ", " + g(u.b()) + "], mode " + g(u.c());
      case "normal" -> "normal (mean " + g(u.a()) + ", sd " + g(u.b()) + ")";
      default -> u.distribution();
    };
  }

  static double[] priorBounds(Uncertainty u) {
    return u.distribution().equals("normal")
        ? new double[] {u.a() - 1.959963984540054 * u.b(), u.a() + 1.959963984540054 * u.b()}
        : new double[] {u.a(), u.b()};
  }

  private static String g(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
