package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import spiral.sim.Lxm;

class MorrisAnalysisTest {

  static double[] run(Design design, ToDoubleFunction<double[]> f) {
    double[] y = new double[design.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = f.applyAsDouble(design.point(i));
    }
    return y;
  }

  @Test
  void linearModelGivesAbsoluteCoefficientsAndNoSpread() {
    double[] c = {3, -2, 0.5, 0};
    Design design = Designs.morris(DesignsTest.names(4), 20, 4, new Lxm(11));
    double[] y = run(design, u -> c[0] * u[0] + c[1] * u[1] + c[2] * u[2] + c[3] * u[3] + 1);
    List<MorrisEffect> effects = MorrisAnalysis.analyze(design, y);
    for (int j = 0; j < 4; j++) {
      MorrisEffect e = effects.get(j);
      assertThat(e.muStar()).isCloseTo(Math.abs(c[j]), within(1e-9));
      assertThat(e.mu()).isCloseTo(c[j], within(1e-9));
      assertThat(e.sigma()).isCloseTo(0, within(1e-9));
      assertThat(e.effects()).isEqualTo(20);
    }
  }

  @Test
  void ranksAnAdditiveNonlinearModelsInputs() {
    // y = 5 u0^2 + sin(2 pi u1) + 0.2 u2 + exp(u3): mean |dy/du| 5, 4, 0.2, e - 1 ~ 1.72
    Design design = Designs.morris(DesignsTest.names(4), 50, 6, new Lxm(5));
    double[] y = run(design, u -> 5 * u[0] * u[0] + Math.sin(2 * Math.PI * u[1]) + 0.2 * u[2]
        + Math.exp(u[3]));
    List<MorrisEffect> effects = MorrisAnalysis.analyze(design, y);
    List<String> ranked = effects.stream()
        .sorted((a, b) -> Double.compare(b.muStar(), a.muStar()))
        .map(MorrisEffect::parameter).toList();
    assertThat(ranked).containsExactly("p0", "p1", "p3", "p2");
    assertThat(effects.get(2).sigma()).isCloseTo(0, within(1e-9)); // linear input
    assertThat(effects.get(0).sigma()).isPositive(); // nonlinear input
  }

  @Test
  void rejectsDesignsThatAreNotTrajectories() {
    Design lhs = Designs.latinHypercube(DesignsTest.names(2), 6, new Lxm(1));
    assertThatThrownBy(() -> MorrisAnalysis.analyze(lhs, new double[6]))
        .hasMessageContaining("differ in more than one parameter");
    Design morris = Designs.morris(DesignsTest.names(2), 1, 4, new Lxm(1));
    assertThatThrownBy(() -> MorrisAnalysis.analyze(morris, new double[3]))
        .hasMessageContaining("at least two trajectories");
  }
}
