package spiral.sim;

import java.util.List;

/**
 * Observes one run turn by turn, for {@code spiral trace}. The engine calls it only when one is
 * given; a tracer never draws random numbers, so a traced run is the same run as inside a
 * simulation with the same seed and run index.
 */
public interface Tracer {
  /** The run starts after the initiating event. */
  void start(CompiledModel model, long run, long seed);

  /** One actor's decision and act. */
  void turn(TraceTurn turn);

  /** Talks opened, collapsed, failed or succeeded this turn. */
  void talks(int turn, String event);

  /** The run ended. */
  void end(RunRecord record);

  /**
   * A steered run paused before the act of {@code turn} (see {@link Engine#run(long, long,
   * RunRecord, Steering)}): the mover, its perception, its candidates as it weighs them (the
   * probabilities are its policy's), and the state before the act. Nothing by default.
   */
  default void paused(
      int turn, int side, int perceived, List<TraceTurn.Candidate> candidates, TraceTurn.State state) {}
}
