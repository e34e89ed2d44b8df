package spiral.explore;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generators of {@link Design}s in the unit cube. Each takes its randomness, if any, as an
 * injected {@link RandomGenerator}, so the same seed gives the same design.
 *
 * <ul>
 *   <li>{@link #fullFactorial}: every combination of equally spaced levels. Cost: O(d &prod;
 *       levels).
 *   <li>{@link #latinHypercube}: McKay, Beckman &amp; Conover (1979). Cost: O(n d).
 *   <li>{@link #sobol}: Sobol' (1967) with Joe &amp; Kuo (2008) direction numbers. Cost: O(n d).
 *   <li>{@link #morris}: elementary-effects trajectories (Morris 1991). Cost: O(r d^2).
 *   <li>{@link #morrisSpread}: the same, chosen for spread (Campolongo et al. 2007, greedily).
 *   <li>{@link #oneAtATime}: base point plus each parameter at its low and high (tornado).
 *       Cost: O(d^2).
 * </ul>
 */
public final class Designs {
  private Designs() {}

  /**
   * All combinations of levels[j] equally spaced values per parameter (0, 1/(L-1), .., 1; a
   * single level sits at 0.5), the last parameter varying fastest.
   *
   * @throws IllegalArgumentException if the level counts do not match the names, a count is
   *     below 1, or the design would exceed {@code Integer.MAX_VALUE} points
   */
  public static Design fullFactorial(List<String> names, int[] levels) {
    int d = names.size();
    if (levels.length != d) {
      throw new IllegalArgumentException("need " + d + " level counts, got " + levels.length);
    }
    int n = 1;
    for (int j = 0; j < d; j++) {
      if (levels[j] < 1) {
        throw new IllegalArgumentException("parameter '" + names.get(j) + "' has "
            + levels[j] + " levels, need at least 1");
      }
      try {
        n = Math.multiplyExact(n, levels[j]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("full factorial too large: levels "
            + java.util.Arrays.toString(levels), e);
      }
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      int rest = i;
      for (int j = d - 1; j >= 0; j--) {
        int level = rest % levels[j];
        rest /= levels[j];
        x[i][j] = levels[j] == 1 ? 0.5 : (double) level / (levels[j] - 1);
      }
    }
    return new Design(names, x);
  }

  /**
   * n Latin-hypercube points (see {@link LatinHypercube}).
   *
   * @throws IllegalArgumentException if n &lt; 1
   */
  public static Design latinHypercube(List<String> names, int n, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    return new Design(names, LatinHypercube.sample(n, names.size(), rng));
  }

  /**
   * Points skip .. skip + n - 1 of the Sobol' sequence (see {@link SobolSequence}; skip 0
   * includes the origin). Use n a power of two for the balance property.
   *
   * @throws IllegalArgumentException as {@link SobolSequence#generate}
   */
  public static Design sobol(List<String> names, int n, long skip) {
    return new Design(names, SobolSequence.generate(n, names.size(), skip));
  }

  /**
   * Morris (1991) elementary-effects design: r trajectories on the p-level grid {0, 1/(p-1), ..,
   * 1}, each of d + 1 consecutive rows, with step &Delta; = p / (2 (p - 1)).
   *
   * <p>Each trajectory starts at a random grid point; the parameters then move one at a time in a
   * random order, each exactly once, by +&Delta; if that stays in [0, 1] and by -&Delta;
   * otherwise. For even p every level is equally likely as a starting value and the two
   * directions are equally likely, which is the distribution of Morris's randomised matrix B*.
   * For trajectories chosen for spread (Campolongo et al. 2007) see {@link #morrisSpread}.
   *
   * @throws IllegalArgumentException if r &lt; 1, p is odd or below 2, or there are no names
   */
  public static Design morris(List<String> names, int r, int p, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    int d = names.size();
    if (r < 1 || p < 2 || p % 2 != 0 || d < 1) {
      throw new IllegalArgumentException("need r >= 1, even p >= 2 and d >= 1, were " + r
          + ", " + p + ", " + d);
    }
    int half = p / 2; // Delta spans p/2 grid steps
    double[][] x = new double[r * (d + 1)][d];
    int[] order = new int[d];
    int[] level = new int[d];
    for (int t = 0; t < r; t++) {
      int row = t * (d + 1);
      for (int j = 0; j < d; j++) {
        level[j] = rng.nextInt(p);
        order[j] = j;
      }
      for (int j = d - 1; j > 0; j--) {
        int k = rng.nextInt(j + 1);
        int tmp = order[j];
        order[j] = order[k];
        order[k] = tmp;
      }
      for (int j = 0; j < d; j++) {
        x[row][j] = (double) level[j] / (p - 1);
      }
      for (int s = 0; s < d; s++) {
        int j = order[s];
        level[j] += level[j] < half ? half : -half;
        x[row + s + 1] = x[row + s].clone();
        x[row + s + 1][j] = (double) level[j] / (p - 1);
      }
    }
    return new Design(names, x);
  }

  /**
   * Morris trajectories chosen for spread, after Campolongo, Cariboni &amp; Saltelli (2007):
   * {@code candidates} trajectories are drawn as in {@link #morris}, and r of them are kept so as
   * to make the sum of pairwise trajectory distances large, the distance between trajectories m
   * and l being the sum over their point pairs of the Euclidean distance. The exact maximisation
   * is combinatorial (C(M, r) subsets); this takes the greedy route instead: the farthest pair
   * first, then repeatedly the candidate with the largest summed distance to those kept. Kept
   * trajectories appear in the order chosen. Cost: O(M^2 d^3 + M r) for M candidates.
   *
   * @throws IllegalArgumentException as {@link #morris}, or if candidates &lt; r or r &lt; 2
   */
  public static Design morrisSpread(List<String> names, int r, int p, int candidates,
      RandomGenerator rng) {
    if (r < 2 || candidates < r) {
      throw new IllegalArgumentException("need 2 <= r <= candidates, were r = " + r
          + ", candidates = " + candidates);
    }
    int d = names.size();
    int rows = d + 1;
    double[][] x = morris(names, candidates, p, rng).points();
    double[][] dist = trajectoryDistances(x, candidates, rows);
    boolean[] kept = new boolean[candidates];
    int[] order = new int[r];
    int bi = 0;
    int bj = 1;
    for (int m = 0; m < candidates; m++) {
      for (int l = m + 1; l < candidates; l++) {
        if (dist[m][l] > dist[bi][bj]) {
          bi = m;
          bj = l;
        }
      }
    }
    order[0] = bi;
    order[1] = bj;
    kept[bi] = true;
    kept[bj] = true;
    double[] toKept = new double[candidates];
    for (int m = 0; m < candidates; m++) {
      toKept[m] = dist[m][bi] + dist[m][bj];
    }
    for (int k = 2; k < r; k++) {
      int best = -1;
      for (int m = 0; m < candidates; m++) {
        if (!kept[m] && (best < 0 || toKept[m] > toKept[best])) {
          best = m;
        }
      }
      order[k] = best;
      kept[best] = true;
      for (int m = 0; m < candidates; m++) {
        toKept[m] += dist[m][best];
      }
    }
    double[][] out = new double[r * rows][];
    for (int k = 0; k < r; k++) {
      System.arraycopy(x, order[k] * rows, out, k * rows, rows);
    }
    return new Design(names, out);
  }

  /**
   * The Campolongo et al. (2007) spread of a design of trajectories of d + 1 rows: the sum over
   * trajectory pairs of the summed Euclidean distances between their points. Cost: O(r^2 d^3).
   *
   * @throws IllegalArgumentException if the rows are not a whole number of trajectories
   */
  public static double trajectorySpread(Design design) {
    int rows = design.dimension() + 1;
    if (design.size() % rows != 0) {
      throw new IllegalArgumentException(design.size() + " rows are not trajectories of "
          + rows);
    }
    int r = design.size() / rows;
    double[][] dist = trajectoryDistances(design.points(), r, rows);
    double total = 0;
    for (int m = 0; m < r; m++) {
      for (int l = m + 1; l < r; l++) {
        total += dist[m][l];
      }
    }
    return total;
  }

  private static double[][] trajectoryDistances(double[][] x, int r, int rows) {
    double[][] dist = new double[r][r];
    for (int m = 0; m < r; m++) {
      for (int l = m + 1; l < r; l++) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
          double[] a = x[m * rows + i];
          for (int j = 0; j < rows; j++) {
            double[] b = x[l * rows + j];
            double sq = 0;
            for (int z = 0; z < a.length; z++) {
              double diff = a[z] - b[z];
              sq += diff * diff;
            }
            sum += Math.sqrt(sq);
          }
        }
        dist[m][l] = sum;
        dist[l][m] = sum;
      }
    }
    return dist;
  }

  /**
   * The one-at-a-time design of a tornado diagram: row 0 is {@code base}; rows 2j + 1 and 2j + 2
   * are the base with parameter j set to low[j] and to high[j]. All coordinates in [0, 1].
   *
   * @throws IllegalArgumentException if the arrays do not have one entry per name or an entry
   *     lies outside [0, 1]
   */
  public static Design oneAtATime(List<String> names, double[] base, double[] low,
      double[] high) {
    int d = names.size();
    if (base.length != d || low.length != d || high.length != d) {
      throw new IllegalArgumentException("need " + d + " base, low and high values, got "
          + base.length + ", " + low.length + ", " + high.length);
    }
    double[][] x = new double[2 * d + 1][];
    x[0] = base.clone();
    for (int j = 0; j < d; j++) {
      x[2 * j + 1] = base.clone();
      x[2 * j + 1][j] = low[j];
      x[2 * j + 2] = base.clone();
      x[2 * j + 2][j] = high[j];
    }
    return new Design(names, x);
  }
}
