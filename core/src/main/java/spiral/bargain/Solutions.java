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
 *       &delta;1&delta;2) with linear utilities; with any monotone value functions on a divisible
 *       issue, the subgame-perfect offers x (the proposer's) and y (the responder's) that solve
 *       u_r(x) = &delta;_r u_r(y) and u_p(y) = &delta;_p u_p(x) (Osborne &amp; Rubinstein,
 *       <i>Bargaining and Markets</i>, 1990, &sect;3.10), found by nested bisection on the issue's
 *       range.
 *   <li>Fearon (1995): the bargaining range (p &minus; c_A, p + c_B) intersected with the
 *       feasible shares [0, 1], and with B's cost uniform on [0, c&#772;] A's take-it-or-leave-it
 *       demand: the best x in [0, 1], x* = min(1, p + (c&#772; &minus; c_A)/2), P(war) =
 *       (x* &minus; p)/c&#772;.
 * </ul>
 *
 * Cost: O(log(1/tolerance)) evaluations of the frontier; Rubinstein's general split
 * O(log&sup2;(range/tolerance)) evaluations of the value functions.
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
    checkDiscounts(delta1, delta2);
    return (1 - delta2) / (1 - delta1 * delta2);
  }

  private static void checkDiscounts(double delta1, double delta2) {
    if (!(delta1 > 0 && delta1 < 1 && delta2 > 0 && delta2 < 1)) {
      throw new IllegalArgumentException("discount factors must be in (0, 1), were " + delta1 + ", " + delta2);
    }
  }

  /**
   * Rubinstein's subgame-perfect split of one divisible issue under the parties' own value
   * functions.
   *
   * @param proposerOffer x, the agreement the first proposer offers (and the responder accepts at
   *     once), in the units
   * @param responderOffer y, the agreement the responder would offer in the next round
   * @param proposerValue u_p(x)
   * @param responderValue u_r(x)
   */
  public record RubinsteinOffers(
      double proposerOffer, double responderOffer, double proposerValue, double responderValue) {}

  /**
   * Rubinstein's alternating offers on an issue x &isin; [lo, hi] with value functions u_p
   * (proposer, best at {@code proposerIdeal}) and u_r (responder, best at the other end),
   * disagreement worth 0 to both: the offers x, y with u_r(x) = &delta;_r u_r(y) and u_p(y) =
   * &delta;_p u_p(x). Each value function must be monotone along the issue toward its party's
   * ideal end; a value that cannot be matched inside [lo, hi] is clamped to the nearer end, so
   * the offers always lie in the feasible set. With u_p and u_r linear and opposed the proposer's
   * value is {@link #rubinsteinShare}.
   *
   * <p>Cost: O(log&sup2;((hi &minus; lo)/{@link #TOLERANCE})) evaluations of the value
   * functions.
   *
   * @throws IllegalArgumentException if a discount factor is outside (0, 1) or lo &ge; hi
   */
  public static RubinsteinOffers rubinstein(DoubleUnaryOperator proposer, DoubleUnaryOperator responder,
      double lo, double hi, boolean proposerIdealHigh, double deltaProposer, double deltaResponder) {
    checkDiscounts(deltaProposer, deltaResponder);
    if (!(lo < hi)) {
      throw new IllegalArgumentException("the issue's range must have lo < hi, was [" + lo + ", " + hi + "]");
    }
    // t in [0, 1] runs from the responder's ideal end (t = 0) to the proposer's (t = 1)
    DoubleUnaryOperator at = t -> proposerIdealHigh ? lo + t * (hi - lo) : hi - t * (hi - lo);
    DoubleUnaryOperator up = t -> proposer.applyAsDouble(at.applyAsDouble(t));
    DoubleUnaryOperator ur = t -> responder.applyAsDouble(at.applyAsDouble(t));
    // y(t): the responder's offer that leaves the proposer delta_p u_p(x(t)); u_p rises with t
    DoubleUnaryOperator y = t -> solveIncreasing(up, deltaProposer * up.applyAsDouble(t), 0, 1);
    // g(t) = u_r(x) - delta_r u_r(y): falls with t; its root is the proposer's offer
    double a = 0;
    double b = 1;
    if (ur.applyAsDouble(a) - deltaResponder * ur.applyAsDouble(y.applyAsDouble(a)) <= 0) {
      b = a;
    } else if (ur.applyAsDouble(b) - deltaResponder * ur.applyAsDouble(y.applyAsDouble(b)) >= 0) {
      a = b;
    }
    for (int i = 0; i < MAX_BISECTIONS && b - a > TOLERANCE; i++) {
      double m = (a + b) / 2;
      if (ur.applyAsDouble(m) - deltaResponder * ur.applyAsDouble(y.applyAsDouble(m)) > 0) {
        a = m;
      } else {
        b = m;
      }
    }
    double t = (a + b) / 2;
    double x = clamp(at.applyAsDouble(t), lo, hi);
    double yo = clamp(at.applyAsDouble(y.applyAsDouble(t)), lo, hi);
    return new RubinsteinOffers(x, yo, proposer.applyAsDouble(x), responder.applyAsDouble(x));
  }

  /** The bisections of a one-dimensional search: enough for any double interval. */
  private static final int MAX_BISECTIONS = 200;

  /** The t in [a, b] with f(t) = target for f non-decreasing, clamped to [a, b]. */
  private static double solveIncreasing(DoubleUnaryOperator f, double target, double a, double b) {
    if (f.applyAsDouble(a) >= target) {
      return a;
    }
    if (f.applyAsDouble(b) <= target) {
      return b;
    }
    for (int i = 0; i < MAX_BISECTIONS && b - a > TOLERANCE; i++) {
      double m = (a + b) / 2;
      if (f.applyAsDouble(m) < target) {
        a = m;
      } else {
        b = m;
      }
    }
    return (a + b) / 2;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /**
   * Fearon's range of shares x for A that both prefer to war, {p &minus; c_A, p + c_B}, intersected
   * with the feasible shares [0, 1].
   *
   * @throws IllegalArgumentException if p is outside [0, 1] or a cost is negative
   */
  public static double[] fearonRange(double p, double costA, double costB) {
    checkFearon(p, costA);
    if (!(costB >= 0)) {
      throw new IllegalArgumentException("the cost of war must be >= 0, was " + costB);
    }
    return new double[] {clamp(p - costA, 0, 1), clamp(p + costB, 0, 1)};
  }

  private static void checkFearon(double p, double costA) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("the probability of winning must be in [0, 1], was " + p);
    }
    if (!(costA >= 0)) {
      throw new IllegalArgumentException("the cost of war must be >= 0, was " + costA);
    }
  }

  /**
   * A's take-it-or-leave-it demand when B's cost of war is uniform on [0, c&#772;]: {x*, P(war),
   * A's expected utility}, x* in the feasible shares [0, 1]. B accepts x when x &le; p + c_B, so
   * demanding x &isin; [p, p + c&#772;] is accepted with probability 1 &minus; (x &minus; p)/c&#772;
   * and A's expected utility is P(accept) x + P(war) (p &minus; c_A), concave in x with its
   * maximum at p + (c&#772; &minus; c_A)/2; on [p, 1] the optimum is that point clamped: p when
   * c&#772; &le; c_A (every type accepts), 1 when the interior optimum would exceed 1 (then
   * P(war) = (1 &minus; p)/c&#772;). Demanding less than p is never better than p.
   *
   * @throws IllegalArgumentException if p is outside [0, 1], c_A &lt; 0 or c&#772; &le; 0
   */
  public static double[] fearonDemand(double p, double costA, double costBar) {
    checkFearon(p, costA);
    if (!(costBar > 0)) {
      throw new IllegalArgumentException("the cost bound must be > 0, was " + costBar);
    }
    double x = clamp(p + (costBar - costA) / 2, p, 1);
    double pWar = Math.min(1, (x - p) / costBar);
    double eu = (1 - pWar) * x + pWar * (p - costA);
    return new double[] {x, pWar, eu};
  }
}
