package spiral.wargame;

import java.util.List;
import java.util.Map;

/**
 * Everything one seat may know of a wargame: the information-flow boundary of its view. {@link
 * GameState#view} cuts it from the replay, and {@link SeatViews#build} makes the seat's view from
 * it alone, so that no number a seat is shown can come from the opponent's hidden state: the
 * stream holds the seat's side's own acts, the rungs at which its side perceived the opponent's
 * acts, the public events, and the truth only once the game is over.
 *
 * @param seat the seat
 * @param turn the turn awaiting moves, or the last turn played when over
 * @param over whether the game has ended
 * @param outcome the outcome name when over, else null
 * @param sideToMove the side to move, -1 when over
 * @param awaitingYou whether the game waits for this seat's move
 * @param steps every played turn in order: the side's own acts and the opponent's turns
 * @param perceivedNow when the seat's side is to move, its perception of the opponent's last act
 * @param events the public events so far
 * @param talks the public talks events by turn
 * @param end the seat's side's true end state, only once the game is over (else null)
 */
record SeatStream(
    SeatInfo seat,
    int turn,
    boolean over,
    String outcome,
    int sideToMove,
    boolean awaitingYou,
    List<Step> steps,
    Integer perceivedNow,
    List<GameEvent> events,
    Map<Integer, List<GameEvent>> talks,
    End end) {

  /** A played turn as the seat's side knows it. */
  sealed interface Step permits Own, Opponent {
    int turn();
  }

  /**
   * A turn on which the seat's side acted.
   *
   * @param perceived the rung at which it perceived the opponent's last act
   * @param candidate the candidate played, or -(rung + 1) for a bare rung of its policy
   * @param option the candidate's id, or null for a bare rung
   * @param intended the rung meant
   * @param executed the rung that happened
   * @param accident whether it landed higher than meant
   * @param vote this seat's vote, or null
   */
  record Own(
      int turn,
      int perceived,
      int candidate,
      String option,
      int intended,
      int executed,
      boolean accident,
      String vote)
      implements Step {}

  /**
   * A turn on which the opponent acted.
   *
   * @param perceived the rung at which the seat's side perceived the act, or null if it has not
   *     had to read it yet
   */
  record Opponent(int turn, Integer perceived) implements Step {}

  /**
   * The side's true end state, for the view once the game is over (everyone then sees the truth).
   */
  record End(double cost, double credibility, Double cohesion, double[] influence) {}
}
