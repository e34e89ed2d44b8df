package spiral.game;

import java.util.List;

/**
 * One equilibrium as a value: the profile's probabilities in Gambit's order (strategic: player 1's
 * strategies then player 2's...; behaviour: players in order, information sets in depth-first
 * order of first appearance, actions in file order) and each player's expected payoff.
 */
public record Equilibrium(List<Rational> profile, List<Rational> payoffs) {
  public Equilibrium {
    profile = List.copyOf(profile);
    payoffs = List.copyOf(payoffs);
  }

  /** Gambit's line: {@code NE,} then the probabilities as exact rationals. */
  public String gambitLine() {
    StringBuilder b = new StringBuilder("NE");
    for (Rational r : profile) {
      b.append(',').append(r);
    }
    return b.toString();
  }

  /** Gambit's line with probabilities as fixed decimals. */
  public String gambitLine(int decimals) {
    StringBuilder b = new StringBuilder("NE");
    for (Rational r : profile) {
      b.append(',').append(r.toDecimal(decimals));
    }
    return b.toString();
  }
}
