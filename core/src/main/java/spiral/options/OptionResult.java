package spiral.options;

import java.util.List;
import java.util.Map;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;

/**
 * How one response option fared when played as the first response to the initiating attack.
 *
 * @param id option id
 * @param name display name
 * @param kinetic kinetic level ({@code none}, {@code less}, {@code proportional}, {@code more}),
 *     or {@code absolute} for an option at a fixed rung
 * @param nonKinetic non-kinetic package id ({@code none} for none)
 * @param rung the option's rung against the attack as it happened (no misperception)
 * @param rank 1 for the best weighted score
 * @param score the normalised weighted score on the scenario's goals: each goal's mean is scaled
 *     so that it spans its weight across the options considered (worst 0, best its weight), with
 *     the 95% interval of the per-run scores
 * @param differenceFromBest this option's score minus the best option's, paired over common
 *     random numbers, with its 95% interval; {@code significant} (real) when the interval lies
 *     wholly beyond the scenario's minimum meaningful difference
 * @param nuclearUse P(nuclear use)
 * @param directWar P(direct war), the escalation risk of the Pareto front
 * @param furtherAttacks P(further attacks on the alliance after the first response)
 * @param settlement P(settlement)
 * @param punishment expected damage inflicted on the initiator by the responder
 * @param credibility the responder's credibility at the end
 * @param cohesion alliance cohesion at the end
 * @param outcomes the four outcomes' proportions
 * @param maxRung highest executed rung: rung level as text → runs
 * @param goalScores the option's mean value of each goal metric, in [0, 1]
 * @param warOrNuclear P(direct war or nuclear use), the escalation risk of the Pareto front
 * @param gapDriver the goal that contributes most to the option's gap behind the best (null for
 *     the best)
 */
public record OptionResult(
    String id,
    String name,
    String kinetic,
    String nonKinetic,
    int rung,
    int rank,
    MeanValue score,
    Difference differenceFromBest,
    Proportion nuclearUse,
    Proportion directWar,
    Proportion furtherAttacks,
    Proportion settlement,
    MeanValue punishment,
    MeanValue credibility,
    MeanValue cohesion,
    Map<String, Proportion> outcomes,
    Map<String, Long> maxRung,
    Map<String, Double> goalScores,
    Proportion warOrNuclear,
    String gapDriver) {

  /**
   * A paired difference with its 95% interval.
   *
   * @param mean the mean difference
   * @param ci95 {lo, hi}
   * @param significant whether the difference is real: its interval lies wholly beyond the
   *     minimum meaningful difference
   */
  public record Difference(double mean, double[] ci95, boolean significant) {}

  /** The ids of a list of results, in order. */
  public static List<String> ids(List<OptionResult> results) {
    return results.stream().map(OptionResult::id).toList();
  }
}
