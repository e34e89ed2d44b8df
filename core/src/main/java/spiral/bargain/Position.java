package spiral.bargain;

import java.util.List;
import java.util.Objects;

/**
 * A dated public position and what it maps to in the issue space.
 *
 * @param date YYYY-MM-DD or YYYY-MM
 * @param actor who stated it (a party or any other actor)
 * @param statement what was said
 * @param source where it is reported
 * @param proposal the proposal it stands for, or null
 * @param levels level index per issue (in issue order), -1 where the statement says nothing; all
 *     -1 when it maps onto no agreement
 * @param nonNegotiable issue ids the actor (a party) declares not negotiable from this date: it
 *     accepts no agreement worse for it on the issue than the level stated here, until a later
 *     position of its own reopens the issue
 * @param refusesTalks true: from this date the actor accepts no agreement at all; false: a refusal
 *     of talks declared earlier is lifted; null: neither
 * @param reopens issue ids on which an earlier non-negotiable stand of the actor is lifted
 */
public record Position(
    String date, String actor, String statement, String source, String proposal, List<Integer> levels,
    List<String> nonNegotiable, Boolean refusesTalks, List<String> reopens) {
  public Position {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(statement, "statement");
    source = source == null ? "" : source;
    levels = List.copyOf(levels);
    nonNegotiable = List.copyOf(nonNegotiable == null ? List.of() : nonNegotiable);
    reopens = List.copyOf(reopens == null ? List.of() : reopens);
  }

  /** Whether the position changes what its actor accepts from its date on. */
  public boolean changesStand() {
    return !nonNegotiable.isEmpty() || refusesTalks != null || !reopens.isEmpty();
  }

  /** Whether the position says anything about the issue space. */
  public boolean mapped() {
    return levels.stream().anyMatch(l -> l >= 0);
  }
}
