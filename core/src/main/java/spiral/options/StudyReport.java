package spiral.options;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code spiral study}: the built-in RAND scenarios A&ndash;D analysed at once.
 *
 * @param runs runs per option per scenario
 * @param seed master seed
 * @param version Spiral's version
 * @param samples parameter sets per scenario for the robustness analysis (0: none)
 * @param options the option ids, in the scenarios' order
 * @param scenarios one row per scenario, by increasing attack rung
 * @param shift how the best and the most robust answer change as the attack grows, in words
 */
public record StudyReport(
    long runs,
    long seed,
    String version,
    int samples,
    List<String> options,
    List<Row> scenarios,
    String shift) {

  /**
   * One scenario's row of the scenario &times; option matrix.
   *
   * @param scenario scenario id
   * @param name display name
   * @param rung the attack's rung
   * @param scores option id → weighted score
   * @param nuclearUse option id → P(nuclear use)
   * @param best the option with the best score
   * @param mostRobust the minimax-regret option (equal to best when no robustness analysis ran)
   * @param detail the full options analysis of the scenario
   */
  public record Row(
      String scenario,
      String name,
      int rung,
      Map<String, Double> scores,
      Map<String, Double> nuclearUse,
      String best,
      String mostRobust,
      OptionsReport detail) {}
}
