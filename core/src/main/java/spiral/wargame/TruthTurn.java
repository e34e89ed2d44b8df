package spiral.wargame;

import java.util.List;
import spiral.sim.TraceTurn;

/**
 * One played turn of a wargame as the engine saw it: the full truth, for the facilitator during
 * play and for everyone once the game is over.
 *
 * @param turn the turn (1 = the responder's first response)
 * @param side the side that moved (0 initiator, 1 responder)
 * @param sideName {@code "red"} or {@code "blue"}
 * @param actor the mover's actor id
 * @param trueOpponentRung the opponent's last executed rung
 * @param perceived the rung the mover perceived
 * @param option the id of the candidate played, or null for a bare rung of a scripted or mirroring
 *     policy
 * @param intended the rung the mover meant
 * @param executed the rung that happened
 * @param act the executed act said from the mover's side ("United States: strikes on ...")
 * @param accident whether the act landed higher than meant (a rung higher, or at the direct-war
 *     threshold when it set off a war neither side chose)
 * @param nuclearRisk P_nuc of the move by the look-ahead
 * @param candidates the mover's candidates as it weighed them (probabilities are its policy's)
 * @param votes the votes of the mover's seats
 * @param state the state after the act
 * @param events the public events of the turn
 */
public record TruthTurn(
    int turn,
    int side,
    String sideName,
    String actor,
    int trueOpponentRung,
    int perceived,
    String option,
    int intended,
    int executed,
    String act,
    boolean accident,
    double nuclearRisk,
    List<TraceTurn.Candidate> candidates,
    List<Vote> votes,
    TraceTurn.State state,
    List<GameEvent> events) {

  /**
   * One seat's vote on a turn.
   *
   * @param seat the seat id
   * @param option the candidate it voted for (an id, or {@code rung N} for a bare rung)
   * @param human whether a person chose it (false: the side's policy chose for the seat)
   * @param influence the weight of the vote: the seat's faction's current influence (1 for a side
   *     seat)
   */
  public record Vote(String seat, String option, boolean human, double influence) {}
}
