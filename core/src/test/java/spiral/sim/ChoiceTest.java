package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quantal choice frequencies against the softmax they should follow (MODEL.md §7). */
class ChoiceTest {

  @Test
  void frequenciesMatchSoftmaxWithinTheirIntervals() {
    double[] u = {0.3, -0.2, 1.1, 0.9, -2.0};
    int n = u.length;
    for (double lambda : new double[] {0.0, 0.7, 2.5}) {
      double[] p = new double[n];
      Choice.quantalProbabilities(u, n, lambda, p);
      double z = 0;
      for (int i = 0; i < n; i++) {
        z += Math.exp(lambda * u[i]);
      }
      for (int i = 0; i < n; i++) {
        assertThat(p[i]).isCloseTo(Math.exp(lambda * u[i]) / z, org.assertj.core.data.Offset.offset(1e-12));
      }
      int draws = 200_000;
      long[] count = new long[n];
      Lxm rng = new Lxm(99);
      double[] scratch = new double[n];
      for (int d = 0; d < draws; d++) {
        count[Choice.draw(u, n, lambda, rng, scratch)]++;
      }
      for (int i = 0; i < n; i++) {
        // Bonferroni over the n categories: each at 1 - 0.01/n keeps the family at 99%.
        double zq = 3.09; // two-sided 1 - 0.002, for n = 5
        double[] ci = Intervals.wilson(count[i], draws, zq);
        assertThat(p[i]).as("lambda %s move %d", lambda, i).isBetween(ci[0], ci[1]);
      }
    }
  }

  @Test
  void bestResponseBreaksTiesUniformlyAndNeverPicksWorse() {
    double[] u = {1.0, 0.5, 1.0, 1.0};
    Lxm rng = new Lxm(5);
    double[] scratch = new double[4];
    long[] count = new long[4];
    int draws = 90_000;
    for (int d = 0; d < draws; d++) {
      count[Choice.draw(u, 4, Double.POSITIVE_INFINITY, rng, scratch)]++;
    }
    assertThat(count[1]).isZero();
    for (int i : new int[] {0, 2, 3}) {
      double[] ci = Intervals.wilson(count[i], draws, Intervals.Z99);
      assertThat(1.0 / 3).isBetween(ci[0], ci[1]);
    }
  }

  @Test
  void hugeUtilityGapsDoNotOverflow() {
    double[] u = {1e6, 0, -1e6};
    double[] p = new double[3];
    Choice.quantalProbabilities(u, 3, 50, p);
    assertThat(p[0]).isEqualTo(1.0);
    assertThat(p[1]).isZero();
  }
}
