package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TornadoTest {
  @Test
  void barsAreSortedByWidestSwing() {
    List<String> names = List.of("a", "b", "c");
    Design design = Designs.oneAtATime(names, new double[] {0.5, 0.5, 0.5},
        new double[] {0, 0, 0}, new double[] {1, 1, 1});
    double[] y = new double[design.size()];
    for (int i = 0; i < y.length; i++) {
      double[] u = design.point(i);
      y[i] = u[0] - 4 * u[1] + 2 * u[2];
    }
    Tornado t = Tornado.of(names, y);
    assertThat(t.base()).isEqualTo(-0.5);
    assertThat(t.bars()).extracting(Tornado.Bar::parameter).containsExactly("b", "c", "a");
    assertThat(t.bars().get(0).low()).isEqualTo(1.5);
    assertThat(t.bars().get(0).high()).isEqualTo(-2.5);
    assertThat(t.bars().get(0).swing()).isEqualTo(4);
    assertThatThrownBy(() -> Tornado.of(names, new double[6]))
        .hasMessageContaining("expected 7 outputs");
  }
}
