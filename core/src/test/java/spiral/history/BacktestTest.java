package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  @Test
  void scoresByHand() {
    // forecasts 0.2 (did not happen) and 0.7 (happened): Brier ((0.2)^2 + (0.3)^2) / 2 = 0.065;
    // log (-ln 0.8 - ln 0.7) / 2 = (0.223144 + 0.356675) / 2 = 0.289909
    double[] p = {0.2, 0.7};
    int[] o = {0, 1};
    assertThat(Backtest.brier(p, o)).isCloseTo(0.065, within(1e-12));
    assertThat(Backtest.log(p, o)).isCloseTo(0.2899095, within(1e-6));
    // a certain miss is clamped to 0.001: -ln 0.001 = 6.907755
    assertThat(Backtest.log(new double[] {0}, new int[] {1})).isCloseTo(6.907755, within(1e-6));
    assertThat(Backtest.brier(new double[] {1, 0}, new int[] {1, 0})).isZero();
  }

  @Test
  void reliabilityBinsForecastsAndOutcomes() {
    Backtest.Case a = new Backtest.Case("a", 1, "A", 10, List.of("x", "y"), new int[] {1, 0}, new double[] {0.9, 0.1},
        new double[] {0.5, 0.5}, 0, 0, 0, 0);
    Backtest.Case b = new Backtest.Case("b", 2, "B", 10, List.of("x", "y"), new int[] {0, 0}, new double[] {0.85, 0.15},
        new double[] {0.5, 0.5}, 0, 0, 0, 0);
    List<double[]> bins = Backtest.reliability(List.of(a, b), 5);
    assertThat(bins.get(0)[2]).isEqualTo(2);
    assertThat(bins.get(0)[4]).isZero();
    assertThat(bins.get(4)[2]).isEqualTo(2);
    assertThat(bins.get(4)[3]).isCloseTo(0.875, within(1e-12));
    assertThat(bins.get(4)[4]).isCloseTo(0.5, within(1e-12));
    assertThat(bins.get(2)[2]).isZero();
  }
}
