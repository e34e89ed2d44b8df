package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathTracerTest {
  /**
   * The QR factorisation on sparse matrices with negative entries above zeros (where a rotation
   * is the identity or a half turn and is skipped or done as a sign change): q stays orthogonal,
   * q times the matrix is the upper triangle left in it, and the tangent (q's last row) is
   * orthogonal to every column.
   */
  @Test
  void theFactorisationHoldsOnSparseMatricesWithNegativeDiagonals() {
    SplittableRandom random = new SplittableRandom(19);
    for (int trial = 0; trial < 200; trial++) {
      int m = 2 + random.nextInt(9);
      double[][] a = new double[m][m - 1];
      for (double[] row : a) {
        for (int e = 0; e < row.length; e++) {
          int kind = random.nextInt(3);
          row[e] = kind == 0 ? 0 : kind == 1 ? -1 - random.nextDouble() : random.nextDouble();
        }
      }
      double[][] b = new double[m][];
      for (int r = 0; r < m; r++) {
        b[r] = a[r].clone();
      }
      double[][] q = new double[m][m];
      PathTracer.qr(b, q);
      for (int r = 0; r < m; r++) {
        for (int s = 0; s < m; s++) {
          double dot = 0;
          for (int k = 0; k < m; k++) {
            dot += q[r][k] * q[s][k];
          }
          assertThat(dot).as("q q^T at (%d, %d)", r, s).isCloseTo(r == s ? 1 : 0, within(1e-12));
        }
        for (int c = 0; c < m - 1; c++) {
          double qa = 0;
          for (int k = 0; k < m; k++) {
            qa += q[r][k] * a[k][c];
          }
          double expected = r <= c ? b[r][c] : 0;
          assertThat(qa).as("(q a) at (%d, %d)", r, c).isCloseTo(expected, within(1e-12));
        }
      }
    }
  }
}
