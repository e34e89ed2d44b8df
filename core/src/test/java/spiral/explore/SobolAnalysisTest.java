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
    assertThatThrownBy(() -> SaltelliDesign.sobol(java.util.Collections.nCopies(1001, "x"), 4,
        0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SobolAnalysis.analyze(design, new double[80], 10, 0.95,
        new Lxm(1), true)).hasMessageContaining("second-order indices need");
  }

  /** Ishigami outputs plus a constant on a design, in its order. */
  static double[] ishigami(SaltelliDesign design, double shift) {
    Design all = design.design();
    double[] y = new double[all.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ishigami(all.point(i)) + shift;
    }
    return y;
  }

  /**
   * Adding 100 to the output changes no index: the estimators centre the outputs. Uncentred,
   * Saltelli's first-order estimator's interval for x1 grew from about 0.09 to about 1.9 wide.
   * The intervals may differ only by the rounding of the shifted outputs: each output in [90,
   * 128) carries an error up to half an ulp of 128, so each product in the first-order sum
   * changes by at most 2 spread ulp(128) and the index by at most that over the variance;
   * twice that bound covers the rounding of the mean and of the variance.
   */
  @Test
  void indicesDoNotMoveWhenAConstantIsAddedToTheOutput() {
    SaltelliDesign design = SaltelliDesign.sobol(NAMES, 1 << 12, 0);
    List<SobolIndex> plain = SobolAnalysis.analyze(design, ishigami(design, 0), 500, 0.95,
        new Lxm(11));
    List<SobolIndex> shifted = SobolAnalysis.analyze(design, ishigami(design, 100), 500, 0.95,
        new Lxm(11));
    double[] y = ishigami(design, 0);
    double spread = java.util.Arrays.stream(y).max().orElseThrow()
        - java.util.Arrays.stream(y).min().orElseThrow();
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    double variance = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average()
        .orElseThrow();
    double rounding = 4 * spread * Math.ulp(128.0) / variance;
    for (int i = 0; i < 3; i++) {
      Estimate a = plain.get(i).first();
      Estimate b = shifted.get(i).first();
      assertThat(b.value()).isCloseTo(a.value(), org.assertj.core.data.Offset.offset(rounding));
      assertThat(b.low()).isCloseTo(a.low(), org.assertj.core.data.Offset.offset(rounding));
      assertThat(b.high()).isCloseTo(a.high(), org.assertj.core.data.Offset.offset(rounding));
      assertThat(SobolAnalysis.uninformative(b)).isFalse();
    }
    double[] s1 = {0.3139, 0.4424, 0.0};
    for (int i = 0; i < 3; i++) {
      assertThat(shifted.get(i).first().contains(s1[i])).as("S1 of x%d + 100: %s", i + 1,
          shifted.get(i).first()).isTrue();
    }
  }

  /**
   * Second order (Saltelli 2002) on Ishigami: the only interaction is x1 with x3, S13 = ST1 -
   * S1 = 0.5576 - 0.3139 = 0.2437; S12 = S23 = 0. Each lies in its 95% bootstrap interval.
   */
  @Test
  void ishigamiSecondOrderIndicesLieInTheirBootstrapIntervals() {
    SaltelliDesign design = SaltelliDesign.sobol(NAMES, 1 << 13, 0, true);
    assertThat(design.size()).isEqualTo((1 << 13) * 8);
    SobolAnalysis.Result r = SobolAnalysis.analyze(design, ishigami(design, 0), 1000, 0.95,
        new Lxm(2024), true);
    assertThat(r.second()).extracting(SobolPair::parameter, SobolPair::other)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x1", "x2"),
            org.assertj.core.groups.Tuple.tuple("x1", "x3"),
            org.assertj.core.groups.Tuple.tuple("x2", "x3"));
    double[] s2 = {0.0, 0.2437, 0.0};
    for (int q = 0; q < 3; q++) {
      Estimate e = r.second().get(q).second();
      assertThat(e.contains(s2[q])).as("S2 %s: %s", r.second().get(q), e).isTrue();
    }
    // the first-order and total indices are those of the design without the B_A blocks
    SaltelliDesign plain = SaltelliDesign.sobol(NAMES, 1 << 13, 0);
    double[] y = ishigami(design, 0);
    assertThat(r.indices()).isEqualTo(SobolAnalysis.analyze(plain,
        java.util.Arrays.copyOf(y, plain.size()), 1000, 0.95, new Lxm(2024)));
  }

  @Test
  void anIntervalWiderThanTheRangeOfAnIndexIsUninformative() {
    assertThat(SobolAnalysis.uninformative(new Estimate(0.9, 0.30, 1.60, 0.95))).isTrue();
    assertThat(SobolAnalysis.uninformative(new Estimate(0.5, 0.0, 1.0, 0.95))).isFalse();
  }

  @Test
  void secondOrderLayoutAppendsTheBaBlocks() {
    SaltelliDesign design = SaltelliDesign.sobol(List.of("p", "q"), 4, 1, true);
    Design all = design.design();
    assertThat(all.size()).isEqualTo(4 * 6);
    double[][] a = design.a();
    double[][] b = design.b();
    for (int r = 0; r < 4; r++) {
      assertThat(all.point(16 + r)).containsExactly(a[r][0], b[r][1]);
      assertThat(all.point(20 + r)).containsExactly(b[r][0], a[r][1]);
    }
  }
}
