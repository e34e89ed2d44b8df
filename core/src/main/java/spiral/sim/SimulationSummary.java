package spiral.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.Version;
import spiral.scenario.Scenario;

/**
 * What {@code spiral simulate} reports: outcome probabilities with 95% Wilson intervals, flags,
 * the highest-rung distribution, run lengths, the first nuclear user, and mean end-of-run figures
 * with normal 95% intervals. Values are rounded to 6 decimals for reading; the same seed gives
 * the same summary on any thread count.
 *
 * @param scenario scenario id
 * @param runs number of runs
 * @param seed master seed
 * @param version Spiral's version
 * @param outcomes per outcome: count, p, ci95
 * @param flags directWar, furtherAttacks, inadvertent, talksOpened, strategic
 * @param maxRung highest executed rung: histogram (rung → count) and mean
 * @param turns turn at which runs ended: mean, p50, p90
 * @param firstNuclearUser per principal actor id: count, p, ci95 (of all runs)
 * @param means end-of-run figures: mean and ci95
 * @param illustrative the scenario's illustrative assumptions
 */
public record SimulationSummary(
    String scenario,
    long runs,
    long seed,
    String version,
    Map<String, Proportion> outcomes,
    Map<String, Proportion> flags,
    MaxRung maxRung,
    Turns turns,
    Map<String, Proportion> firstNuclearUser,
    Map<String, MeanValue> means,
    List<String> illustrative) {

  /** The highest-rung histogram (rung level as text → runs) and its mean. */
  public record MaxRung(Map<String, Long> histogram, double mean) {}

  /** Run lengths in turns. */
  public record Turns(double mean, int p50, int p90) {}

  /** Summarises an aggregate. */
  public static SimulationSummary of(Scenario sc, CompiledModel model, Stats st, long seed) {
    long n = st.runs();
    Map<String, Proportion> outcomes = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      outcomes.put(o.name(), proportion(st.count(o), n));
    }
    Map<String, Proportion> flags = new LinkedHashMap<>();
    flags.put("directWar", proportion(st.directWar(), n));
    flags.put("furtherAttacks", proportion(st.furtherAttacks(), n));
    flags.put("inadvertent", proportion(st.inadvertent(), n));
    flags.put("talksOpened", proportion(st.talks(), n));
    flags.put("strategic", proportion(st.strategic(), n));
    long[] hist = st.maxRungHistogram();
    Map<String, Long> h = new LinkedHashMap<>();
    double rungSum = 0;
    for (int r = 0; r < hist.length; r++) {
      if (hist[r] > 0) {
        h.put(Integer.toString(r), hist[r]);
      }
      rungSum += (double) r * hist[r];
    }
    long[] th = st.turnsHistogram();
    double turnSum = 0;
    for (int t = 0; t < th.length; t++) {
      turnSum += (double) t * th[t];
    }
    Map<String, Proportion> first = new LinkedHashMap<>();
    first.put(model.actorId(CompiledModel.INITIATOR), proportion(st.firstNuclearUser(0), n));
    first.put(model.actorId(CompiledModel.RESPONDER), proportion(st.firstNuclearUser(1), n));
    Map<String, MeanValue> means = new LinkedHashMap<>();
    for (int i = 0; i < Stats.MEANS.length; i++) {
      means.put(Stats.MEANS[i], st.meanValue(i));
    }
    return new SimulationSummary(
        sc.id(),
        n,
        seed,
        Version.get(),
        outcomes,
        flags,
        new MaxRung(h, round(rungSum / n)),
        new Turns(round(turnSum / n), quantile(th, n, 0.5), quantile(th, n, 0.9)),
        first,
        means,
        sc.illustrative());
  }

  static Proportion proportion(long k, long n) {
    return Proportion.of(k, n);
  }

  /** The smallest t with at least q of the runs ending at or before t. */
  static int quantile(long[] hist, long n, double q) {
    long need = (long) Math.ceil(q * n);
    long acc = 0;
    for (int t = 0; t < hist.length; t++) {
      acc += hist[t];
      if (acc >= need && acc > 0) {
        return t;
      }
    }
    return hist.length - 1;
  }

  static double round(double v) {
    return Intervals.round6(v);
  }
}
