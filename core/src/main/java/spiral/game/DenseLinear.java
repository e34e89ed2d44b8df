package spiral.game;

/**
 * Dense linear systems in floating point for the path-following solvers (logit, global Newton):
 * Gaussian elimination with partial pivoting. Cost: O(m³) for m equations.
 */
final class DenseLinear {
  private DenseLinear() {}

  /**
   * Solves a·x = b, overwriting a and b; null when a is singular to working precision.
   */
  static double[] solve(double[][] a, double[] b) {
    int m = b.length;
    for (int c = 0; c < m; c++) {
      int piv = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][c]) < 1e-300) {
        return null;
      }
      double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < m; r++) {
        double f = a[r][c] / a[c][c];
        if (f != 0) {
          for (int k = c; k < m; k++) {
            a[r][k] -= f * a[c][k];
          }
          b[r] -= f * b[c];
        }
      }
    }
    double[] x = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < m; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
