package spiral.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report kit's formatting, ticks and colours, independent of any report. */
class KitFormattingTest {
  @Test
  void formatting() {
    assertThat(Html.pct(0.0028)).isEqualTo("0.28%");
    assertThat(Html.pct(0.8279)).isEqualTo("82.8%");
    assertThat(Html.pct(0)).isEqualTo("0%");
    assertThat(Html.pct(Double.NaN)).isEqualTo("n/a");
    assertThat(Html.signed(-0.0001, 3)).isEqualTo("0.000");
    assertThat(Html.signed(-0.012, 3)).isEqualTo("\u22120.012");
    assertThat(Html.num(-0.0001, 2)).isEqualTo("0.00");
    assertThat(Html.coord(-0.04)).isEqualTo("0");
    assertThat(Html.coord(-2.26)).isEqualTo("-2.3");
    assertThat(Html.count(10_000)).isEqualTo("10,000");
    assertThat(Svg.ticks(0, 23, 6)).containsExactly(0, 5, 10, 15, 20, 25);
    assertThat(Palette.textOn(Palette.BLUE)).isEqualTo("#FFFFFF");
    assertThat(Palette.textOn(Palette.YELLOW)).isEqualTo("#111");
  }
}
