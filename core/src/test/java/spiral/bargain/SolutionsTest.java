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

  /** The reproduction: the interior optimum p + (cbar - c_A)/2 = 1.14 is infeasible. */
  @Test
  void fearonDemandIsSolvedOnTheFeasibleShares() {
    double[] d = Solutions.fearonDemand(0.9, 0.02, 0.5);
    assertThat(d[0]).isCloseTo(1, offset(1e-12));
    assertThat(d[1]).isCloseTo(0.2, offset(1e-12));
    assertThat(d[2]).isCloseTo(0.976, offset(1e-12));
    // no uncertainty worth a war: every type accepts p
    assertThat(Solutions.fearonDemand(0.4, 0.3, 0.2)).containsExactly(0.4, 0, 0.4);
    double[] r = Solutions.fearonRange(0.9, 0.1, 0.15);
    assertThat(r[0]).isCloseTo(0.8, offset(1e-12));
    assertThat(r[1]).isEqualTo(1);
    assertThat(Solutions.fearonRange(0.05, 0.1, 0.15)[0]).isEqualTo(0);
  }

  /**
   * A concave ("cube-root") proposer on a [0, 1] issue: u_p(x) = x^(1/3), u_r(x) = 1 - x, δ_p =
   * 0.8, δ_r = 0.95. The split in issue units (0.2083 with the linear formula) solves 1 - x =
   * 0.95 (1 - y), y^(1/3) = 0.8 x^(1/3), so y = 0.512 x and x = 0.05 / (1 - 0.95 * 0.512) =
   * 0.0973520...
   */
  @Test
  void rubinsteinOnACubeRootValueFunction() {
    Solutions.RubinsteinOffers o = Solutions.rubinstein(x -> Math.cbrt(x), x -> 1 - x, 0, 1, true, 0.8, 0.95);
    assertThat(Solutions.rubinsteinShare(0.8, 0.95)).isCloseTo(0.2083, offset(5e-5));
    assertThat(o.proposerOffer()).isCloseTo(0.05 / (1 - 0.95 * 0.512), offset(1e-10));
    assertThat(o.proposerOffer()).isCloseTo(0.0974, offset(5e-5));
    assertThat(o.responderOffer()).isCloseTo(0.512 * o.proposerOffer(), offset(1e-10));
    assertThat(o.proposerValue()).isCloseTo(Math.cbrt(o.proposerOffer()), offset(1e-12));
  }

  /**
   * A circle: the proposer wants the issue low and values it u_p(x) = sqrt(1 - x^2) (a quarter
   * circle), the responder u_r(x) = x; δ_p = 0.6, δ_r = 0.9. The linear formula puts the split at
   * 1 - 0.2174 = 0.7826; the equilibrium solves x = 0.9 y and 1 - y^2 = 0.36 (1 - x^2), so x^2 =
   * 0.81 * 0.64 / (1 - 0.81 * 0.36) and x = 0.855447...
   */
  @Test
  void rubinsteinOnACircleValueFunction() {
    Solutions.RubinsteinOffers o =
        Solutions.rubinstein(x -> Math.sqrt(1 - x * x), x -> x, 0, 1, false, 0.6, 0.9);
    assertThat(1 - Solutions.rubinsteinShare(0.6, 0.9)).isCloseTo(0.7826, offset(5e-5));
    double exact = Math.sqrt(0.81 * 0.64 / (1 - 0.81 * 0.36));
    assertThat(o.proposerOffer()).isCloseTo(exact, offset(1e-10));
    assertThat(o.proposerOffer()).isCloseTo(0.8554, offset(5e-5));
    assertThat(o.responderOffer()).isCloseTo(o.proposerOffer() / 0.9, offset(1e-10));
  }

  /** Offers stay inside the range even when a value cannot be matched inside it. */
  @Test
  void rubinsteinOffersAreClampedToTheRange() {
    // the proposer's value never falls below 0.5: y is its worst end
    Solutions.RubinsteinOffers o = Solutions.rubinstein(x -> 0.5 + 0.5 * x, x -> 1 - x, 0, 1, true, 0.2, 0.5);
    assertThat(o.proposerOffer()).isBetween(0.0, 1.0);
    assertThat(o.responderOffer()).isBetween(0.0, 1.0);
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
