package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value functions a party can have over an issue. */
class ValueFunctionTest {
  private static final Issue CAPS =
      new Issue("caps", "caps", Issue.Kind.NUMERIC, List.of("85", "125", "165", "205", "245", "250"), 85, 250, 40, "k");
  private static final Issue LINE =
      new Issue("line", "line", Issue.Kind.ORDINAL, List.of("claims", "front", "feb", "1991"), 0, 3, 1, "");

  @Test
  void linearAndConcaveFollowThePositionAlongTheIssue() {
    ValueFunction up = new ValueFunction(ValueFunction.Type.LINEAR, true, 1, List.of(), Map.of());
    ValueFunction down = new ValueFunction(ValueFunction.Type.LINEAR, false, 1, List.of(), Map.of());
    assertThat(up.value(LINE, 0)).isZero();
    assertThat(up.value(LINE, 2)).isCloseTo(2.0 / 3, offset(1e-12));
    assertThat(down.value(LINE, 3)).isZero();
    // the last grid point is the range's end, not min + 5 x step
    assertThat(CAPS.x(5)).isEqualTo(250);
    assertThat(up.value(CAPS, 5)).isEqualTo(1.0);
    assertThat(up.value(CAPS, 2)).isCloseTo(80.0 / 165, offset(1e-12));
    ValueFunction concave = new ValueFunction(ValueFunction.Type.CONCAVE, true, 0.5, List.of(), Map.of());
    assertThat(concave.value(CAPS, 2)).isCloseTo(Math.sqrt(80.0 / 165), offset(1e-12));
    assertThat(concave.value(CAPS, 2)).isGreaterThan(up.value(CAPS, 2));
  }

  @Test
  void piecewiseInterpolatesAndHoldsItsEnds() {
    ValueFunction f = new ValueFunction(ValueFunction.Type.PIECEWISE, true, 1,
        List.of(new double[] {100, 0}, new double[] {200, 1}), Map.of());
    assertThat(f.value(CAPS, 0)).isZero();
    assertThat(f.value(CAPS, 2)).isCloseTo(0.65, offset(1e-12));
    assertThat(f.value(CAPS, 5)).isEqualTo(1.0);
  }

  @Test
  void tableGivesEachLevelItsValue() {
    ValueFunction t = new ValueFunction(ValueFunction.Type.TABLE, true, 1, List.of(),
        Map.of("claims", 0.0, "front", 0.3, "feb", 0.8, "1991", 1.0));
    assertThat(t.value(LINE, 1)).isEqualTo(0.3);
    assertThat(t.value(LINE, 3)).isEqualTo(1.0);
  }
}
