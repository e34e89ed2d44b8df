package spiral.bargain;

import java.util.List;
import java.util.Objects;

/**
 * One issue of a negotiation: an ordinal scale of named levels (territory lines), a boolean (bloc
 * status), or a numeric range searched on a grid (force caps, years of deferral).
 *
 * @param id identifier
 * @param name display name
 * @param kind ordinal, boolean or numeric
 * @param levels the level names in order (for boolean: false, true; for numeric: the grid values
 *     as text)
 * @param min numeric: lower end (ordinal and boolean: 0)
 * @param max numeric: upper end (ordinal and boolean: levels &minus; 1)
 * @param step numeric: grid step (ordinal and boolean: 1)
 * @param unit numeric: unit of the values
 */
public record Issue(
    String id, String name, Kind kind, List<String> levels, double min, double max, double step, String unit) {
  /** The kinds of issue. */
  public enum Kind {
    ORDINAL,
    BOOLEAN,
    NUMERIC
  }

  public Issue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    name = name == null ? id : name;
    levels = List.copyOf(levels);
    unit = unit == null ? "" : unit;
    if (levels.size() < 2) {
      throw new IllegalArgumentException("issue " + id + " needs at least 2 levels");
    }
  }

  /** Number of levels (grid points for a numeric issue). */
  public int size() {
    return levels.size();
  }

  /** The value of level i: its grid value for a numeric issue, its index otherwise. */
  public double x(int i) {
    return kind == Kind.NUMERIC ? Math.min(max, min + i * step) : i;
  }

  /** Position of level i along the issue, in [0, 1]. */
  public double z(int i) {
    return kind == Kind.NUMERIC ? (x(i) - min) / (max - min) : (double) i / (size() - 1);
  }

  /** The level names as a display value: the numeric value with its unit, or the level name. */
  public String label(int i) {
    return levels.get(i);
  }

  /** The grid index nearest to a numeric value. */
  public int nearest(double value) {
    int best = 0;
    for (int i = 1; i < size(); i++) {
      if (Math.abs(x(i) - value) < Math.abs(x(best) - value)) {
        best = i;
      }
    }
    return best;
  }
}
