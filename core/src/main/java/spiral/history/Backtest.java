package spiral.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import spiral.scenario.Scenario;

/**
 * Backtests calibrated scenarios against the crises they describe: for each historical scenario,
 * calibrate on the reference class without that crisis (leave one out), predict the probability
 * of each outcome, and score the prediction against what happened, beside the forecast of the
 * base rate alone.
 *
 * <p>Scores, per crisis and averaged over the outcomes: the Brier score (Brier 1950), the mean of
 * (p − o)², and the logarithmic score, the mean of −ln p for what happened (−ln(1 − p) for what did
 * not); lower is better for both. Probabilities are clamped to [0.001, 0.999] before the log, so
 * that one confident miss does not dominate. The base-rate forecast of an outcome is (k + ½) / (n
 * + 1), the posterior mean of its rate under Jeffreys' prior, from the class without the crisis.
 * Cost: one calibration per scenario.
 */
public final class Backtest {
  private Backtest() {}

  /** The clamp of probabilities before the logarithmic score. */
  public static final double CLAMP = 0.001;

  /**
   * One crisis's forecasts and scores.
   *
   * @param scenario the scenario's id
   * @param icb the ICB crisis number
   * @param crisis the ICB crisis name
   * @param classSize crises in the class without it
   * @param targets the outcomes scored
   * @param observed what happened: 1 or 0 per outcome
   * @param spiral Spiral's calibrated probabilities
   * @param baseRate the base rate's probabilities
   * @param spiralBrier Spiral's Brier score
   * @param baseBrier the base rate's Brier score
   * @param spiralLog Spiral's logarithmic score
   * @param baseLog the base rate's logarithmic score
   */
  public record Case(String scenario, int icb, String crisis, int classSize, List<String> targets, int[] observed, double[] spiral,
      double[] baseRate, double spiralBrier, double baseBrier, double spiralLog, double baseLog) {}

  /**
   * All cases and their means.
   *
   * @param reference the reference class (each case leaves its own crisis out)
   * @param cases one per scenario
   * @param spiralBrier mean Brier score of Spiral
   * @param baseBrier mean Brier score of the base rate
   * @param spiralLog mean logarithmic score of Spiral
   * @param baseLog mean logarithmic score of the base rate
   * @param reliability per probability bin: {bin low, bin high, forecasts, mean forecast, observed frequency} for Spiral
   */
  public record Report(String reference, List<Case> cases, double spiralBrier, double baseBrier, double spiralLog, double baseLog,
      List<double[]> reliability) {}

  /** A historical scenario and the ICB crisis it describes. */
  public record Item(Scenario scenario, int icb) {
    public Item {
      Objects.requireNonNull(scenario, "scenario");
    }
  }

  /** Runs the backtest. */
  public static Report run(List<Item> items, IcbData icb, String reference, List<HistoricalTarget> targets, AbcSmc.Settings settings,
      int predictiveDraws, int predictiveRuns, Executor executor, int parallelism, java.util.function.Consumer<String> progress) {
    List<Case> cases = new ArrayList<>();
    for (Item it : items) {
      IcbCrisis crisis = icb.crisis(it.icb());
      if (crisis == null) {
        throw new IllegalArgumentException(it.scenario().id() + ": ICB crisis " + it.icb() + " is not in the data");
      }
      String expr = (reference == null ? "" : reference) + " exclude=" + it.icb();
      ReferenceClass rc = ReferenceClass.of(icb, CrisisFilter.parse(expr));
      if (progress != null) {
        progress.accept(it.scenario().id() + ": calibrating to " + rc.size() + " crises (" + rc.filter() + ")");
      }
      Calibration.Report cal = Calibration.run(new Calibration.Setup(it.scenario(), it.scenario().uncertainties(), rc, targets, settings,
          predictiveDraws, predictiveRuns), executor, parallelism, null);
      int[] o = new int[targets.size()];
      double[] p = new double[targets.size()];
      double[] q = new double[targets.size()];
      List<String> names = new ArrayList<>();
      for (int j = 0; j < targets.size(); j++) {
        HistoricalTarget t = targets.get(j);
        names.add(t.id());
        int seen = t.observed(crisis);
        if (seen < 0) {
          throw new IllegalArgumentException(it.scenario().id() + ": ICB crisis " + it.icb() + " has no code for " + t.id());
        }
        o[j] = seen;
        p[j] = cal.predictive().get(j).predicted();
        BaseRate r = rc.rate(t);
        q[j] = (r.count() + 0.5) / (r.crises() + 1.0);
      }
      cases.add(new Case(it.scenario().id(), it.icb(), crisis.name(), rc.size(), names, o, p, q, brier(p, o), brier(q, o), log(p, o), log(q, o)));
    }
    double sb = 0;
    double bb = 0;
    double sl = 0;
    double bl = 0;
    for (Case c : cases) {
      sb += c.spiralBrier() / cases.size();
      bb += c.baseBrier() / cases.size();
      sl += c.spiralLog() / cases.size();
      bl += c.baseLog() / cases.size();
    }
    return new Report(reference == null || reference.isBlank() ? "all crises" : reference, cases, sb, bb, sl, bl, reliability(cases, 5));
  }

  /** The Brier score: the mean of (p − o)². */
  public static double brier(double[] p, int[] o) {
    double s = 0;
    for (int j = 0; j < p.length; j++) {
      s += (p[j] - o[j]) * (p[j] - o[j]);
    }
    return s / p.length;
  }

  /** The logarithmic score: the mean of −ln of the probability given to what happened, clamped. */
  public static double log(double[] p, int[] o) {
    double s = 0;
    for (int j = 0; j < p.length; j++) {
      double c = Math.min(1 - CLAMP, Math.max(CLAMP, p[j]));
      s -= Math.log(o[j] == 1 ? c : 1 - c);
    }
    return s / p.length;
  }

  /** Spiral's forecasts binned by probability: {lo, hi, n, mean forecast, observed frequency}. */
  static List<double[]> reliability(List<Case> cases, int bins) {
    double[] n = new double[bins];
    double[] f = new double[bins];
    double[] o = new double[bins];
    for (Case c : cases) {
      for (int j = 0; j < c.spiral().length; j++) {
        int b = Math.min(bins - 1, (int) Math.floor(c.spiral()[j] * bins));
        n[b]++;
        f[b] += c.spiral()[j];
        o[b] += c.observed()[j];
      }
    }
    List<double[]> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      out.add(new double[] {(double) b / bins, (double) (b + 1) / bins, n[b], n[b] == 0 ? Double.NaN : f[b] / n[b],
          n[b] == 0 ? Double.NaN : o[b] / n[b]});
    }
    return out;
  }
}
