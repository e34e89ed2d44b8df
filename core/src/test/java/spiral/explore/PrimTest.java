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
}
