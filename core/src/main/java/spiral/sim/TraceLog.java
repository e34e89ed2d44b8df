package spiral.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Tracer} that keeps the whole story of one run: its turns, talks events and ending.
 * For one run at a time ({@code spiral trace}); it allocates freely.
 */
public final class TraceLog implements Tracer {
  /** A talks event after a turn. */
  public record TalksEvent(int turn, String event) {}

  /**
   * How the run ended.
   *
   * @param outcome the outcome
   * @param turns turns played
   * @param maxRung highest executed rung
   * @param firstNuclearUser the first nuclear user's actor id, or null
   * @param directWar direct-war flag
   * @param furtherAttacks further-attacks flag
   * @param escalationScore escalation score of the run
   */
  public record Ending(
      Outcome outcome,
      int turns,
      int maxRung,
      String firstNuclearUser,
      boolean directWar,
      boolean furtherAttacks,
      int escalationScore) {}

  private CompiledModel model;
  private long run;
  private long seed;
  private final List<TraceTurn> turns = new ArrayList<>();
  private final List<TalksEvent> talks = new ArrayList<>();
  private Ending ending;

  @Override
  public void start(CompiledModel model, long run, long seed) {
    this.model = model;
    this.run = run;
    this.seed = seed;
    turns.clear();
    talks.clear();
    ending = null;
  }

  @Override
  public void turn(TraceTurn turn) {
    turns.add(turn);
  }

  @Override
  public void talks(int turn, String event) {
    talks.add(new TalksEvent(turn, event));
  }

  @Override
  public void end(RunRecord r) {
    ending =
        new Ending(
            r.outcome,
            r.turns,
            r.maxRung,
            r.firstNuclearUser < 0 ? null : model.actorId(r.firstNuclearUser),
            r.directWar,
            r.furtherAttacks,
            r.escalationScore);
  }

  /** The run index. */
  public long run() {
    return run;
  }

  /** The run's own seed. */
  public long seed() {
    return seed;
  }

  /** The turns, in order. */
  public List<TraceTurn> turns() {
    return List.copyOf(turns);
  }

  /** The talks events, in order. */
  public List<TalksEvent> talks() {
    return List.copyOf(talks);
  }

  /** How the run ended (null before the end). */
  public Ending ending() {
    return ending;
  }
}
