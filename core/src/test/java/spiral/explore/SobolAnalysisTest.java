package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import spiral.sim.Lxm;

class SobolAnalysisTest {
  static final List<String> NAMES = List.of("x1", "x2", "x3");

  /** Ishigami function with a = 7, b = 0.1 on unit-cube coordinates mapped to [-pi, pi]. */
  static double ishigami(double[] u) {
    double x1 = -Math.PI + 2 * Math.PI * u[0];
    double x2 = -Math.PI + 2 * Math.PI * u[1];
    double x3 = -Math.PI + 2 * Math.PI * u[2];
    double s2 = Math.sin(x2);
    return Math.sin(x1) + 7 * s2 * s2 + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
  }

  /**
   * The oracle of DOMAIN.md section 3: each published index lies in its bootstrap 95% interval.
   * N = 2^14 Sobol' rows (81,920 model runs), 1,000 resamples, bootstrap seed 2024.
   */
  @Test
  void ishigamiIndicesLieInTheirBootstrapIntervals() {
    SaltelliDesign design = SaltelliDesign.sobol(NAMES, 1 << 14, 0);
    Design all = design.design();
    double[] y = new double[all.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ishigami(all.point(i));
    }
    List<SobolIndex> idx = SobolAnalysis.analyze(design, y, 1000, 0.95, new Lxm(2024));
    double[] s1 = {0.3139, 0.4424, 0.0};
    double[] st = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; i++) {
      SobolIndex si = idx.get(i);
      assertThat(si.parameter()).isEqualTo(NAMES.get(i));
      assertThat(si.first().contains(s1[i])).as("S1 of %s: %s", si.parameter(), si.first())
          .isTrue();
      assertThat(si.total().contains(st[i])).as("ST of %s: %s", si.parameter(), si.total())
          .isTrue();
    }
  }

  @Test
  void crudeMonteCarloDesignAlsoWorksOnAnAdditiveModel() {
    // y = u1 + 2 u2: S1 = ST = (1, 4) / 5, no interactions
    SaltelliDesign design = SaltelliDesign.random(List.of("a", "b"), 4096, new Lxm(7));
    Design all = design.design();
    double[] y = new double[all.size()];
    for (int i = 0; i < y.length; i++) {
      double[] u = all.point(i);
      y[i] = u[0] + 2 * u[1];
    }
    List<SobolIndex> idx = SobolAnalysis.analyze(design, y, 500, 0.95, new Lxm(8));
    assertThat(idx.get(0).first().contains(0.2)).as("%s", idx.get(0)).isTrue();
    assertThat(idx.get(1).total().contains(0.8)).as("%s", idx.get(1)).isTrue();
  }

  @Test
  void bootstrapIsReproducibleFromTheSeed() {
    SaltelliDesign design = SaltelliDesign.sobol(NAMES, 256, 1);
    Design all = design.design();
    double[] y = new double[all.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ishigami(all.point(i));
    }
    assertThat(SobolAnalysis.analyze(design, y, 50, 0.9, new Lxm(3)))
        .isEqualTo(SobolAnalysis.analyze(design, y, 50, 0.9, new Lxm(3)));
  }

  @Test
  void saltelliLayoutStacksABAndAbMatrices() {
    SaltelliDesign design = SaltelliDesign.sobol(List.of("p", "q"), 8, 1);
    Design all = design.design();
    assertThat(all.size()).isEqualTo(8 * 4);
    double[][] a = design.a();
    double[][] b = design.b();
    for (int r = 0; r < 8; r++) {
      assertThat(all.point(r)).containsExactly(a[r]);
      assertThat(all.point(8 + r)).containsExactly(b[r]);
      assertThat(all.point(16 + r)).containsExactly(b[r][0], a[r][1]);
      assertThat(all.point(24 + r)).containsExactly(a[r][0], b[r][1]);
    }
  }

  @Test
  void rejectsBadInput() {
    SaltelliDesign design = SaltelliDesign.sobol(NAMES, 16, 0);
    assertThatThrownBy(() -> SobolAnalysis.analyze(design, new double[10], 10, 0.95,
        new Lxm(1))).hasMessageContaining("expected 80 outputs");
    assertThatThrownBy(() -> SobolAnalysis.analyze(design, new double[80], 10, 0.95,
        new Lxm(1))).hasMessageContaining("zero variance");
    assertThatThrownBy(() -> SaltelliDesign.sobol(java.util.Collections.nCopies(17, "x"), 4, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
