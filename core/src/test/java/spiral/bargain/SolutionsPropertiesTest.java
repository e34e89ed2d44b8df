package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of Fearon's demand and Rubinstein's split over random parameters. */
class SolutionsPropertiesTest {
  /** With linear opposed values the general solver gives the closed form, on any range. */
  @Property(tries = 200)
  void rubinsteinWithLinearValuesIsTheClosedForm(
      @ForAll @DoubleRange(min = 0.05, max = 0.99) double deltaP,
      @ForAll @DoubleRange(min = 0.05, max = 0.99) double deltaR,
      @ForAll @DoubleRange(min = -100, max = 100) double lo,
      @ForAll @DoubleRange(min = 0.1, max = 50) double width,
      @ForAll boolean proposerHigh) {
    double hi = lo + width;
    java.util.function.DoubleUnaryOperator up = x -> proposerHigh ? (x - lo) / width : (hi - x) / width;
    java.util.function.DoubleUnaryOperator ur = x -> 1 - up.applyAsDouble(x);
    Solutions.RubinsteinOffers o = Solutions.rubinstein(up, ur, lo, hi, proposerHigh, deltaP, deltaR);
    assertThat(o.proposerValue()).isCloseTo(Solutions.rubinsteinShare(deltaP, deltaR), offset(1e-9));
    assertThat(o.proposerOffer()).isBetween(lo, hi);
    assertThat(o.responderOffer()).isBetween(lo, hi);
  }

  /** Concave power values: the offers satisfy both indifference conditions and stay feasible. */
  @Property(tries = 200)
  void rubinsteinOffersSatisfyTheIndifferenceConditions(
      @ForAll @DoubleRange(min = 0.05, max = 0.99) double deltaP,
      @ForAll @DoubleRange(min = 0.05, max = 0.99) double deltaR,
      @ForAll @DoubleRange(min = 0.2, max = 1) double a,
      @ForAll @DoubleRange(min = 0.2, max = 1) double b) {
    java.util.function.DoubleUnaryOperator up = x -> Math.pow(x, a);
    java.util.function.DoubleUnaryOperator ur = x -> Math.pow(1 - x, b);
    Solutions.RubinsteinOffers o = Solutions.rubinstein(up, ur, 0, 1, true, deltaP, deltaR);
    double x = o.proposerOffer();
    double y = o.responderOffer();
    assertThat(x).isBetween(0.0, 1.0);
    assertThat(y).isBetween(0.0, x);
    assertThat(ur.applyAsDouble(x)).isCloseTo(deltaR * ur.applyAsDouble(y), offset(1e-6));
    assertThat(up.applyAsDouble(y)).isCloseTo(deltaP * up.applyAsDouble(x), offset(1e-6));
  }

  /** The demand is a feasible share, and no other feasible share gives A more. */
  @Property(tries = 300)
  void fearonDemandIsFeasibleAndOptimal(
      @ForAll @DoubleRange(min = 0, max = 1) double p,
      @ForAll @DoubleRange(min = 0, max = 0.5) double costA,
      @ForAll @DoubleRange(min = 0.01, max = 2) double costBar) {
    double[] d = Solutions.fearonDemand(p, costA, costBar);
    assertThat(d[0]).isBetween(0.0, 1.0);
    assertThat(d[1]).isBetween(0.0, 1.0);
    for (int i = 0; i <= 200; i++) {
      double x = i / 200.0;
      double accept = Math.max(0, Math.min(1, 1 - (x - p) / costBar));
      double eu = accept * x + (1 - accept) * (p - costA);
      assertThat(d[2]).isGreaterThanOrEqualTo(eu - 1e-12);
    }
    double[] r = Solutions.fearonRange(p, costA, costBar);
    assertThat(r[0]).isBetween(0.0, 1.0);
    assertThat(r[1]).isBetween(r[0], 1.0);
  }
}
