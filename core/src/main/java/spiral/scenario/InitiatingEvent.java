package spiral.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The attack that opens the scenario.
 *
 * @param attacker the actor that attacks (a principal of the initiator side)
 * @param targets the targets struck
 * @param rung the rung of the attack on the ladder
 * @param description what happened, in words
 */
public record InitiatingEvent(String attacker, List<String> targets, int rung, String description) {
  public InitiatingEvent {
    Objects.requireNonNull(attacker, "attacker");
    targets = List.copyOf(targets);
    description = description == null ? "" : description;
  }
}
