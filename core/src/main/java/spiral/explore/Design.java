package spiral.explore;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An experimental design as a value: named parameters and points in the unit cube [0, 1]^d,
 * one row per point, one column per parameter, in the parameter order of {@link #names()}.
 *
 * <p>Points are kept in unit coordinates so that one design can be reused over any parameter
 * ranges or distributions; {@link #toUnits(double[], double[])} maps them linearly onto ranges,
 * and {@link Distributions#quantile} onto a distribution (for the latter, avoid designs with
 * coordinates exactly 0 or 1 when a distribution is unbounded). The generators live in {@link
 * Designs}; the ordering of rows is part of each generator's contract (for example Morris
 * trajectories are consecutive blocks of d + 1 rows).
 *
 * <p>The array is copied in and out, so a design is immutable; {@code equals} compares contents.
 * Cost: O(n d) to build, copy or compare.
 *
 * @param names parameter names, distinct and non-blank
 * @param points the points, [point][parameter], each coordinate finite and in [0, 1]
 */
public record Design(List<String> names, double[][] points) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException for duplicate or blank names, a row of the wrong length, or
   *     a coordinate outside [0, 1]
   */
  public Design {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    Objects.requireNonNull(points, "points");
    var seen = new HashSet<String>();
    for (String name : names) {
      if (name.isBlank() || !seen.add(name)) {
        throw new IllegalArgumentException("parameter names must be distinct and non-blank: "
            + names);
      }
    }
    int d = names.size();
    double[][] copy = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      double[] row = Objects.requireNonNull(points[i], "points[" + i + "]");
      if (row.length != d) {
        throw new IllegalArgumentException("point " + i + " has " + row.length
            + " coordinates, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!(row[j] >= 0 && row[j] <= 1)) {
          throw new IllegalArgumentException("point " + i + ", parameter '" + names.get(j)
              + "' is " + row[j] + ", outside [0, 1]");
        }
      }
      copy[i] = row.clone();
    }
    points = copy;
  }

  /** A copy of the points, [point][parameter]. */
  @Override
  public double[][] points() {
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      out[i] = points[i].clone();
    }
    return out;
  }

  /** The number of points. */
  public int size() {
    return points.length;
  }

  /** The number of parameters d. */
  public int dimension() {
    return names.size();
  }

  /**
   * A copy of point {@code i}.
   *
   * @throws IndexOutOfBoundsException if i is not a point index
   */
  public double[] point(int i) {
    return points[i].clone();
  }

  /**
   * The points mapped linearly onto parameter ranges: coordinate u of parameter j becomes
   * low[j] + u (high[j] - low[j]). Cost: O(n d).
   *
   * @throws IllegalArgumentException if the bounds do not have d finite entries with low &le;
   *     high
   */
  public double[][] toUnits(double[] low, double[] high) {
    int d = dimension();
    if (low.length != d || high.length != d) {
      throw new IllegalArgumentException("need " + d + " bounds, got " + low.length + " and "
          + high.length);
    }
    for (int j = 0; j < d; j++) {
      if (!(Double.isFinite(low[j]) && Double.isFinite(high[j]) && low[j] <= high[j])) {
        throw new IllegalArgumentException("bad range for '" + names.get(j) + "': ["
            + low[j] + ", " + high[j] + "]");
      }
    }
    double[][] out = new double[points.length][d];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = low[j] + points[i][j] * (high[j] - low[j]);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Design other && names.equals(other.names)
        && Arrays.deepEquals(points, other.points);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.deepHashCode(points);
  }

  @Override
  public String toString() {
    return "Design[names=" + names + ", points=" + points.length + "]";
  }
}
