package spiral.sim;

import java.util.List;

/**
 * One decision as the engine made it, for tracing.
 *
 * @param turn turn number (1 = the first response)
 * @param side side index of the mover
 * @param actor the mover's id
 * @param trueOpponentRung the opponent's last executed rung
 * @param perceived the rung the mover perceived
 * @param candidates the moves weighed
 * @param chosen the index of the chosen move in {@code candidates}, or -1 for a scripted or
 *     mirrored rung outside the candidates
 * @param intended the rung the mover meant
 * @param executed the rung that happened
 * @param accident whether the act landed higher than meant (a rung higher, or at the direct-war
 *     threshold when it set off a war neither side chose)
 * @param nuclearRisk P_nuc of the chosen move by the look-ahead
 * @param pressure the mover's escalation pressure at the decision
 * @param act the executed act said from the mover's side ("United States: strikes on ...")
 * @param state the state after the act
 */
public record TraceTurn(
    int turn,
    int side,
    String actor,
    int trueOpponentRung,
    int perceived,
    List<Candidate> candidates,
    int chosen,
    int intended,
    int executed,
    boolean accident,
    double nuclearRisk,
    double pressure,
    String act,
    State state) {

  /**
   * A candidate move and how it scored.
   *
   * @param id option id, {@code hold} or {@code deescalate}
   * @param rung its rung at the perceived attack
   * @param act the act at that rung said from the mover's side
   * @param utility the actor's utility (faction-weighted)
   * @param factionUtilities the utility per faction, in the actor's faction order
   * @param probability its choice probability
   */
  public record Candidate(
      String id,
      int rung,
      String act,
      double utility,
      List<Double> factionUtilities,
      double probability) {}

  /**
   * The state after the act.
   *
   * @param initiatorRung last executed rung of the initiator
   * @param responderRung last executed rung of the responder
   * @param initiatorCost cumulative cost of the initiator
   * @param responderCost cumulative cost of the responder
   * @param initiatorCredibility &kappa; of the initiator
   * @param responderCredibility &kappa; of the responder
   * @param cohesion alliance cohesion
   * @param leverage battlefield leverage
   */
  public record State(
      int initiatorRung,
      int responderRung,
      double initiatorCost,
      double responderCost,
      double initiatorCredibility,
      double responderCredibility,
      double cohesion,
      double leverage) {}
}
