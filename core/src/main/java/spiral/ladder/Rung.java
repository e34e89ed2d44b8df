package spiral.ladder;

import java.util.Objects;

/**
 * One rung of an escalation ladder.
 *
 * @param level the rung's level; levels of a ladder are 0, 1, ..., R without gaps
 * @param name what happens at this rung, as the ladder's author names it (often from one side's
 *     point of view: "strikes on NATO bases")
 * @param group the group of rungs it belongs to (Kahn's "subcrisis maneuvering", ...)
 * @param damage d(r) &ge; 0, the damage an act at this rung does to the side it is aimed at
 * @param inadvertentRisk a(r) &isin; [0, 1], the probability that an act meant at this rung lands
 *     one rung higher (inadvertent or accidental escalation, Morgan et al. 2008)
 * @param kind the class of the act, for the escalation score
 * @param act the act at this rung said from no side's point of view, to be put after the actor
 *     that takes it ("strikes on several of the opponent's bases"); the name when not given
 * @param pressure escalation pressure, &ge; 0, that an act at this rung puts on the side it is
 *     aimed at beyond its damage: strikes on the homeland or on strategic (nuclear-related) assets
 *     make the struck side more willing to climb (Posen 1991; MODEL.md &sect;8.3)
 * @param warRisk w(r) &isin; [0, 1], the probability that an act meant at this rung, below the
 *     direct-war threshold, sets off a direct war that neither side chose: the side struck reads
 *     it as the opening of a general war against it, or the clash widens beyond what either
 *     command meant (Morgan et al. 2008's inadvertent escalation; RAND PEA1971-1's pathway of
 *     NATO's entry into the war seen as imminent). The sides do not weigh it when they choose
 *     (it is the threshold they did not know of); 0 at and above the direct-war threshold
 */
public record Rung(
    int level,
    String name,
    String group,
    double damage,
    double inadvertentRisk,
    ActKind kind,
    String act,
    double pressure,
    double warRisk) {
  public Rung {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    group = group == null ? "" : group;
    act = act == null || act.isBlank() ? name : act;
    if (level < 0) {
      throw new IllegalArgumentException("rung level must be >= 0, was " + level);
    }
    if (!(damage >= 0) || Double.isInfinite(damage)) {
      throw new IllegalArgumentException("rung " + level + ": damage must be >= 0, was " + damage);
    }
    if (!(inadvertentRisk >= 0 && inadvertentRisk <= 1)) {
      throw new IllegalArgumentException(
          "rung " + level + ": inadvertentRisk must be in [0, 1], was " + inadvertentRisk);
    }
    if (!(pressure >= 0) || Double.isInfinite(pressure)) {
      throw new IllegalArgumentException(
          "rung " + level + ": pressure must be >= 0, was " + pressure);
    }
    if (!(warRisk >= 0 && warRisk <= 1)) {
      throw new IllegalArgumentException(
          "rung " + level + ": warRisk must be in [0, 1], was " + warRisk);
    }
  }

  /** A rung whose act is its name and that adds no escalation pressure beyond its damage. */
  public Rung(
      int level, String name, String group, double damage, double inadvertentRisk, ActKind kind) {
    this(level, name, group, damage, inadvertentRisk, kind, null, 0, 0);
  }

  /** The act said from its actor's side: "Russia: strikes on several of the opponent's bases". */
  public String actBy(String actorName) {
    return actorName + ": " + act;
  }
}
