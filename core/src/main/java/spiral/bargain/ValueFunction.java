package spiral.bargain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much a party values each level of an issue, in [0, 1]: linear or concave along the issue,
 * piecewise linear through points, or a table of levels.
 *
 * @param type linear, concave, piecewise or table
 * @param increasing whether higher levels are better (linear and concave)
 * @param exponent the concave exponent in (0, 1]
 * @param points piecewise: {x, v} points, x increasing, in the issue's units
 * @param table table: level name → value
 */
public record ValueFunction(
    Type type, boolean increasing, double exponent, List<double[]> points, Map<String, Double> table) {
  /** The forms of value function. */
  public enum Type {
    LINEAR,
    CONCAVE,
    PIECEWISE,
    TABLE
  }

  /** The default: linear, increasing. */
  public static final ValueFunction LINEAR_UP =
      new ValueFunction(Type.LINEAR, true, 1, List.of(), Map.of());

  public ValueFunction {
    Objects.requireNonNull(type, "type");
    points = List.copyOf(points == null ? List.of() : points);
    table = Map.copyOf(table == null ? Map.of() : table);
  }

  /** The value of level i of the issue. */
  public double value(Issue issue, int i) {
    return switch (type) {
      case LINEAR -> increasing ? issue.z(i) : 1 - issue.z(i);
      case CONCAVE -> Math.pow(increasing ? issue.z(i) : 1 - issue.z(i), exponent);
      case TABLE -> table.get(issue.levels().get(i));
      case PIECEWISE -> piecewise(issue.x(i));
    };
  }

  /**
   * The value at a point x of a numeric issue's range (clamped to [min, max]), between the grid
   * levels as well as on them: the same formula as {@link #value} for linear, concave and
   * piecewise functions; a table is interpolated linearly between its levels.
   */
  public double valueAt(Issue issue, double x) {
    double xc = Math.max(issue.min(), Math.min(issue.max(), x));
    double z = issue.kind() == Issue.Kind.NUMERIC ? (xc - issue.min()) / (issue.max() - issue.min())
        : xc / (issue.size() - 1);
    return switch (type) {
      case LINEAR -> increasing ? z : 1 - z;
      case CONCAVE -> Math.pow(increasing ? z : 1 - z, exponent);
      case PIECEWISE -> piecewise(xc);
      case TABLE -> {
        double pos = z * (issue.size() - 1);
        int i = (int) Math.min(issue.size() - 2, Math.floor(pos));
        double a = table.get(issue.levels().get(i));
        double b = table.get(issue.levels().get(i + 1));
        yield a + (b - a) * (pos - i);
      }
    };
  }

  private double piecewise(double x) {
    double[] first = points.get(0);
    if (x <= first[0]) {
      return first[1];
    }
    for (int k = 1; k < points.size(); k++) {
      double[] a = points.get(k - 1);
      double[] b = points.get(k);
      if (x <= b[0]) {
        return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
      }
    }
    return points.get(points.size() - 1)[1];
  }
}
