package spiral.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import spiral.bargain.Negotiation;
import spiral.ladder.Ladder;

/**
 * A crisis scenario as read from a scenario file (DESIGN.md §2), after schema and reference
 * validation. Immutable.
 *
 * @param id short name
 * @param name display name
 * @param description what the scenario is, and which parameters are illustrative
 * @param source the study or text it follows
 * @param illustrative the parameters that are illustrative assumptions, in words
 * @param ladder the escalation ladder
 * @param horizon the number of turns (moves) after the initiating event before a run is
 *     protracted
 * @param containTurns k: consecutive turns below the initiating rung that contain the crisis (0
 *     turns containment off)
 * @param stopAtStrategic whether a run goes on after first nuclear use until strategic exchange
 * @param model the model constants
 * @param actors the actors
 * @param alliances the alliances
 * @param targets the targets
 * @param initiatingEvent the attack that opens the crisis
 * @param packages the non-kinetic packages by id (the built-in defaults merged with the file's)
 * @param options the named moves
 * @param goals the criteria for judging responses
 * @param uncertainties distributions over parameters
 * @param negotiation the negotiation section, or null
 * @param history the historical crisis the scenario follows and its recorded ending, or null
 */
public record Scenario(
    String id,
    String name,
    String description,
    String source,
    List<String> illustrative,
    Ladder ladder,
    int horizon,
    int containTurns,
    boolean stopAtStrategic,
    ModelConstants model,
    List<Actor> actors,
    List<Alliance> alliances,
    List<Target> targets,
    InitiatingEvent initiatingEvent,
    Map<String, NonKineticPackage> packages,
    List<Option> options,
    List<Goal> goals,
    List<Uncertainty> uncertainties,
    Negotiation negotiation,
    HistoryRecord history) {
  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    if (negotiation == null) {
      Objects.requireNonNull(ladder, "ladder");
      Objects.requireNonNull(initiatingEvent, "initiatingEvent");
    }
    name = name == null ? id : name;
    description = description == null ? "" : description;
    source = source == null ? "" : source;
    illustrative = List.copyOf(illustrative == null ? List.of() : illustrative);
    actors = List.copyOf(actors);
    alliances = List.copyOf(alliances == null ? List.of() : alliances);
    targets = List.copyOf(targets == null ? List.of() : targets);
    packages = Map.copyOf(packages == null ? Map.of() : packages);
    options = List.copyOf(options == null ? List.of() : options);
    goals = List.copyOf(goals == null ? List.of() : goals);
    uncertainties = List.copyOf(uncertainties == null ? List.of() : uncertainties);
    if (horizon < 1 || horizon > 10_000) {
      throw new IllegalArgumentException("horizon must be in 1..10000, was " + horizon);
    }
    if (containTurns < 0) {
      throw new IllegalArgumentException("containTurns must be >= 0, was " + containTurns);
    }
  }

  /** Whether the scenario has an escalation model (ladder, actors, initiating event). */
  public boolean hasEscalation() {
    return ladder != null && initiatingEvent != null;
  }

  /** The principal actor of a side. */
  public Actor principal(Side side) {
    for (Actor a : actors) {
      if (a.side() == side && a.principal()) {
        return a;
      }
    }
    throw new IllegalStateException("no principal actor on the " + side.fileName() + " side");
  }

  /** The actor with this id. */
  public Actor actor(String actorId) {
    for (Actor a : actors) {
      if (a.id().equals(actorId)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no actor '" + actorId + "'");
  }

  /** The target with this id. */
  public Target target(String targetId) {
    for (Target t : targets) {
      if (t.id().equals(targetId)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no target '" + targetId + "'");
  }
}
