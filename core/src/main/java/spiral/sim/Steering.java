package spiral.sim;

/**
 * Steers the moves of a run (see {@link Engine#run(long, long, RunRecord, Steering)}): the engine
 * asks it, on every turn, which move the side to move plays. Wargames use it to let people play
 * seats, the engine's policies playing the rest.
 */
@FunctionalInterface
public interface Steering {
  /** Returned by {@link #steer} to stop the run before the turn's act. */
  int PAUSE = Integer.MIN_VALUE;

  /**
   * The move the side plays this turn.
   *
   * @param turn the turn (1 = the responder's first response)
   * @param side the side to move (0 initiator, 1 responder)
   * @param perceivedRung the rung the side perceived of the opponent's last act
   * @param policyChoice what the side's policy chose: an index into its candidates, or -(rung + 1)
   *     for a bare rung (scripted and mirroring policies)
   * @param influence the side's current faction influence, in the actor's faction order; read
   *     only (it is the engine's own array)
   * @return a candidate index, a bare rung -(rung + 1), or {@link #PAUSE}
   */
  int steer(int turn, int side, int perceivedRung, int policyChoice, double[] influence);
}
