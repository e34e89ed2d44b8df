package spiral.explore;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Saltelli's sampling scheme for Sobol' indices (Saltelli 2002; Saltelli et al. 2010): two
 * independent N &times; d matrices A and B and, for each parameter i, the matrix A_B^(i) equal
 * to A except for column i, taken from B. The model is run on all N (d + 2) rows.
 *
 * <p>{@link #design()} stacks the rows as A, B, A_B^(1), .., A_B^(d), the order {@link
 * SobolAnalysis#analyze(SaltelliDesign, double[], int, double, RandomGenerator)} expects.
 * Immutable (arrays are copied in and out). Cost: O(N d^2) to build.
 *
 * @param names the parameter names
 * @param a matrix A, [row][parameter] in the unit cube
 * @param b matrix B, same shape as A
 */
public record SaltelliDesign(List<String> names, double[][] a, double[][] b) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if A and B differ in shape, are empty, or fail {@link
   *     Design}'s checks
   */
  public SaltelliDesign {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    a = new Design(names, a).points();
    b = new Design(names, b).points();
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("A and B need the same, positive number of rows, had "
          + a.length + " and " + b.length);
    }
  }

  /**
   * A and B from one 2d-dimensional Sobol' sequence (A the first d columns, B the last d), as in
   * Saltelli et al. (2010). Deterministic.
   *
   * @param n rows N of A and B; a power of two keeps the balance property
   * @param skip the sequence index to start at (0 includes the origin)
   * @throws IllegalArgumentException if 2d exceeds {@link SobolSequence#MAX_DIMENSION} (use
   *     {@link #random}) or n &lt; 1
   */
  public static SaltelliDesign sobol(List<String> names, int n, long skip) {
    int d = names.size();
    if (n < 1) {
      throw new IllegalArgumentException("need n >= 1, was " + n);
    }
    if (2 * d > SobolSequence.MAX_DIMENSION) {
      throw new IllegalArgumentException("a Sobol'-based Saltelli design needs 2d <= "
          + SobolSequence.MAX_DIMENSION + ", d was " + d);
    }
    double[][] s = SobolSequence.generate(n, 2 * d, skip);
    double[][] a = new double[n][d];
    double[][] b = new double[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(s[i], 0, a[i], 0, d);
      System.arraycopy(s[i], d, b[i], 0, d);
    }
    return new SaltelliDesign(names, a, b);
  }

  /**
   * A and B of independent uniform numbers from {@code rng} (crude Monte Carlo), for any d.
   *
   * @throws IllegalArgumentException if n &lt; 1
   */
  public static SaltelliDesign random(List<String> names, int n, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    if (n < 1) {
      throw new IllegalArgumentException("need n >= 1, was " + n);
    }
    int d = names.size();
    double[][] a = new double[n][d];
    double[][] b = new double[n][d];
    for (double[][] m : new double[][][] {a, b}) {
      for (double[] row : m) {
        for (int j = 0; j < d; j++) {
          row[j] = rng.nextDouble();
        }
      }
    }
    return new SaltelliDesign(names, a, b);
  }

  /** A copy of A. */
  @Override
  public double[][] a() {
    return copy(a);
  }

  /** A copy of B. */
  @Override
  public double[][] b() {
    return copy(b);
  }

  /** N, the rows of A. */
  public int baseSize() {
    return a.length;
  }

  /** A_B^(i): A with column i from B. */
  public double[][] ab(int i) {
    Objects.checkIndex(i, names.size());
    double[][] m = copy(a);
    for (int r = 0; r < m.length; r++) {
      m[r][i] = b[r][i];
    }
    return m;
  }

  /** All N (d + 2) rows stacked as A, B, A_B^(1), .., A_B^(d). */
  public Design design() {
    int n = a.length;
    int d = names.size();
    double[][] x = new double[n * (d + 2)][];
    for (int r = 0; r < n; r++) {
      x[r] = a[r];
      x[n + r] = b[r];
    }
    for (int i = 0; i < d; i++) {
      double[][] m = ab(i);
      System.arraycopy(m, 0, x, n * (2 + i), n);
    }
    return new Design(names, x);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaltelliDesign other && names.equals(other.names)
        && java.util.Arrays.deepEquals(a, other.a) && java.util.Arrays.deepEquals(b, other.b);
  }

  @Override
  public int hashCode() {
    return names.hashCode() + 31 * java.util.Arrays.deepHashCode(a)
        + 961 * java.util.Arrays.deepHashCode(b);
  }

  @Override
  public String toString() {
    return "SaltelliDesign[names=" + names + ", N=" + a.length + "]";
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
