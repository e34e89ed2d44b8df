package spiral.bargain;

import java.util.List;
import java.util.Objects;

/**
 * A named agreement: one level per issue.
 *
 * @param id identifier
 * @param name display name
 * @param by who proposed it (any actor), or empty
 * @param date when (YYYY-MM-DD or YYYY-MM), or empty
 * @param source where it is reported, or empty
 * @param levels level index per issue, in the negotiation's issue order
 */
public record Proposal(String id, String name, String by, String date, String source, List<Integer> levels) {
  public Proposal {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    by = by == null ? "" : by;
    date = date == null ? "" : date;
    source = source == null ? "" : source;
    levels = List.copyOf(levels);
  }
}
