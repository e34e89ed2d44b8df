package spiral.sim;

import java.util.ArrayList;
import java.util.List;

/** A tracer for tests: keeps every turn, the last paused act's candidates and the run's end. */
public final class TurnLog implements Tracer {
  public final List<TraceTurn> turns = new ArrayList<>();
  public List<TraceTurn.Candidate> pending;
  public RunRecord end;

  @Override
  public void start(CompiledModel model, long run, long seed) {}

  @Override
  public void turn(TraceTurn turn) {
    turns.add(turn);
  }

  @Override
  public void talks(int turn, String event) {}

  @Override
  public void end(RunRecord record) {
    end = record;
  }

  @Override
  public void paused(
      int turn, int side, int perceived, List<TraceTurn.Candidate> c, TraceTurn.State s) {
    pending = c;
  }
}
