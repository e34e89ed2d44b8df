package spiral.explore;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Saltelli's sampling scheme for Sobol' indices (Saltelli 2002; Saltelli et al. 2010): two
 * independent N &times; d matrices A and B and, for each parameter i, the matrix A_B^(i) equal
 * to A except for column i, taken from B. The model is run on all N (d + 2) rows. With {@code
 * secondOrder} (SALib's {@code calc_second_order}) the design also holds, for each i, B_A^(i):
 * B with column i taken from A, which second-order indices need (Saltelli 2002), N (2d + 2)
 * rows in all.
 *
 * <p>{@link #design()} stacks the rows as A, B, A_B^(1), .., A_B^(d) and then, with second
 * order, B_A^(1), .., B_A^(d): the order {@link SobolAnalysis#analyze(SaltelliDesign, double[],
 * int, double, RandomGenerator)} expects. Immutable (arrays are copied in and out). Cost:
 * O(N d^2) to build.
 *
 * <p>Reference: Saltelli, A. (2002), Making best use of model evaluations to compute sensitivity
 * indices, Computer Physics Communications 145, 280-297.
 *
 * @param names the parameter names
 * @param a matrix A, [row][parameter] in the unit cube
 * @param b matrix B, same shape as A
 * @param secondOrder whether the design holds the B_A^(i) blocks for second-order indices
 */
public record SaltelliDesign(List<String> names, double[][] a, double[][] b,
    boolean secondOrder) {

  /** The largest number of parameters {@link #sobol} supports: half the sequence's dimensions. */
  public static final int MAX_PARAMETERS = SobolSequence.MAX_DIMENSION / 2;

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

  /** A first- and total-order design (no B_A blocks). */
  public SaltelliDesign(List<String> names, double[][] a, double[][] b) {
    this(names, a, b, false);
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
    return sobol(names, n, skip, false);
  }

  /**
   * As {@link #sobol(List, int, long)}, with the B_A^(i) blocks when {@code secondOrder}.
   *
   * @throws IllegalArgumentException as {@link #sobol(List, int, long)}
   */
  public static SaltelliDesign sobol(List<String> names, int n, long skip,
      boolean secondOrder) {
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
    return new SaltelliDesign(names, a, b, secondOrder);
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

  /** B_A^(i): B with column i from A (the second-order blocks). */
  public double[][] ba(int i) {
    Objects.checkIndex(i, names.size());
    double[][] m = copy(b);
    for (int r = 0; r < m.length; r++) {
      m[r][i] = a[r][i];
    }
    return m;
  }

  /** The number of model runs: N (d + 2), or N (2d + 2) with second order. */
  public int size() {
    return rows(a.length, names.size(), secondOrder);
  }

  /**
   * The rows of a design of N base points over d parameters: N (d + 2), or N (2d + 2) with
   * second order.
   */
  public static int rows(int n, int d, boolean secondOrder) {
    return Math.multiplyExact(n, secondOrder ? 2 * d + 2 : d + 2);
  }

  /**
   * All rows stacked as A, B, A_B^(1), .., A_B^(d), and then B_A^(1), .., B_A^(d) with second
   * order.
   */
  public Design design() {
    int n = a.length;
    int d = names.size();
    double[][] x = new double[size()][];
    for (int r = 0; r < n; r++) {
      x[r] = a[r];
      x[n + r] = b[r];
    }
    for (int i = 0; i < d; i++) {
      System.arraycopy(ab(i), 0, x, n * (2 + i), n);
      if (secondOrder) {
        System.arraycopy(ba(i), 0, x, n * (2 + d + i), n);
      }
    }
    return new Design(names, x);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaltelliDesign other && names.equals(other.names)
        && secondOrder == other.secondOrder && java.util.Arrays.deepEquals(a, other.a)
        && java.util.Arrays.deepEquals(b, other.b);
  }

  @Override
  public int hashCode() {
    return names.hashCode() + 31 * java.util.Arrays.deepHashCode(a)
        + 961 * java.util.Arrays.deepHashCode(b) + (secondOrder ? 1 : 0);
  }

  @Override
  public String toString() {
    return "SaltelliDesign[names=" + names + ", N=" + a.length
        + (secondOrder ? ", second order" : "") + "]";
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
