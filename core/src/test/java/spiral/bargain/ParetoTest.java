package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import spiral.sim.Lxm;

/** The fast Pareto frontier against the definition, on random point sets with ties. */
class ParetoTest {
  @Property(tries = 200)
  void frontierIsExactlyTheNonDominatedPoints(
      @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 1, max = 4) int np,
      @ForAll @LongRange(min = 0, max = 100_000) long seed) {
    Lxm rng = new Lxm(seed);
    double[] u = new double[n * np];
    for (int i = 0; i < u.length; i++) {
      u[i] = rng.nextInt(6) / 5.0; // coarse values: many ties and duplicates
    }
    int[] front = Pareto.frontier(u, n, np);
    Set<String> got = new HashSet<>();
    for (int i : front) {
      got.add(key(u, i, np));
    }
    assertThat(got).hasSize(front.length);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < n; i++) {
      boolean dominated = false;
      for (int j = 0; j < n && !dominated; j++) {
        boolean ge = true;
        boolean gt = false;
        for (int p = 0; p < np; p++) {
          ge &= u[j * np + p] >= u[i * np + p];
          gt |= u[j * np + p] > u[i * np + p];
        }
        dominated = ge && gt;
      }
      if (!dominated) {
        expected.add(key(u, i, np));
      }
    }
    assertThat(got).isEqualTo(expected);
  }

  private static String key(double[] u, int i, int np) {
    return Arrays.toString(Arrays.copyOfRange(u, i * np, i * np + np));
  }
}
