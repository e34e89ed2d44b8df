package spiral.scenario;

import java.util.Objects;

/**
 * A non-kinetic package (RAND PEA2081-1's second dimension) and its effects. Each of the four
 * built-in packages acts through a channel of its own (MODEL.md &sect;8.4): sanctions raise the
 * opponent's costs every turn from then on, isolation takes away part of the opponent's support,
 * an aid surge moves battlefield leverage every turn from then on, and cyber operations carry
 * their own inadvertent risk.
 *
 * @param id {@code none}, {@code sanctions}, {@code isolation}, {@code aidSurge}, {@code cyber} or
 *     a scenario's own
 * @param rung the ladder rung of the package alone
 * @param credibility credit in rungs counted with the move's rung when its shortfall against the
 *     attack is judged
 * @param punishment damage it does to the opponent at once
 * @param cost its cost to the actor that uses it
 * @param leverage aid channel: leverage added every turn from then on, toward the user's side
 * @param opponentCostRate sanctions channel: cost added to the opponent every turn from then on
 * @param opponentSupport isolation channel: share &isin; [0, 1] of the opponent's support lost
 *     (its resolve and the value it sees in attacking fall by that share)
 * @param inadvertentRisk cyber channel: probability &isin; [0, 1] added to the act's chance of
 *     landing one rung higher than meant
 */
public record NonKineticPackage(
    String id,
    int rung,
    double credibility,
    double punishment,
    double cost,
    double leverage,
    double opponentCostRate,
    double opponentSupport,
    double inadvertentRisk) {
  public NonKineticPackage {
    Objects.requireNonNull(id, "id");
    if (rung < 0) {
      throw new IllegalArgumentException("packages." + id + ".rung must be >= 0, was " + rung);
    }
    if (!Double.isFinite(credibility)) {
      throw new IllegalArgumentException("packages." + id + ".credibility must be finite");
    }
    Checks.nonNegative("packages." + id + ".punishment", punishment);
    Checks.nonNegative("packages." + id + ".cost", cost);
    if (!Double.isFinite(leverage)) {
      throw new IllegalArgumentException("packages." + id + ".leverage must be finite");
    }
    Checks.nonNegative("packages." + id + ".opponentCostRate", opponentCostRate);
    Checks.unit("packages." + id + ".opponentSupport", opponentSupport);
    Checks.unit("packages." + id + ".inadvertentRisk", inadvertentRisk);
  }

  /** A package with no effect: {@code none}, or the base of a scenario's new package. */
  public static NonKineticPackage empty(String id) {
    return new NonKineticPackage(id, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * This package with the numeric field {@code key} set to v.
   *
   * @throws IllegalArgumentException if key names no numeric field, or v is out of range
   */
  public NonKineticPackage with(String key, double v) {
    return switch (key) {
      case "credibility" -> new NonKineticPackage(id, rung, v, punishment, cost, leverage,
          opponentCostRate, opponentSupport, inadvertentRisk);
      case "punishment" -> new NonKineticPackage(id, rung, credibility, v, cost, leverage,
          opponentCostRate, opponentSupport, inadvertentRisk);
      case "cost" -> new NonKineticPackage(id, rung, credibility, punishment, v, leverage,
          opponentCostRate, opponentSupport, inadvertentRisk);
      case "leverage" -> new NonKineticPackage(id, rung, credibility, punishment, cost, v,
          opponentCostRate, opponentSupport, inadvertentRisk);
      case "opponentCostRate" -> new NonKineticPackage(id, rung, credibility, punishment, cost,
          leverage, v, opponentSupport, inadvertentRisk);
      case "opponentSupport" -> new NonKineticPackage(id, rung, credibility, punishment, cost,
          leverage, opponentCostRate, v, inadvertentRisk);
      case "inadvertentRisk" -> new NonKineticPackage(id, rung, credibility, punishment, cost,
          leverage, opponentCostRate, opponentSupport, v);
      default -> throw new IllegalArgumentException(
          "'packages." + id + "." + key + "' does not name a numeric parameter");
    };
  }
}
