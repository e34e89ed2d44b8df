package spiral.game;

import java.util.Arrays;

/**
 * Euclidean projection onto a product of probability simplices (one per player's block of a mixed
 * profile), for the gradient and path methods (liap, gnm): the sort-based algorithm of Held, Wolfe
 * and Crowder (1974), as in Duchi et al. (2008). Cost: O(m log m) per block of m strategies.
 */
final class Simplex {
  private Simplex() {}

  /**
   * Projects, in place, each block {@code x[first[i]..first[i+1])} of the first {@code players}
   * blocks onto the simplex.
   */
  /**
   * A profile drawn uniformly on each player's simplex (normalised exponential draws), the
   * strategies of player i at {@code first[i]..first[i + 1] - 1}. Cost: one draw per strategy.
   */
  static double[] uniform(int[] first, int players, java.util.SplittableRandom rng) {
    double[] x = new double[first[players]];
    for (int i = 0; i < players; i++) {
      double sum = 0;
      for (int k = first[i]; k < first[i + 1]; k++) {
        x[k] = -Math.log(1 - rng.nextDouble());
        sum += x[k];
      }
      for (int k = first[i]; k < first[i + 1]; k++) {
        x[k] /= sum;
      }
    }
    return x;
  }

  static void project(double[] x, int[] first, int players) {
    for (int i = 0; i < players; i++) {
      int b = first[i];
      int m = first[i + 1] - b;
      double[] s = Arrays.copyOfRange(x, b, b + m);
      Arrays.sort(s);
      double cum = 0;
      double theta = 0;
      for (int r = m - 1; r >= 0; r--) {
        cum += s[r];
        double t = (cum - 1) / (m - r);
        if (r == 0 || s[r - 1] <= t) {
          theta = t;
          break;
        }
      }
      for (int k = b; k < b + m; k++) {
        x[k] = Math.max(0, x[k] - theta);
      }
    }
  }
}
