package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import spiral.sim.Lxm;

class PrimTest {
  static final List<String> NAMES = List.of("x", "y", "z");

  /**
   * Points uniform in [0, 1]^3, of interest inside [0.2, 0.5] x [0.6, 0.9] x anything. Each
   * recovered limit lies on a data value within one peel step of the truth: alpha times the
   * full width (1) bounds the step, so the tolerance is alpha.
   */
  @Test
  void recoversAPlantedBox() {
    double alpha = 0.05;
    int n = 4000;
    double[][] x = Designs.latinHypercube(NAMES, n, new Lxm(42)).points();
    boolean[] interest = new boolean[n];
    for (int i = 0; i < n; i++) {
      interest[i] = x[i][0] >= 0.2 && x[i][0] <= 0.5 && x[i][1] >= 0.6 && x[i][1] <= 0.9;
    }
    PrimResult result = new Prim(alpha, 0.05).run(NAMES, x, interest);
    PrimBox box = result.best(0.8);
    List<PrimResult.Range> ranges = result.restrictions(box);
    assertThat(ranges).extracting(PrimResult.Range::parameter).containsExactly("x", "y");
    assertThat(ranges.get(0).low()).isCloseTo(0.2, within(alpha));
    assertThat(ranges.get(0).high()).isCloseTo(0.5, within(alpha));
    assertThat(ranges.get(1).low()).isCloseTo(0.6, within(alpha));
    assertThat(ranges.get(1).high()).isCloseTo(0.9, within(alpha));
    assertThat(box.density()).isGreaterThan(0.9);
    assertThat(box.coverage()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void trajectoryStartsWithTheWholeDataAndDensityRisesWhilePeeling() {
    int n = 1000;
    double[][] x = Designs.latinHypercube(NAMES, n, new Lxm(3)).points();
    boolean[] interest = new boolean[n];
    for (int i = 0; i < n; i++) {
      interest[i] = x[i][2] > 0.7;
    }
    PrimResult result = new Prim(0.1, 0.1).run(NAMES, x, interest);
    PrimBox first = result.box(0);
    assertThat(first.coverage()).isEqualTo(1.0);
    assertThat(first.mass()).isEqualTo(1.0);
    assertThat(result.restrictions(first)).isEmpty();
    for (int k = 1; k <= result.peels(); k++) {
      assertThat(result.box(k).mass()).isGreaterThanOrEqualTo(0.1);
      assertThat(result.box(k).count()).isLessThan(result.box(k - 1).count());
    }
    PrimBox best = result.best(0.9);
    assertThat(result.restrictions(best)).extracting(PrimResult.Range::parameter)
        .containsExactly("z");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new Prim(0.6, 0.1)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Prim(0.05, 0.1).run(NAMES, new double[][] {{0, 0, 0}},
        new boolean[] {false})).hasMessageContaining("no point is of interest");
  }

  /** The planted box of recoversAPlantedBox, on 1,000 points in the declared cube [-1, 2]^3. */
  static boolean[] planted(double[][] x) {
    boolean[] interest = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      interest[i] = x[i][0] >= 0.2 && x[i][0] <= 0.5 && x[i][1] >= 0.6 && x[i][1] <= 0.9;
    }
    return interest;
  }

  @Test
  void anUnrestrictedParameterIsReportedAsItsDeclaredRange() {
    double[][] x = Designs.latinHypercube(NAMES, 1000, new Lxm(42)).points();
    double[] low = {-1, -1, -1};
    double[] high = {2, 2, 2};
    PrimResult r = new Prim(0.05, 0.05).run(NAMES, x, planted(x), low, high);
    PrimBox box = r.best(0.8);
    assertThat(r.box(0).low()).containsExactly(low);
    assertThat(r.box(0).high()).containsExactly(high);
    List<PrimResult.Range> limits = r.limits(box);
    assertThat(limits.get(2)).isEqualTo(new PrimResult.Range("z", -1, 2));
    assertThat(r.restricts(box, 2)).isFalse();
    assertThat(r.restrictions(box)).extracting(PrimResult.Range::parameter)
        .containsExactly("x", "y");
    // the same boxes as without declared ranges: they only change box 0 and the reporting
    PrimResult plain = new Prim(0.05, 0.05).run(NAMES, x, planted(x));
    assertThat(plain.trajectory()).hasSameSizeAs(r.trajectory());
    assertThat(plain.restrictions(plain.best(0.8))).isEqualTo(r.restrictions(box));
    assertThatThrownBy(() -> new Prim(0.05, 0.05).run(NAMES, x, planted(x),
        new double[] {0.5, 0, 0}, high)).hasMessageContaining("outside its declared range");
  }

  /** P(X >= k) against sums of exact binomial terms for small n. */
  @Test
  void theBinomialTailIsExactOnSmallCases() {
    assertThat(Prim.binomialTail(0, 5, 0.3)).isEqualTo(1);
    assertThat(Prim.binomialTail(6, 5, 0.3)).isZero();
    // P(X >= 4), n = 5, p = 0.3: 5 * 0.3^4 * 0.7 + 0.3^5 = 0.03078
    assertThat(Prim.binomialTail(4, 5, 0.3)).isCloseTo(0.03078, within(1e-12));
    // P(X >= 1), n = 10, p = 0.1: 1 - 0.9^10
    assertThat(Prim.binomialTail(1, 10, 0.1)).isCloseTo(1 - Math.pow(0.9, 10), within(1e-12));
  }

  @Test
  void restrictionsThatMatterHaveSmallQuasiPValuesAndAreStable() {
    double[][] x = Designs.latinHypercube(NAMES, 1000, new Lxm(42)).points();
    boolean[] interest = planted(x);
    double[] low = {0, 0, 0};
    double[] high = {1, 1, 1};
    Prim prim = new Prim(0.05, 0.05);
    PrimResult r = prim.run(NAMES, x, interest, low, high);
    PrimBox box = r.best(0.8);
    double[] qp = Prim.quasiPValues(r, box, x, interest);
    // dropping x's or y's restriction leaves a box about three times larger with the same
    // points of interest: the box's count of them is then far in the binomial's tail
    assertThat(qp[0]).isLessThan(1e-6);
    assertThat(qp[1]).isLessThan(1e-6);
    assertThat(qp[2]).isNaN();
    double[] s = prim.stability(NAMES, x, interest, low, high, 0.8, 50, new Lxm(9));
    assertThat(s).isEqualTo(prim.stability(NAMES, x, interest, low, high, 0.8, 50, new Lxm(9)));
    assertThat(s[0]).isEqualTo(1.0);
    assertThat(s[1]).isEqualTo(1.0);
    assertThat(s[2]).isLessThan(s[0]);
  }
}
