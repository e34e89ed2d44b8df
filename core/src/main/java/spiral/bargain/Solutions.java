package spiral.bargain;

import java.util.function.DoubleUnaryOperator;

/**
 * Closed-form and one-dimensional bargaining solutions, the oracles of DOMAIN.md §3.
 *
 * <ul>
 *   <li>Nash (1950): the point of a frontier u2 = f(u1) that maximises (u1 &minus; d1)(u2 &minus;
 *       d2), found by golden-section search (the product is unimodal on a concave frontier).
 *   <li>Kalai &amp; Smorodinsky (1975): the frontier point on the line from the disagreement
 *       point to the ideal point, found by bisection.
 *   <li>Rubinstein (1982): the first proposer's share (1 &minus; &delta;2)/(1 &minus;
 *       &delta;1&delta;2).
 *   <li>Fearon (1995): the bargaining range (p &minus; c_A, p + c_B), and with B's cost uniform on
 *       [0, c&#772;] A's take-it-or-leave-it demand x* = p + (c&#772; &minus; c_A)/2, P(war) =
 *       (c&#772; &minus; c_A)/(2c&#772;).
 * </ul>
 *
 * Cost: O(log(1/tolerance)) evaluations of the frontier.
 */
public final class Solutions {
  /** Tolerance of the one-dimensional searches. */
  public static final double TOLERANCE = 1e-12;

  private Solutions() {}

  /**
   * The Nash bargaining solution {u1, u2} on the frontier u2 = f(u1), u1 &isin; [lo, hi], f
   * decreasing, disagreement point (d1, d2).
   */
  public static double[] nash(DoubleUnaryOperator f, double lo, double hi, double d1, double d2) {
    DoubleUnaryOperator product = u -> (u - d1) * (f.applyAsDouble(u) - d2);
    double g = (Math.sqrt(5) - 1) / 2;
    double a = Math.max(lo, d1);
    double b = hi;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    while (b - a > TOLERANCE) {
      if (product.applyAsDouble(c) > product.applyAsDouble(d)) {
        b = d;
      } else {
        a = c;
      }
      c = b - g * (b - a);
      d = a + g * (b - a);
    }
    double u = (a + b) / 2;
    return new double[] {u, f.applyAsDouble(u)};
  }

  /**
   * The Kalai&ndash;Smorodinsky solution {u1, u2} on the frontier u2 = f(u1), u1 &isin; [lo, hi],
   * f decreasing, disagreement point (d1, d2): the ideal point is (the largest u1 with f(u1) &ge;
   * d2, f(d1)).
   */
  public static double[] kalaiSmorodinsky(DoubleUnaryOperator f, double lo, double hi, double d1, double d2) {
    double ideal2 = f.applyAsDouble(Math.max(lo, d1));
    double a = Math.max(lo, d1);
    double b = hi;
    if (f.applyAsDouble(b) < d2) {
      double x = a;
      double y = b;
      while (y - x > TOLERANCE) {
        double m = (x + y) / 2;
        if (f.applyAsDouble(m) >= d2) {
          x = m;
        } else {
          y = m;
        }
      }
      b = x;
    }
    double ideal1 = b;
    // points on the line d + t (ideal - d); find t where the line meets the frontier
    double lo2 = 0;
    double hi2 = 1;
    while (hi2 - lo2 > TOLERANCE) {
      double t = (lo2 + hi2) / 2;
      double u1 = d1 + t * (ideal1 - d1);
      double u2 = d2 + t * (ideal2 - d2);
      if (u2 <= f.applyAsDouble(u1)) {
        lo2 = t;
      } else {
        hi2 = t;
      }
    }
    double t = (lo2 + hi2) / 2;
    return new double[] {d1 + t * (ideal1 - d1), d2 + t * (ideal2 - d2)};
  }

  /** Rubinstein's first-proposer share with discount factors &delta;1 (proposer), &delta;2. */
  public static double rubinsteinShare(double delta1, double delta2) {
    if (!(delta1 > 0 && delta1 < 1 && delta2 > 0 && delta2 < 1)) {
      throw new IllegalArgumentException("discount factors must be in (0, 1), were " + delta1 + ", " + delta2);
    }
    return (1 - delta2) / (1 - delta1 * delta2);
  }

  /** Fearon's range of shares x for A that both prefer to war: {p &minus; c_A, p + c_B}. */
  public static double[] fearonRange(double p, double costA, double costB) {
    return new double[] {p - costA, p + costB};
  }

  /**
   * A's take-it-or-leave-it demand when B's cost of war is uniform on [0, c&#772;]: {x*, P(war),
   * A's expected utility}. B accepts x when x &le; p + c_B, so A's expected utility of demanding
   * x is P(accept) x + P(war) (p &minus; c_A); its interior optimum is x* = p + (c&#772; &minus;
   * c_A)/2 with P(war) = (c&#772; &minus; c_A)/(2c&#772;) when c&#772; &gt; c_A, and otherwise
   * A demands p, which every type accepts.
   */
  public static double[] fearonDemand(double p, double costA, double costBar) {
    if (!(costBar > 0)) {
      throw new IllegalArgumentException("the cost bound must be > 0, was " + costBar);
    }
    if (costBar <= costA) {
      return new double[] {p, 0, p};
    }
    double x = p + (costBar - costA) / 2;
    double pWar = (costBar - costA) / (2 * costBar);
    double eu = (1 - pWar) * x + pWar * (p - costA);
    return new double[] {x, pWar, eu};
  }
}
