package spiral.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A finite strategic (normal-form) game with exact payoffs. Pure profiles are indexed in Gambit's
 * odometer order: player 1's strategy changes fastest. Storage is one {@link Rational} per profile
 * and player.
 */
public final class StrategicGame implements Game {
  private final String title;
  private final String comment;
  private final List<String> players;
  private final List<List<String>> strategies;
  private final Rational[][] payoffs; // [profile][player]
  private final int[] strides;

  /**
   * A game from its labels and payoffs; {@code payoffs[profile][player]} in odometer order.
   *
   * @throws IllegalArgumentException when the sizes do not match
   */
  public StrategicGame(
      String title,
      String comment,
      List<String> players,
      List<List<String>> strategies,
      Rational[][] payoffs) {
    this.title = Objects.requireNonNull(title);
    this.comment = Objects.requireNonNull(comment);
    this.players = List.copyOf(players);
    List<List<String>> s = new ArrayList<>();
    for (List<String> l : strategies) {
      if (l.isEmpty()) {
        throw new IllegalArgumentException("a player without strategies");
      }
      s.add(List.copyOf(l));
    }
    this.strategies = List.copyOf(s);
    if (players.size() != strategies.size()) {
      throw new IllegalArgumentException("players and strategy lists differ in number");
    }
    strides = new int[players.size()];
    long n = 1;
    for (int i = 0; i < players.size(); i++) {
      strides[i] = (int) n;
      n *= strategies.get(i).size();
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many profiles");
      }
    }
    if (payoffs.length != n) {
      throw new IllegalArgumentException("expected " + n + " profiles, got " + payoffs.length);
    }
    this.payoffs = new Rational[payoffs.length][];
    for (int p = 0; p < payoffs.length; p++) {
      if (payoffs[p].length != players.size()) {
        throw new IllegalArgumentException("profile " + p + " has the wrong number of payoffs");
      }
      this.payoffs[p] = payoffs[p].clone();
    }
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String comment() {
    return comment;
  }

  @Override
  public List<String> players() {
    return players;
  }

  /** Strategy labels of each player. */
  public List<List<String>> strategies() {
    return strategies;
  }

  /** Number of strategies of player {@code i} (0-based). */
  public int numStrategies(int i) {
    return strategies.get(i).size();
  }

  /** Number of pure profiles. */
  public int numProfiles() {
    return payoffs.length;
  }

  /** Index step of player {@code i}'s strategy in the odometer order. */
  public int stride(int i) {
    return strides[i];
  }

  /** Index of a pure profile given 0-based strategies. */
  public int profileIndex(int[] strategy) {
    int idx = 0;
    for (int i = 0; i < strategy.length; i++) {
      idx += strategy[i] * strides[i];
    }
    return idx;
  }

  /** Player {@code player}'s strategy in profile {@code profile}. */
  public int strategyOf(int profile, int player) {
    return (profile / strides[player]) % strategies.get(player).size();
  }

  /** Payoff of {@code player} (0-based) at pure profile {@code profile}. */
  public Rational payoff(int profile, int player) {
    return payoffs[profile][player];
  }

  /** Total number of strategies over all players (the length of a mixed profile). */
  public int profileLength() {
    int n = 0;
    for (List<String> s : strategies) {
      n += s.size();
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StrategicGame g)) {
      return false;
    }
    return title.equals(g.title)
        && comment.equals(g.comment)
        && players.equals(g.players)
        && strategies.equals(g.strategies)
        && Arrays.deepEquals(payoffs, g.payoffs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, players, strategies, Arrays.deepHashCode(payoffs));
  }

  @Override
  public String toString() {
    return "StrategicGame[" + title + ", " + strategies + "]";
  }
}
