package spiral.bargain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A party to a negotiation: its weights and value functions over the issues, its value of no
 * agreement, and how that value moves over time.
 *
 * @param id identifier
 * @param name display name
 * @param weights issue id → weight (summing to 1)
 * @param values issue id → value function
 * @param reservation given reservation value in [0, 1] (used when {@code fromSimulation} is null)
 * @param fromSimulation the escalation scenario whose outcomes set the reservation value, or null
 * @param leverageWeight how much the reservation value moves with battlefield leverage
 * @param costPerMonth how much it falls per month of war (war weariness)
 * @param discount monthly discount factor &delta; in (0, 1) (Rubinstein)
 */
public record Party(
    String id,
    String name,
    Map<String, Double> weights,
    Map<String, ValueFunction> values,
    double reservation,
    FromSimulation fromSimulation,
    double leverageWeight,
    double costPerMonth,
    double discount) {

  /**
   * A reservation value computed as the expected value of fighting on: &Sigma; P(outcome)
   * &times; value, the probabilities simulated on an escalation scenario.
   *
   * @param scenario built-in name or path of the escalation scenario, as written
   * @param values outcome name → value in [0, 1]
   * @param runs runs to simulate
   * @param seed master seed
   * @param folder the folder of the file that names it, against which a relative path resolves;
   *     null for the working folder
   */
  public record FromSimulation(String scenario, Map<String, Double> values, long runs, long seed, Path folder) {
    public FromSimulation {
      Objects.requireNonNull(scenario, "scenario");
      values = Map.copyOf(values);
    }
  }

  public Party {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    weights = Map.copyOf(weights);
    values = Map.copyOf(values);
  }
}
