package spiral.game.models;

/**
 * Brinkmanship: a threat that creates a risk q of mutual catastrophe. The threat deters iff q is at
 * least the effectiveness threshold G/(G + W_C), where G is the adversary's gain from defying and
 * W_C its loss in the catastrophe; it is acceptable to the threatener, facing a share h of hard
 * (undeterrable) adversaries, iff q is at most (1 − h)(V + L)/(h(W_D − L)), where V is the
 * threatener's value of the soft adversary's compliance, L its loss from giving in and W_D its loss
 * in the disaster. A risk between the two bounds works; if the effectiveness threshold exceeds the
 * acceptability bound no risk does.
 *
 * <p>In a contest of nerves each side's critical risk ρ = (w − s)/(w − d) (prevail w, submit s,
 * disaster d) is the largest risk of disaster it would run rather than submit; by Zeuthen's
 * principle the side with the lower critical risk concedes ({@link #zeuthen}).
 *
 * <p>Sources: T. C. Schelling, <i>The Strategy of Conflict</i> (1960) and <i>Arms and Influence</i>
 * (1966); R. Powell, <i>Nuclear Deterrence Theory</i> (1990); A. Dixit, D. Reiley and S. Skeath,
 * <i>Games of Strategy</i>, ch. 13–14 (the Cuban missile crisis); F. Zeuthen, <i>Problems of
 * Monopoly and Economic Warfare</i> (1930); D. Ellsberg, "The Theory and Practice of Blackmail"
 * (1968).
 *
 * @param gain G, the adversary's gain from defying the threat (&gt; 0)
 * @param catastropheLoss W_C, the adversary's loss in the catastrophe (&gt; 0)
 * @param value V, the threatener's value of a soft adversary's compliance
 * @param loss L, the threatener's loss from giving in
 * @param disasterLoss W_D, the threatener's loss in the disaster (&gt; L)
 * @param hardShare h, the share of hard adversaries, in (0, 1]
 */
public record Brinkmanship(
    double gain, double catastropheLoss, double value, double loss, double disasterLoss,
    double hardShare) {
  /** Validates the parameters. */
  public Brinkmanship {
    Models.positive("G (adversary's gain from defying)", gain);
    Models.positive("W_C (adversary's loss in the catastrophe)", catastropheLoss);
    Models.finite("V (value of compliance)", value);
    Models.finite("L (loss from giving in)", loss);
    Models.finite("W_D (loss in the disaster)", disasterLoss);
    Models.finite("h (share of hard adversaries)", hardShare);
    if (!(disasterLoss > loss)) {
      throw new IllegalArgumentException(
          "W_D (loss in the disaster) must exceed L (loss from giving in), got W_D = "
              + disasterLoss + ", L = " + loss);
    }
    if (!(hardShare > 0 && hardShare <= 1)) {
      throw new IllegalArgumentException(
          "h (share of hard adversaries) must be in (0, 1], got " + hardShare);
    }
  }

  /**
   * The worked example used as a test oracle (DOMAIN.md §3): G = 1, W_C = 10, V = 1, L = 2,
   * W_D = 20, h = 0.3.
   */
  public static Brinkmanship standard() {
    return new Brinkmanship(1, 10, 1, 2, 20, 0.3);
  }

  /** The least risk that deters: G/(G + W_C). */
  public double effectiveness() {
    return gain / (gain + catastropheLoss);
  }

  /** The greatest risk the threatener accepts: (1 − h)(V + L)/(h(W_D − L)) (may exceed 1). */
  public double acceptability() {
    return (1 - hardShare) * (value + loss) / (hardShare * (disasterLoss - loss));
  }

  /** Whether some risk q in [0, 1] is both effective and acceptable. */
  public boolean feasible() {
    return effectiveness() <= Math.min(1, acceptability());
  }

  /** Whether the risk {@code q} in [0, 1] is both effective and acceptable. */
  public boolean works(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("the risk q must be in [0, 1], got " + q);
    }
    return q >= effectiveness() && q <= acceptability();
  }

  /**
   * One side of a contest of nerves.
   *
   * @param prevail w, its payoff when the other side gives in
   * @param submit s, its payoff when it gives in
   * @param disaster d, its payoff in the disaster
   */
  public record Side(double prevail, double submit, double disaster) {
    /** Validates d &lt; s ≤ w. */
    public Side {
      Models.finite("w (prevail)", prevail);
      Models.finite("s (submit)", submit);
      Models.finite("d (disaster)", disaster);
      if (!(disaster < submit && submit <= prevail)) {
        throw new IllegalArgumentException(
            "a side needs disaster < submit <= prevail, got w = " + prevail + ", s = " + submit
                + ", d = " + disaster);
      }
    }

    /**
     * The critical risk ρ = (w − s)/(w − d): the largest risk of disaster it runs rather than
     * submit.
     */
    public double criticalRisk() {
      return (prevail - submit) / (prevail - disaster);
    }
  }

  /** Who concedes under Zeuthen's principle. */
  public enum Concession {
    /** The first side has the lower critical risk and concedes. */
    FIRST,
    /** The second side has the lower critical risk and concedes. */
    SECOND,
    /** Equal critical risks: both concede, as Zeuthen has it. */
    BOTH
  }

  /** Zeuthen's principle: the side with the lower critical risk concedes. */
  public static Concession zeuthen(Side first, Side second) {
    int c = Double.compare(first.criticalRisk(), second.criticalRisk());
    return c < 0 ? Concession.FIRST : c > 0 ? Concession.SECOND : Concession.BOTH;
  }
}
