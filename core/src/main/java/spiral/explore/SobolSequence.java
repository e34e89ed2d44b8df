package spiral.explore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Sobol' low-discrepancy sequence (Sobol' 1967) in base 2 with the direction numbers of Joe
 * &amp; Kuo (2008), file {@code new-joe-kuo-6.21201}, for up to {@value #MAX_DIMENSION}
 * dimensions, generated in Gray-code order (Antonov &amp; Saleev 1979) with 32-bit precision.
 *
 * <p>Point 0 is the origin and is included: {@code generate(n, d, 0)} returns the points of
 * index 0 .. n - 1, the same as SciPy's {@code qmc.Sobol(d, scramble=False)}; pass {@code skip}
 * to start later. Keeping the origin preserves the net property: the first 2^k points put
 * exactly one point in each of the 2^k equal bins of every one-dimensional projection.
 * Deterministic, so no seed. The direction numbers of dimensions 2 .. {@value #MAX_DIMENSION}
 * are read once from the resource {@code joe-kuo-6.txt} (with Joe &amp; Kuo's licence notice).
 * Cost: O(d) words per point after an O(32 d) table set-up.
 *
 * <p>Reference: Joe, S. &amp; Kuo, F. Y. (2008), Constructing Sobol sequences with better
 * two-dimensional projections, SIAM Journal on Scientific Computing 30, 2635-2654.
 */
public final class SobolSequence {
  /** The number of dimensions whose direction numbers are embedded. */
  public static final int MAX_DIMENSION = 2000;

  private static final int BITS = 32;

  /** Joe &amp; Kuo's rows {s, a, m_1, ..., m_s} of dimensions 2 .. MAX_DIMENSION, read once. */
  private static final class Table {
    static final int[][] JOE_KUO = load();

    private static int[][] load() {
      int[][] rows = new int[MAX_DIMENSION - 1][];
      try (InputStream in = Objects.requireNonNull(
          SobolSequence.class.getResourceAsStream("joe-kuo-6.txt"), "joe-kuo-6.txt");
          BufferedReader r = new BufferedReader(new InputStreamReader(in,
              StandardCharsets.US_ASCII))) {
        String line;
        int k = 0;
        while ((line = r.readLine()) != null && k < rows.length) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.trim().split(" +");
          int[] row = new int[f.length - 1];
          for (int i = 1; i < f.length; i++) {
            row[i - 1] = Integer.parseInt(f[i]);
          }
          if (Integer.parseInt(f[0]) != k + 2 || row.length != row[0] + 2) {
            throw new IllegalStateException("joe-kuo-6.txt: bad row for dimension " + (k + 2)
                + ": " + line);
          }
          rows[k++] = row;
        }
        if (k != rows.length) {
          throw new IllegalStateException("joe-kuo-6.txt: " + k + " rows, expected "
              + rows.length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    }
  }

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
      int[] row = Table.JOE_KUO[j - 1];
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
