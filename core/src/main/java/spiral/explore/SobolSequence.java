package spiral.explore;

/**
 * The Sobol' low-discrepancy sequence (Sobol' 1967) in base 2 with the direction numbers of Joe
 * &amp; Kuo (2008), file {@code new-joe-kuo-6.21201}, for up to {@value #MAX_DIMENSION}
 * dimensions, generated in Gray-code order (Antonov &amp; Saleev 1979) with 32-bit precision.
 *
 * <p>Point 0 is the origin and is included: {@code generate(n, d, 0)} returns the points of
 * index 0 .. n - 1, the same as SciPy's {@code qmc.Sobol(d, scramble=False)}; pass {@code skip}
 * to start later. Keeping the origin preserves the net property: the first 2^k points put
 * exactly one point in each of the 2^k equal bins of every one-dimensional projection.
 * Deterministic, so no seed. Cost: O(d) words per point after an O(32 d) table set-up.
 */
public final class SobolSequence {
  /** The number of dimensions whose direction numbers are embedded. */
  public static final int MAX_DIMENSION = 32;

  private static final int BITS = 32;

  // Joe & Kuo (2008), new-joe-kuo-6.21201, dimensions 2..32: {s, a, m_1, ..., m_s}.
  private static final int[][] JOE_KUO = {
    {1, 0, 1},
    {2, 1, 1, 3},
    {3, 1, 1, 3, 1},
    {3, 2, 1, 1, 1},
    {4, 1, 1, 1, 3, 3},
    {4, 4, 1, 3, 5, 13},
    {5, 2, 1, 1, 5, 5, 17},
    {5, 4, 1, 1, 5, 5, 5},
    {5, 7, 1, 1, 7, 11, 19},
    {5, 11, 1, 1, 5, 1, 1},
    {5, 13, 1, 1, 1, 3, 11},
    {5, 14, 1, 3, 5, 5, 31},
    {6, 1, 1, 3, 3, 9, 7, 49},
    {6, 13, 1, 1, 1, 15, 21, 21},
    {6, 16, 1, 3, 1, 13, 27, 49},
    {6, 19, 1, 1, 1, 15, 7, 5},
    {6, 22, 1, 3, 1, 15, 13, 25},
    {6, 25, 1, 1, 5, 5, 19, 61},
    {7, 1, 1, 3, 7, 11, 23, 15, 103},
    {7, 4, 1, 3, 7, 13, 13, 15, 69},
    {7, 7, 1, 1, 3, 13, 7, 35, 63},
    {7, 8, 1, 3, 5, 9, 1, 25, 53},
    {7, 14, 1, 3, 1, 13, 9, 35, 107},
    {7, 19, 1, 3, 1, 5, 27, 61, 31},
    {7, 21, 1, 1, 5, 11, 19, 41, 61},
    {7, 28, 1, 3, 5, 3, 3, 13, 69},
    {7, 31, 1, 1, 7, 13, 1, 19, 1},
    {7, 32, 1, 3, 7, 5, 13, 19, 59},
    {7, 37, 1, 1, 3, 9, 25, 29, 41},
    {7, 41, 1, 3, 5, 13, 23, 1, 55},
    {7, 42, 1, 3, 7, 3, 13, 59, 17},
  };

  private SobolSequence() {}

  /**
   * Points skip .. skip + n - 1 of the d-dimensional sequence, [point][dimension], each
   * coordinate a multiple of 2^-32 in [0, 1).
   *
   * @throws IllegalArgumentException if n &lt; 0, skip &lt; 0, d outside 1 ..
   *     {@value #MAX_DIMENSION}, or skip + n &gt; 2^32
   */
  public static double[][] generate(int n, int d, long skip) {
    if (n < 0 || skip < 0 || d < 1 || d > MAX_DIMENSION) {
      throw new IllegalArgumentException("need n >= 0, skip >= 0 and 1 <= d <= "
          + MAX_DIMENSION + ", were " + n + ", " + skip + ", " + d);
    }
    if (skip + n > (1L << BITS)) {
      throw new IllegalArgumentException("only 2^32 points exist, asked up to index "
          + (skip + n - 1));
    }
    long[][] v = directions(d);
    long[] x = new long[d];
    // jump to index skip: x = XOR of v[c] over the set bits c of gray(skip)
    long gray = skip ^ (skip >>> 1);
    for (int c = 0; c < BITS; c++) {
      if (((gray >>> c) & 1) != 0) {
        for (int j = 0; j < d; j++) {
          x[j] ^= v[j][c];
        }
      }
    }
    double scale = 1.0 / (1L << BITS);
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = x[j] * scale;
      }
      long index = skip + i;
      int c = Long.numberOfTrailingZeros(~index); // rightmost zero bit of index
      if (c < BITS) {
        for (int j = 0; j < d; j++) {
          x[j] ^= v[j][c];
        }
      }
    }
    return out;
  }

  /** Direction numbers v[dim][k] = m_{k+1} 2^{32-(k+1)}, as unsigned 32-bit values. */
  private static long[][] directions(int d) {
    long[][] v = new long[d][BITS];
    for (int k = 0; k < BITS; k++) {
      v[0][k] = 1L << (BITS - 1 - k);
    }
    for (int j = 1; j < d; j++) {
      int[] row = JOE_KUO[j - 1];
      int s = row[0];
      int a = row[1];
      for (int k = 0; k < Math.min(s, BITS); k++) {
        v[j][k] = ((long) row[2 + k]) << (BITS - 1 - k);
      }
      for (int k = s; k < BITS; k++) {
        long value = v[j][k - s] ^ (v[j][k - s] >>> s);
        for (int l = 1; l < s; l++) {
          if (((a >>> (s - 1 - l)) & 1) != 0) {
            value ^= v[j][k - l];
          }
        }
        v[j][k] = value;
      }
    }
    return v;
  }
}
