package spiral.bargain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier of a set of utility vectors: the points no other point is at least as good
 * as for every party and better for one. Two or three parties: a sweep in decreasing first
 * utility with a Fenwick tree of the best third utility by rank of the second, O(n log n) (Kung,
 * Luccio &amp; Preparata 1975). More parties: O(n &times; frontier). Exact duplicates are kept once.
 */
final class Pareto {
  private Pareto() {}

  /**
   * The indices of the frontier points, ordered by decreasing first utility.
   *
   * @param u utilities, point i's for party p at u[i * np + p]
   */
  static int[] frontier(double[] u, int n, int np) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Comparator<Integer> desc = (a, b) -> {
      for (int p = 0; p < np; p++) {
        int c = Double.compare(u[b * np + p], u[a * np + p]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a, b);
    };
    Arrays.sort(order, desc);
    List<Integer> unique = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (k > 0 && same(u, order[k], order[k - 1], np)) {
        continue;
      }
      unique.add(order[k]);
    }
    List<Integer> front = new ArrayList<>();
    if (np <= 3) {
      // ranks of the second utility, largest first, for "best third utility among U1 >= x"
      double[] second = unique.stream().mapToDouble(i -> np > 1 ? u[i * np + 1] : 0).distinct().sorted().toArray();
      double[] tree = new double[second.length + 1];
      Arrays.fill(tree, Double.NEGATIVE_INFINITY);
      for (int i : unique) {
        double v1 = np > 1 ? u[i * np + 1] : 0;
        double v2 = np > 2 ? u[i * np + 2] : 0;
        // index in descending order of the second utility, 1-based
        int rank = second.length - Arrays.binarySearch(second, v1);
        double best = Double.NEGATIVE_INFINITY;
        for (int j = rank; j > 0; j -= j & -j) {
          best = Math.max(best, tree[j]);
        }
        if (best >= v2) {
          continue; // an earlier, different point is at least as good everywhere
        }
        front.add(i);
        for (int j = rank; j < tree.length; j += j & -j) {
          tree[j] = Math.max(tree[j], v2);
        }
      }
    } else {
      for (int i : unique) {
        boolean dominated = false;
        for (int f : front) {
          boolean all = true;
          for (int p = 0; p < np && all; p++) {
            all = u[f * np + p] >= u[i * np + p];
          }
          if (all) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          front.add(i);
        }
      }
    }
    return front.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean same(double[] u, int a, int b, int np) {
    for (int p = 0; p < np; p++) {
      if (u[a * np + p] != u[b * np + p]) {
        return false;
      }
    }
    return true;
  }
}
