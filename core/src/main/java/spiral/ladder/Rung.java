package spiral.ladder;

import java.util.Objects;

/**
 * One rung of an escalation ladder.
 *
 * @param level the rung's level; levels of a ladder are 0, 1, ..., R without gaps
 * @param name what happens at this rung
 * @param group the group of rungs it belongs to (Kahn's "subcrisis maneuvering", ...)
 * @param damage d(r) &ge; 0, the damage an act at this rung does to the side it is aimed at
 * @param inadvertentRisk a(r) &isin; [0, 1], the probability that an act meant at this rung lands
 *     one rung higher (inadvertent or accidental escalation, Morgan et al. 2008)
 * @param kind the class of the act, for the escalation score
 */
public record Rung(
    int level, String name, String group, double damage, double inadvertentRisk, ActKind kind) {
  public Rung {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    group = group == null ? "" : group;
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
  }
}
