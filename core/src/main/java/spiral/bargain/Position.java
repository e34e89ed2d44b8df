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
 */
public record Position(
    String date, String actor, String statement, String source, String proposal, List<Integer> levels) {
  public Position {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(statement, "statement");
    source = source == null ? "" : source;
    levels = List.copyOf(levels);
  }

  /** Whether the position says anything about the issue space. */
  public boolean mapped() {
    return levels.stream().anyMatch(l -> l >= 0);
  }
}
