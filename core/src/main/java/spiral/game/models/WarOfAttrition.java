package spiral.game.models;

/**
 * The symmetric war of attrition: two sides contest a prize V, each paying c per unit of time until
 * one quits. In the symmetric equilibrium each side quits at the constant hazard c/V (its quitting
 * time is exponential with mean V/c), which makes it indifferent between quitting and holding on.
 * The contest ends at the first quit, at rate 2c/V: its expected duration is V/(2c), the expected
 * total cost of both sides is 2c·V/(2c) = V (the prize is dissipated in full) and each side's
 * expected payoff is 0.
 *
 * <p>Sources: J. Maynard Smith, "The Theory of Games and the Evolution of Animal Conflicts",
 * <i>Journal of Theoretical Biology</i> 47 (1974); D. T. Bishop and C. Cannings, <i>Journal of
 * Theoretical Biology</i> 70 (1978); K. Hendricks, A. Weiss and C. Wilson, "The War of Attrition in
 * Continuous Time with Complete Information", <i>International Economic Review</i> 29 (1988); D.
 * Fudenberg and J. Tirole, <i>Game Theory</i> (1991), sec. 4.5.
 *
 * @param prize V, the value of the prize (&gt; 0)
 * @param cost c, each side's cost per unit of time (&gt; 0)
 */
public record WarOfAttrition(double prize, double cost) {
  /** Validates V &gt; 0, c &gt; 0. */
  public WarOfAttrition {
    Models.positive("V (prize)", prize);
    Models.positive("c (cost per unit of time)", cost);
  }

  /** The worked example used as a test oracle (DOMAIN.md §3): V = 10, c = 1. */
  public static WarOfAttrition standard() {
    return new WarOfAttrition(10, 1);
  }

  /** Each side's quitting hazard c/V. */
  public double hazard() {
    return cost / prize;
  }

  /** The rate at which the contest ends, 2c/V (either side quitting). */
  public double endRate() {
    return 2 * hazard();
  }

  /** The expected duration of the contest, V/(2c). */
  public double expectedDuration() {
    return prize / (2 * cost);
  }

  /** The expected total cost to both sides, 2c·V/(2c) = V. */
  public double expectedTotalCost() {
    return 2 * cost * expectedDuration();
  }

  /** The probability that the contest is still on at time {@code t} ≥ 0: exp(−2ct/V). */
  public double survival(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
    }
    return Math.exp(-endRate() * t);
  }
}
