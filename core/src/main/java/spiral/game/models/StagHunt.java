package spiral.game.models;

import java.util.List;
import spiral.game.Rational;
import spiral.game.StrategicGame;

/**
 * The spiral model as a Stag Hunt: two security seekers each cooperate (Stag) or defect (Hare).
 * Mutual cooperation pays R, defecting against a cooperator T, mutual defection P and cooperating
 * against a defector S, with R &gt; T &gt; P &gt; S. A side cooperates iff its belief π that the
 * other cooperates is at least π* = (P − S)/((R − T) + (P − S)); π* is also each side's
 * probability of cooperating in the mixed equilibrium. Spirals of mistrust are the fall of beliefs
 * below π*; reassurance raises them above it.
 *
 * <p>Sources: R. Jervis, "Cooperation under the Security Dilemma", <i>World Politics</i> 30
 * (1978); A. Kydd, "Game Theory and the Spiral Model", <i>World Politics</i> 49 (1997) and
 * <i>Trust and Mistrust in International Relations</i> (2005).
 *
 * @param reward R, mutual cooperation
 * @param temptation T, defecting against a cooperator
 * @param punishment P, mutual defection
 * @param sucker S, cooperating against a defector
 */
public record StagHunt(Rational reward, Rational temptation, Rational punishment, Rational sucker) {
  /** Validates R &gt; T &gt; P &gt; S. */
  public StagHunt {
    Models.present("R (reward)", reward);
    Models.present("T (temptation)", temptation);
    Models.present("P (punishment)", punishment);
    Models.present("S (sucker)", sucker);
    if (!(reward.compareTo(temptation) > 0
        && temptation.compareTo(punishment) > 0
        && punishment.compareTo(sucker) > 0)) {
      throw new IllegalArgumentException(
          "a Stag Hunt needs R > T > P > S, got R = " + reward + ", T = " + temptation
              + ", P = " + punishment + ", S = " + sucker);
    }
  }

  /** The worked example used as a test oracle (DOMAIN.md §3): R = 4, T = 3, P = 2, S = 0. */
  public static StagHunt standard() {
    return new StagHunt(Rational.of(4), Rational.of(3), Rational.of(2), Rational.ZERO);
  }

  /**
   * π* = (P − S)/((R − T) + (P − S)): the least belief in the other's cooperation that makes
   * cooperating a best response.
   */
  public Rational threshold() {
    Rational ps = punishment.subtract(sucker);
    return ps.divide(reward.subtract(temptation).add(ps));
  }

  /** Whether a side with belief {@code belief} in [0, 1] that the other cooperates cooperates. */
  public boolean cooperates(Rational belief) {
    if (belief == null || belief.signum() < 0 || belief.compareTo(Rational.ONE) > 0) {
      throw new IllegalArgumentException("belief must be in [0, 1], got " + belief);
    }
    return belief.compareTo(threshold()) >= 0;
  }

  /** Each side's expected payoff in the mixed equilibrium: π*·R + (1 − π*)·S. */
  public Rational mixedPayoff() {
    Rational p = threshold();
    return p.multiply(reward).add(Rational.ONE.subtract(p).multiply(sucker));
  }

  /** The game in strategic form, exact: players Row and Column, strategies Stag and Hare. */
  public StrategicGame game() {
    // odometer order: (Stag,Stag), (Hare,Stag), (Stag,Hare), (Hare,Hare)
    Rational[][] pay = {
      {reward, reward}, {temptation, sucker}, {sucker, temptation}, {punishment, punishment}
    };
    return new StrategicGame(
        "Stag Hunt",
        "R = " + reward + ", T = " + temptation + ", P = " + punishment + ", S = " + sucker,
        List.of("Row", "Column"),
        List.of(List.of("Stag", "Hare"), List.of("Stag", "Hare")),
        pay);
  }

  /** The mixed equilibrium as a profile in Gambit's order: (stag, hare) for each player. */
  public List<Rational> mixedProfile() {
    Rational p = threshold();
    Rational h = Rational.ONE.subtract(p);
    return List.of(p, h, p, h);
  }
}
