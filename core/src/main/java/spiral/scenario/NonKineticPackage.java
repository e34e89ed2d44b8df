package spiral.scenario;

import java.util.Objects;

/**
 * A non-kinetic package (RAND PEA2081-1's second dimension) and its effects.
 *
 * @param id {@code none}, {@code sanctions}, {@code isolation}, {@code aidSurge}, {@code cyber} or
 *     a scenario's own
 * @param rung the ladder rung of the package alone
 * @param credibility credit in rungs added to the move's rung when credibility is judged
 * @param punishment damage it does to the opponent
 * @param cost its cost to the actor that uses it
 * @param leverage momentum it adds to battlefield leverage
 */
public record NonKineticPackage(
    String id, int rung, double credibility, double punishment, double cost, double leverage) {
  public NonKineticPackage {
    Objects.requireNonNull(id, "id");
    if (rung < 0) {
      throw new IllegalArgumentException("packages." + id + ".rung must be >= 0, was " + rung);
    }
    Checks.nonNegative("packages." + id + ".punishment", punishment);
    Checks.nonNegative("packages." + id + ".cost", cost);
  }
}
