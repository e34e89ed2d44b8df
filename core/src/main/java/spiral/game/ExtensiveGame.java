package spiral.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finite extensive-form game (a tree): chance nodes with exact probabilities, personal nodes
 * grouped into information sets, and outcomes (which may sit on any node and add up along a path).
 * Player numbers are 1-based, chance is player 0.
 */
public final class ExtensiveGame implements Game {
  /** An information set; {@code probabilities} is empty for a personal player's set. */
  public record Infoset(
      int player, int number, String label, List<String> actions, List<Rational> probabilities) {
    public Infoset {
      actions = List.copyOf(actions);
      probabilities = List.copyOf(probabilities);
    }

    /** Whether this is a chance set. */
    public boolean isChance() {
      return player == 0;
    }
  }

  /** An outcome: a numbered payoff vector (one entry per player). */
  public record Outcome(int number, String label, List<Rational> payoffs) {
    public Outcome {
      payoffs = List.copyOf(payoffs);
    }
  }

  /**
   * A node: terminal when {@code infoset} is null; {@code outcome} may be null (the null outcome).
   */
  public record Node(String label, Infoset infoset, Outcome outcome, List<Node> children) {
    public Node {
      children = List.copyOf(children);
      if ((infoset == null ? 0 : infoset.actions().size()) != children.size()) {
        throw new IllegalArgumentException("node '" + label + "': children differ from actions");
      }
    }

    /** Whether the node ends the game. */
    public boolean isTerminal() {
      return infoset == null;
    }
  }

  private final String title;
  private final String comment;
  private final List<String> players;
  private final Node root;
  private final List<List<Infoset>> infosets; // index 0: chance, i: player i

  /** A game from its root. Infosets and outcomes must be used consistently. */
  public ExtensiveGame(String title, String comment, List<String> players, Node root) {
    this.title = Objects.requireNonNull(title);
    this.comment = Objects.requireNonNull(comment);
    this.players = List.copyOf(players);
    this.root = Objects.requireNonNull(root);
    List<Map<Integer, Infoset>> seen = new ArrayList<>();
    for (int i = 0; i <= players.size(); i++) {
      seen.add(new LinkedHashMap<>());
    }
    collect(root, seen, new HashMap<>());
    List<List<Infoset>> l = new ArrayList<>();
    for (Map<Integer, Infoset> m : seen) {
      l.add(List.copyOf(m.values()));
    }
    infosets = List.copyOf(l);
  }

  private void collect(Node n, List<Map<Integer, Infoset>> seen, Map<Integer, Outcome> outcomes) {
    if (n.outcome() != null) {
      Outcome o = n.outcome();
      if (o.payoffs().size() != players.size()) {
        throw new IllegalArgumentException("outcome " + o.number() + ": wrong number of payoffs");
      }
      Outcome prev = outcomes.putIfAbsent(o.number(), o);
      if (prev != null && !prev.equals(o)) {
        throw new IllegalArgumentException("outcome " + o.number() + " used inconsistently");
      }
    }
    Infoset s = n.infoset();
    if (s == null) {
      return;
    }
    if (s.player() < 0 || s.player() > players.size()) {
      throw new IllegalArgumentException("no player " + s.player());
    }
    Infoset prev = seen.get(s.player()).putIfAbsent(s.number(), s);
    if (prev != null && !prev.equals(s)) {
      throw new IllegalArgumentException("information set " + s.number() + " used inconsistently");
    }
    for (Node c : n.children()) {
      collect(c, seen, outcomes);
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

  /** The root node. */
  public Node root() {
    return root;
  }

  /**
   * Information sets of player {@code player} (0 = chance) in depth-first order of first
   * appearance: the order in which behaviour profiles list them.
   */
  public List<Infoset> infosets(int player) {
    return infosets.get(player);
  }

  /** Length of a behaviour profile: all actions of all personal players' information sets. */
  public int profileLength() {
    int n = 0;
    for (int i = 1; i <= players.size(); i++) {
      for (Infoset s : infosets.get(i)) {
        n += s.actions().size();
      }
    }
    return n;
  }

  /**
   * The smallest and the largest payoff of any player on any path from the root (outcomes add up
   * along a path; chance moves are not averaged), as Gambit's {@code GetMinPayoff} and {@code
   * GetMaxPayoff} give them for a tree: the range by which its numerical methods scale payoffs.
   */
  public Rational[] payoffBounds() {
    Rational min = null;
    Rational max = null;
    for (int p = 0; p < players.size(); p++) {
      Rational lo = pathBound(root, p, -1);
      Rational hi = pathBound(root, p, 1);
      min = min == null || lo.compareTo(min) < 0 ? lo : min;
      max = max == null || hi.compareTo(max) > 0 ? hi : max;
    }
    return new Rational[] {min == null ? Rational.ZERO : min, max == null ? Rational.ZERO : max};
  }

  /** The smallest (sign -1) or largest (sign 1) sum of player p's payoffs on a path from n. */
  private static Rational pathBound(Node n, int p, int sign) {
    Rational value = Rational.ZERO;
    if (!n.isTerminal()) {
      Rational best = null;
      for (Node c : n.children()) {
        Rational v = pathBound(c, p, sign);
        if (best == null || v.compareTo(best) * sign > 0) {
          best = v;
        }
      }
      value = best;
    }
    return n.outcome() == null ? value : value.add(n.outcome().payoffs().get(p));
  }

  /** What a solver that needs perfect recall says of a game without it. */
  public static final String IMPERFECT_RECALL =
      "computing equilibria of games with imperfect recall is not supported";

  /**
   * Refuses a game without perfect recall, for the solvers that need it.
   *
   * @throws IllegalArgumentException ({@link #IMPERFECT_RECALL}) if a player forgets
   */
  public void requirePerfectRecall() {
    if (!hasPerfectRecall()) {
      throw new IllegalArgumentException(IMPERFECT_RECALL);
    }
  }

  /**
   * Whether every player always remembers their own earlier information sets and actions: all
   * nodes of a set are reached through the same sequence of the player's own moves.
   */
  public boolean hasPerfectRecall() {
    Map<Infoset, Object> last = new HashMap<>();
    return recall(root, new Object[players.size() + 1], last);
  }

  private static final Object START = new Object();

  private static boolean recall(Node n, Object[] seq, Map<Infoset, Object> last) {
    Infoset s = n.infoset();
    if (s == null) {
      return true;
    }
    int p = s.player();
    if (p > 0) {
      Object mine = seq[p] == null ? START : seq[p];
      Object prev = last.putIfAbsent(s, mine);
      if (prev != null && !prev.equals(mine)) {
        return false;
      }
    }
    for (int a = 0; a < n.children().size(); a++) {
      Object saved = seq[p];
      if (p > 0) {
        seq[p] = List.of(s.number(), a);
      }
      boolean ok = recall(n.children().get(a), seq, last);
      seq[p] = saved;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensiveGame g
        && title.equals(g.title)
        && comment.equals(g.comment)
        && players.equals(g.players)
        && root.equals(g.root);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, players, root);
  }

  @Override
  public String toString() {
    return "ExtensiveGame[" + title + ", " + players + "]";
  }
}
