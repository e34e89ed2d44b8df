package spiral.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A party to the crisis.
 *
 * <p>Each side has exactly one principal actor, which decides for the side; the other actors of a
 * side are allies whose assets count for the principal's credibility through the alliance
 * commitment (MODEL.md §3.4).
 *
 * @param id identifier, unique in the scenario
 * @param name display name
 * @param side initiator or responder
 * @param principal whether this actor decides for its side
 * @param nuclear whether it has nuclear weapons
 * @param countries the countries it stands for (for alliance actors such as NATO's members)
 * @param resolve &isin; [0, 1]: the share of its war costs it discounts when judging whether it is
 *     hurting (ripeness) and whether to settle
 * @param painThreshold &pi; &ge; 0: felt cumulative cost at which the actor is hurting
 * @param credibility &kappa;_0 &isin; [0, 1]: the opponent's initial belief that the actor carries
 *     out its threats (its replies are expected with this weight)
 * @param rationality &lambda; &ge; 0 of its quantal response; {@code Double.POSITIVE_INFINITY} is
 *     best response
 * @param noise perception noise &sigma; &ge; 0, in rungs
 * @param threatBias perception bias b, in rungs (&gt; 0 reads moves as more hostile)
 * @param factions its factions with influence and weights (at least one)
 * @param policy how it chooses
 * @param script the moves of a scripted policy (see {@link ScriptStep}); empty otherwise
 */
public record Actor(
    String id,
    String name,
    Side side,
    boolean principal,
    boolean nuclear,
    List<String> countries,
    double resolve,
    double painThreshold,
    double credibility,
    double rationality,
    double noise,
    double threatBias,
    List<Faction> factions,
    PolicyKind policy,
    List<ScriptStep> script) {
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(policy, "policy");
    name = name == null ? id : name;
    countries = List.copyOf(countries == null ? List.of() : countries);
    factions = List.copyOf(factions);
    script = List.copyOf(script == null ? List.of() : script);
    Checks.unit(id + ".resolve", resolve);
    Checks.nonNegative(id + ".painThreshold", painThreshold);
    Checks.unit(id + ".credibility", credibility);
    if (!(rationality >= 0)) {
      throw new IllegalArgumentException(id + ".rationality must be >= 0, was " + rationality);
    }
    Checks.nonNegative(id + ".perception.noise", noise);
    if (!Double.isFinite(threatBias)) {
      throw new IllegalArgumentException(id + ".perception.threatBias must be finite");
    }
    if (principal && factions.isEmpty()) {
      throw new IllegalArgumentException(id + ": a principal actor needs at least one faction");
    }
    if (policy == PolicyKind.SCRIPTED && script.isEmpty()) {
      throw new IllegalArgumentException(id + ": a scripted policy needs a non-empty script");
    }
  }
}
