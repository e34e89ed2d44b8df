package spiral.explore;

import java.util.List;

/**
 * What {@code spiral discover} found, for its HTML report: the PRIM run on a sweep's results,
 * the box chosen from its trajectory, the condition that marked the points of interest, and what
 * the numbers rest on.
 *
 * @param input the results file
 * @param where the condition, e.g. {@code nuclearUse > 0.05}
 * @param points the points in the results
 * @param interesting the points that satisfy the condition
 * @param alpha the peel fraction
 * @param minMass the smallest share of the points a box may hold
 * @param minCoverage the chosen box is the densest with at least this coverage
 * @param prim the PRIM run
 * @param chosen the chosen box's index in the trajectory
 * @param scenario the base scenario's id and name, or null when the sweep file is not known
 * @param illustrative the base scenario's illustrative assumptions, or null when not known
 * @param quasiP the chosen box's quasi-p-value per parameter (NaN where it does not restrict)
 * @param stability per parameter, the fraction of bootstrap boxes restricting it, or null
 * @param resamples the bootstrap resamples behind the stability (0 when none)
 * @param bootstrapSeed the bootstrap's seed
 */
public record DiscoveryReport(String input, String where, int points, int interesting,
    double alpha, double minMass, double minCoverage, PrimResult prim, int chosen,
    String scenario, List<String> illustrative, double[] quasiP, double[] stability,
    int resamples, long bootstrapSeed) {

  /** Copies. */
  public DiscoveryReport {
    illustrative = illustrative == null ? null : List.copyOf(illustrative);
    quasiP = quasiP.clone();
    stability = stability == null ? null : stability.clone();
  }
}
