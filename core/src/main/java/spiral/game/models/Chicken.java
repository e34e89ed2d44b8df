package spiral.game.models;

import java.util.List;
import spiral.game.Rational;
import spiral.game.StrategicGame;

/**
 * The game of Chicken: each side swerves or goes straight. Going straight against a swerver wins
 * {@code W}, swerving against a straight driver loses {@code L} (payoff −L), both straight is a
 * crash costing {@code C} each (payoff −C), both swerving pays 0. Chicken's ordering
 * W &gt; 0 &gt; −L &gt; −C needs W &gt; 0, L &gt; 0 and C &gt; L. Besides the two pure equilibria
 * (one swerves, the other does not) the symmetric mixed equilibrium goes straight with probability
 * q* = W/(W + C − L), crashes with probability q*², and pays each side −L·q*.
 *
 * <p>Sources: B. Russell, <i>Common Sense and Nuclear Warfare</i> (1959); A. Rapoport and A. M.
 * Chammah, "The Game of Chicken", <i>American Behavioral Scientist</i> 10 (1966); A. Dixit, D.
 * Reiley and S. Skeath, <i>Games of Strategy</i>, ch. 4 and 7.
 *
 * @param win W, the gain from going straight against a swerver (&gt; 0)
 * @param loss L, the loss from swerving against a straight driver (&gt; 0)
 * @param crash C, the loss from a crash (&gt; L)
 */
public record Chicken(Rational win, Rational loss, Rational crash) {
  /** Validates the parameters: W &gt; 0, L &gt; 0, C &gt; L. */
  public Chicken {
    Models.positive("W (win)", win);
    Models.positive("L (loss from swerving)", loss);
    Models.present("C (crash)", crash);
    if (crash.compareTo(loss) <= 0) {
      throw new IllegalArgumentException(
          "C (crash) must exceed L (loss from swerving), got C = " + crash + ", L = " + loss);
    }
  }

  /** The worked example used as a test oracle (DOMAIN.md §3): W = L = 1, C = 10. */
  public static Chicken standard() {
    return new Chicken(Rational.ONE, Rational.ONE, Rational.of(10));
  }

  /** q* = W/(W + C − L): each side's probability of going straight in the mixed equilibrium. */
  public Rational straightProbability() {
    return win.divide(win.add(crash).subtract(loss));
  }

  /** P(crash) = q*², both going straight in the mixed equilibrium. */
  public Rational crashProbability() {
    Rational q = straightProbability();
    return q.multiply(q);
  }

  /** Each side's expected payoff in the mixed equilibrium, −L·q* (what swerving earns). */
  public Rational mixedPayoff() {
    return loss.negate().multiply(straightProbability());
  }

  /**
   * The game in strategic form, exact: players Row and Column, strategies Swerve and Straight.
   */
  public StrategicGame game() {
    Rational w = win;
    Rational l = loss.negate();
    Rational c = crash.negate();
    Rational z = Rational.ZERO;
    // odometer order: (Swerve,Swerve), (Straight,Swerve), (Swerve,Straight), (Straight,Straight)
    Rational[][] pay = {{z, z}, {w, l}, {l, w}, {c, c}};
    return new StrategicGame(
        "Chicken",
        "W = " + win + ", L = " + loss + ", C = " + crash,
        List.of("Row", "Column"),
        List.of(List.of("Swerve", "Straight"), List.of("Swerve", "Straight")),
        pay);
  }

  /** The mixed equilibrium as a profile in Gambit's order: (swerve, straight) for each player. */
  public List<Rational> mixedProfile() {
    Rational q = straightProbability();
    Rational s = Rational.ONE.subtract(q);
    return List.of(s, q, s, q);
  }
}
