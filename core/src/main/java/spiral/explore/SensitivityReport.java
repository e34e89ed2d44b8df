package spiral.explore;

import java.util.List;

/**
 * What {@code spiral sensitivity} found about one output of a sweep, for its HTML report: the
 * global analysis the design allows (Sobol indices for a Saltelli design, Morris effects for a
 * Morris design, Spearman rank correlations otherwise), the one-at-a-time tornado when the sweep
 * could be re-evaluated, and what the numbers rest on (design, seed, runs, the scenario's
 * illustrative assumptions). Fields that do not apply are null.
 *
 * @param input the results or sweep file analysed
 * @param output the output analysed
 * @param method sobol, morris or rank-correlation
 * @param points the design points in the results
 * @param scenario the base scenario's id and name, or null when the sweep file is not known
 * @param illustrative the base scenario's illustrative assumptions, or null when not known
 * @param design the design as text (type and size), or null when not known
 * @param designSeed the design's seed, or null
 * @param seed the sweep's simulation seed (common random numbers), or null
 * @param runs runs per point, or null
 * @param ranges each parameter's low, base and high value (the tornado's), or null
 * @param tornado the one-at-a-time tornado, or null
 * @param sobol Sobol indices with bootstrap intervals (sobol), or null
 * @param morris Morris effects (morris), or null
 * @param ranks Spearman rank correlations (rank-correlation), or null
 * @param second second-order Sobol indices (a saltelli design with secondOrder), or null
 * @param warnings what makes a number above meaningless (an interval wider than an index's
 *     range), empty when nothing does
 */
public record SensitivityReport(String input, String output, String method, int points,
    String scenario, List<String> illustrative, String design, Long designSeed, Long seed,
    Long runs, List<Range> ranges, Tornado tornado, List<SobolIndex> sobol,
    List<MorrisEffect> morris, List<Rank> ranks, List<SobolPair> second,
    List<String> warnings) {

  /**
   * A parameter's one-at-a-time values.
   *
   * @param parameter the parameter
   * @param low its low value
   * @param base its base value (the others' value while one moves)
   * @param high its high value
   */
  public record Range(String parameter, double low, double base, double high) {}

  /**
   * A parameter's Spearman rank correlation with the output.
   *
   * @param parameter the parameter
   * @param rho the correlation, in [-1, 1]
   */
  public record Rank(String parameter, double rho) {}

  /** Copies the lists. */
  public SensitivityReport {
    illustrative = illustrative == null ? null : List.copyOf(illustrative);
    ranges = ranges == null ? null : List.copyOf(ranges);
    sobol = sobol == null ? null : List.copyOf(sobol);
    morris = morris == null ? null : List.copyOf(morris);
    ranks = ranks == null ? null : List.copyOf(ranks);
    second = second == null ? null : List.copyOf(second);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
