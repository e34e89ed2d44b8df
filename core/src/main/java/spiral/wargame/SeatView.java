package spiral.wargame;

import java.util.List;

/**
 * What one seat sees of a wargame (fog of war): its own side's moves and state, the opponent's
 * moves only as its side perceived them, its own private parameters, its choices when its side is
 * to move, the public events and a narrative from its side's perspective. It never holds the
 * opponent's true executed or intended rungs, options, candidates, utilities, costs, credibility,
 * faction weights or perception parameters, nor the opponent's accidents.
 *
 * <p>While the game runs every number in it is computed from what the seat's side may know (its
 * own acts, its perceptions, the scenario's public data and its beliefs about the opponent; see
 * {@link SeatBelief}), never from the opponent's hidden state; once the game is over its {@code
 * state} is the truth. Every move is told from its actor's side ("United States: strikes on
 * ...", {@link spiral.sim.CompiledModel#describe}).
 *
 * @param scenario the scenario id
 * @param seat the seat
 * @param turn the turn awaiting moves, or the last turn played when over
 * @param over whether the game has ended
 * @param outcome the outcome name when over, else null
 * @param sideToMove the side to move (0 red, 1 blue), -1 when over
 * @param awaitingYou whether the game waits for this seat's move
 * @param perceivedNow when this seat's side is to move: the rung at which it perceives the
 *     opponent's last act; else null
 * @param choices when this seat's side is to move: its candidates with their rungs at that
 *     perception and this seat's utility of each (its faction's, or its actor's for a side seat);
 *     else empty
 * @param ownMoves its side's moves
 * @param opponentMoves the opponent's moves as its side perceived them
 * @param state its side's current state: perceived while the game runs, the truth once over
 * @param belief its side's beliefs about the opponent and its own situation ({@link SeatBelief})
 * @param parameters its own private parameters
 * @param events the public events so far
 * @param narrative one or two sentences per turn, from its side's perspective
 */
public record SeatView(
    String scenario,
    SeatInfo seat,
    int turn,
    boolean over,
    String outcome,
    int sideToMove,
    boolean awaitingYou,
    Integer perceivedNow,
    List<Choice> choices,
    List<OwnMove> ownMoves,
    List<SeenMove> opponentMoves,
    OwnState state,
    Belief belief,
    Parameters parameters,
    List<GameEvent> events,
    List<String> narrative) {

  /**
   * A candidate move open to the seat's side now.
   *
   * @param id option id, {@code hold} or {@code deescalate}
   * @param rung its rung at the side's perception
   * @param act the act at that rung, said from the seat's side
   * @param utility the seat's utility of it, in the situation its side believes it is in; null
   *     where the game does not show the engine's utilities to its players ({@link
   *     #withoutUtilities})
   */
  public record Choice(String id, int rung, String act, Double utility) {}

  /**
   * The same view with the engine's utilities of the candidate moves left out, for a human player
   * outside a teaching game: a player shown the engine's scores tends to anchor on its choice.
   */
  public SeatView withoutUtilities() {
    List<Choice> bare = choices.stream().map(c -> new Choice(c.id(), c.rung(), c.act(), null)).toList();
    return new SeatView(scenario, seat, turn, over, outcome, sideToMove, awaitingYou, perceivedNow, bare, ownMoves,
        opponentMoves, state, belief, parameters, events, narrative);
  }

  /**
   * A move of the seat's own side.
   *
   * @param turn the turn
   * @param option the candidate played, or null for a bare rung of its policy
   * @param intended the rung meant
   * @param executed the rung that happened
   * @param act the executed act, said from the seat's side
   * @param accident whether it landed a rung higher than meant
   * @param yourVote this seat's vote that turn
   */
  public record OwnMove(
      int turn,
      String option,
      int intended,
      int executed,
      String act,
      boolean accident,
      String yourVote) {}

  /**
   * An opponent's move as the seat's side perceived it.
   *
   * @param turn the turn the opponent moved (0 = the initiating event)
   * @param actor the opponent's actor id
   * @param perceivedRung the rung the side perceived it at, or null if the side has not yet had
   *     to read it (it reads it at the start of its next turn)
   * @param act the act as perceived, said from the opponent's side, or null when not yet read
   */
  public record SeenMove(int turn, String actor, Integer perceivedRung, String act) {}

  /**
   * The seat's side's own state.
   *
   * @param basis {@code "perceived"} while the game runs: the cost is the damage of the opponent
   *     acts at the rungs perceived (with its own acts' costs and the war at the believed
   *     leverage), credibility and cohesion follow its own acts with the risks it believes;
   *     {@code "truth"} once the game is over
   * @param cost its cumulative cost
   * @param credibility its credibility &kappa; (the opponent's belief that it carries out threats)
   * @param cohesion the alliance cohesion, for the responder only (else null)
   */
  public record OwnState(String basis, double cost, double credibility, Double cohesion) {}

  /**
   * The seat's side's beliefs ({@link SeatBelief}), from its own perceptions only.
   *
   * @param opponentCredibility &kappa;&#770;: the opponent's credibility as the side estimates it
   *     (prior: the scenario's starting credibility; updated from the perceived opponent acts)
   * @param pressure its escalation pressure &pi; at its last decision
   * @param weariness its war weariness w at its last decision (perceived felt cost over its pain
   *     threshold)
   * @param leverage the battlefield leverage as it believes it (the responder-supported side's
   *     chance of prevailing)
   */
  public record Belief(
      double opponentCredibility, double pressure, double weariness, double leverage) {}

  /**
   * The seat's private parameters.
   *
   * @param rationality &lambda; of its actor's quantal response, or null for best response
   * @param noise its actor's perception noise &sigma;, in rungs
   * @param threatBias its actor's perception bias b, in rungs
   * @param factions its faction (a faction seat) or its actor's factions (a side seat)
   */
  public record Parameters(
      Double rationality, double noise, double threatBias, List<FactionParameters> factions) {}

  /**
   * A faction's weights and current influence.
   *
   * @param id faction id
   * @param name display name
   * @param influence its current influence &omega;_f as its side accounts for it while the game
   *     runs (the truth once over)
   * @param credibility w_c
   * @param risk w_r
   * @param cost w_k
   * @param punishment w_g
   */
  public record FactionParameters(
      String id,
      String name,
      double influence,
      double credibility,
      double risk,
      double cost,
      double punishment) {}
}
