package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class ExactIntervalsTest {
  @Test
  void clopperPearsonAgreesWithTheBetaQuantilesTabulatedElsewhere() {
    // the bounds solve P(X >= 8 | 36, lo) = 0.025 and P(X <= 8 | 36, hi) = 0.025, checked here by
    // bisection on the binomial sums (0.10115053, 0.39151765); 0 of 36: 1 - 0.025^(1/36)
    double[] ci = ExactIntervals.clopperPearson(8, 36, 0.95);
    assertThat(ci[0]).isCloseTo(0.10115053, within(1e-7));
    assertThat(ci[1]).isCloseTo(0.39151765, within(1e-7));
    assertThat(1 - new BinomialDistribution(null, 36, ci[0]).cumulativeProbability(7)).isCloseTo(0.025, within(1e-9));
    assertThat(ExactIntervals.clopperPearson(0, 36, 0.95)[1]).isCloseTo(1 - Math.pow(0.025, 1.0 / 36), within(1e-9));
    assertThat(ExactIntervals.clopperPearson(36, 36, 0.95)[0]).isCloseTo(Math.pow(0.025, 1.0 / 36), within(1e-9));
    assertThat(ExactIntervals.clopperPearson(36, 36, 0.95)[1]).isEqualTo(1);
    // the rule of three: about 3/n
    assertThat(ExactIntervals.upperBoundOfZero(300, 0.95)).isCloseTo(3.0 / 300, within(1e-4));
  }

  @Test
  void jeffreysIsTheBetaHalfPosteriorsTails() {
    // the Beta(8.5, 28.5) quantiles by numerical integration of its density: 0.11108, 0.37598
    double[] ci = ExactIntervals.jeffreys(8, 36, 0.95);
    assertThat(ci[0]).isCloseTo(0.1111, within(1e-4));
    assertThat(ci[1]).isCloseTo(0.3760, within(1e-4));
    assertThat(ExactIntervals.jeffreys(0, 10, 0.95)[0]).isZero();
    assertThat(ExactIntervals.jeffreys(10, 10, 0.95)[1]).isEqualTo(1);
  }

  /** Clopper–Pearson never covers less than its level: the exact coverage over a grid of p. */
  @Property(tries = 12)
  void clopperPearsonCoversAtLeastItsLevel(@ForAll @IntRange(min = 5, max = 60) int n) {
    double[][] ci = new double[n + 1][];
    for (int k = 0; k <= n; k++) {
      ci[k] = ExactIntervals.clopperPearson(k, n, 0.95);
    }
    for (int g = 1; g < 200; g++) {
      double p = g / 200.0;
      BinomialDistribution b = new BinomialDistribution(null, n, p);
      double cover = 0;
      for (int k = 0; k <= n; k++) {
        if (ci[k][0] <= p && p <= ci[k][1]) {
          cover += b.probability(k);
        }
      }
      assertThat(cover).as("coverage at n = %d, p = %.3f", n, p).isGreaterThanOrEqualTo(0.95 - 1e-9);
    }
  }

  @Property(tries = 50)
  void jeffreysLiesInsideClopperPearson(@ForAll @IntRange(min = 1, max = 500) int n, @ForAll @IntRange(min = 0, max = 500) int k0) {
    int k = k0 % (n + 1);
    double[] cp = ExactIntervals.clopperPearson(k, n, 0.95);
    double[] j = ExactIntervals.jeffreys(k, n, 0.95);
    assertThat(j[0]).isGreaterThanOrEqualTo(cp[0] - 1e-12);
    assertThat(j[1]).isLessThanOrEqualTo(cp[1] + 1e-12);
  }
}
