package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The closed forms of DOMAIN.md §3 as oracles. */
class SolutionsTest {
  @Test
  void fearonRange() {
    double[] r = Solutions.fearonRange(0.6, 0.1, 0.15);
    assertThat(r[0]).isCloseTo(0.50, offset(1e-12));
    assertThat(r[1]).isCloseTo(0.75, offset(1e-12));
  }

  @Test
  void fearonIncompleteInformationDemand() {
    double[] d = Solutions.fearonDemand(0.5, 0.1, 0.3);
    assertThat(d[0]).isCloseTo(0.60, offset(1e-12));
    assertThat(d[1]).isCloseTo(1.0 / 3, offset(1e-12));
    assertThat(d[2]).isCloseTo(0.5333, offset(5e-5));
  }

  @Test
  void nashAndKalaiSmorodinskyOnTheQuadraticFrontier() {
    double[] n = Solutions.nash(u -> 1 - u * u, 0, 1, 0, 0);
    assertThat(n[0]).isCloseTo(0.5774, offset(5e-5));
    assertThat(n[1]).isCloseTo(0.6667, offset(5e-5));
    double[] k = Solutions.kalaiSmorodinsky(u -> 1 - u * u, 0, 1, 0, 0);
    assertThat(k[0]).isCloseTo(0.6180, offset(5e-5));
    assertThat(k[1]).isCloseTo(0.6180, offset(5e-5));
  }

  @Test
  void bothSolutionsOnTheLinearFrontier() {
    double[] n = Solutions.nash(u -> 1 - u, 0, 1, 0.2, 0.1);
    double[] k = Solutions.kalaiSmorodinsky(u -> 1 - u, 0, 1, 0.2, 0.1);
    // a search for a maximum locates it only to about the square root of the machine epsilon
    for (double[] s : new double[][] {n, k}) {
      assertThat(s[0]).isCloseTo(0.55, offset(1e-7));
      assertThat(s[1]).isCloseTo(0.45, offset(1e-7));
    }
  }

  @Test
  void rubinstein() {
    assertThat(Solutions.rubinsteinShare(0.9, 0.9)).isCloseTo(0.5263, offset(5e-5));
    assertThat(Solutions.rubinsteinShare(0.99, 0.5)).isGreaterThan(0.5);
  }
}
