package spiral.options;

import java.util.List;

/**
 * The answer of {@code spiral options}: every response option of the responding side played as
 * the first response to the initiating attack, with common random numbers, scored on the
 * scenario's goals.
 *
 * @param scenario scenario id
 * @param scenarioName display name
 * @param runs runs per option
 * @param seed master seed (run k of every option uses the same generator seed)
 * @param version Spiral's version
 * @param responder the responding principal's id
 * @param initiator the initiating principal's id
 * @param initiatingRung the rung of the attack
 * @param goals the goals and their weights as used (normalised to sum 1)
 * @param options the options, best first
 * @param best the id of the option with the highest score
 * @param paretoFront ids of the options not dominated in (lower P(further attacks), lower P(direct
 *     war or nuclear use)), by increasing escalation risk
 * @param meaningfulDifference the smallest score difference called real (the scenario's {@code
 *     model.meaningfulDifference})
 * @param regret the robustness analysis ({@code --robust}), or null
 * @param illustrative the scenario's illustrative assumptions
 */
public record OptionsReport(
    String scenario,
    String scenarioName,
    long runs,
    long seed,
    String version,
    String responder,
    String initiator,
    int initiatingRung,
    List<GoalWeight> goals,
    List<OptionResult> options,
    String best,
    List<String> paretoFront,
    Regret regret,
    List<String> illustrative,
    double meaningfulDifference) {

  /**
   * A goal and its normalised weight.
   *
   * @param metric the goal metric
   * @param weight its weight, the weights summing to 1
   * @param description what it stands for
   */
  public record GoalWeight(String metric, double weight, String description) {}
}
