package spiral.explore;

import java.util.random.RandomGenerator;

/**
 * Latin hypercube sampling (McKay, Beckman &amp; Conover 1979): n points in [0, 1)^d such that
 * each dimension's n equal strata hold exactly one point each, the strata paired across
 * dimensions by independent random permutations. Cost: O(n d).
 */
public final class LatinHypercube {
  private LatinHypercube() {}

  /**
   * n points in d dimensions, [point][dimension], each coordinate in [0, 1).
   *
   * @throws IllegalArgumentException if n &lt; 1 or d &lt; 0
   */
  public static double[][] sample(int n, int d, RandomGenerator rng) {
    if (n < 1 || d < 0) {
      throw new IllegalArgumentException("need n >= 1 and d >= 0, were " + n + ", " + d);
    }
    double[][] x = new double[n][d];
    int[] perm = new int[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = (perm[i] + rng.nextDouble()) / n;
      }
    }
    return x;
  }
}
