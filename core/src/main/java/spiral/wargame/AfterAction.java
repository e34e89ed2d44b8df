package spiral.wargame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.Intervals;
import spiral.sim.Outcome;
import spiral.sim.Progress;
import spiral.sim.RunRecord;
import spiral.sim.Simulator;
import spiral.sim.Stats;
import spiral.sim.TraceTurn;
import spiral.sim.Tracer;

/**
 * Builds the after-action report of a wargame: it runs the existing {@link Simulator} on the
 * scenario (all engine, the given seed) and compares the played game with the simulated
 * distribution: outcome shares with 95% Wilson intervals, the distribution of the highest rung and
 * the played game's percentile in it, the distribution of the end turn, and per turn the simulated
 * 10%, 50% and 90% quantiles of the highest rung reached by then against the played path.
 *
 * <p>Cost: the simulation, O(runs &times; turns &times; candidates) on the executor, plus the
 * per-turn band from the first min(runs, {@value #MAX_TRACE_RUNS}) runs replayed on the calling
 * thread, O(traced runs &times; horizon) time and memory.
 */
public final class AfterAction {
  /** The most runs traced for the per-turn band (their quantiles are stable enough for a chart). */
  public static final int MAX_TRACE_RUNS = 400;

  private AfterAction() {}

  /**
   * The after-action report.
   *
   * @param game the game
   * @param state its state (over or not)
   * @param runs simulated runs (&ge; 1)
   * @param seed the master seed of the simulation
   * @param executor runs the simulation's blocks
   * @param parallelism how many blocks the executor runs at once (&ge; 1)
   * @throws IllegalArgumentException if runs &lt; 1 or parallelism &lt; 1
   */
  public static AfterActionReport of(
      Wargame game, GameState state, int runs, long seed, Executor executor, int parallelism) {
    Objects.requireNonNull(game, "game");
    Objects.requireNonNull(state, "state");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    CompiledModel m = game.model();
    Stats stats = new Simulator(executor, parallelism).run(m, runs, seed, Progress.NONE);
    long n = stats.runs();

    List<AfterActionReport.OutcomeShare> outcomes = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      long k = stats.count(o);
      double[] ci = Intervals.wilson(k, n, Intervals.Z95);
      outcomes.add(new AfterActionReport.OutcomeShare(o.name(), k, (double) k / n, ci[0], ci[1]));
    }
    long[] maxHist = stats.maxRungHistogram();
    List<Double> highest = shares(maxHist, n);
    int played = state.highestRung();
    long below = 0;
    for (int r = 0; r < played && r < maxHist.length; r++) {
      below += maxHist[r];
    }
    long equal = played < maxHist.length ? maxHist[played] : 0;
    double percentile = Math.min(100, Math.max(0, 100.0 * (below + 0.5 * equal) / n));
    List<Double> endTurn = shares(stats.turnsHistogram(), n);

    int traceRuns = (int) Math.min(runs, MAX_TRACE_RUNS);
    List<AfterActionReport.TurnBand> path = band(m, seed, traceRuns, state);

    AfterActionReport draft =
        new AfterActionReport(
            game.scenario().id(),
            seed,
            n,
            traceRuns,
            state.outcome(),
            state.turn(),
            played,
            outcomes,
            highest,
            percentile,
            endTurn,
            path,
            List.of());
    return new AfterActionReport(
        draft.scenario(),
        draft.seed(),
        draft.runs(),
        draft.traceRuns(),
        draft.playedOutcome(),
        draft.playedTurns(),
        draft.playedHighestRung(),
        draft.outcomes(),
        draft.highestRung(),
        draft.playedPercentile(),
        draft.endTurn(),
        draft.path(),
        summary(game, state, draft, maxHist));
  }

  private static List<Double> shares(long[] hist, long n) {
    List<Double> out = new ArrayList<>(hist.length);
    for (long c : hist) {
      out.add((double) c / n);
    }
    return out;
  }

  /** Highest rung by turn of traced runs 0..traceRuns-1 against the played game. */
  private static List<AfterActionReport.TurnBand> band(
      CompiledModel m, long seed, int traceRuns, GameState state) {
    int horizon = m.scenario().horizon();
    int r0 = m.initiatingRung();
    int[][] byTurn = new int[traceRuns][];
    Engine engine = new Engine(m);
    RunRecord rec = new RunRecord();
    MaxTracer tracer = new MaxTracer(horizon, r0);
    engine.tracer(tracer);
    int last = state.turn();
    for (int k = 0; k < traceRuns; k++) {
      tracer.reset();
      engine.run(seed, k, rec);
      last = Math.max(last, rec.turns);
      byTurn[k] = tracer.fill();
    }
    int[] playedPath = new int[state.turn() + 1];
    playedPath[0] = r0;
    int hi = r0;
    for (TruthTurn t : state.truth()) {
      hi = Math.max(hi, t.executed());
      playedPath[t.turn()] = hi;
    }
    for (int t = 1; t < playedPath.length; t++) {
      playedPath[t] = Math.max(playedPath[t], playedPath[t - 1]);
    }
    List<AfterActionReport.TurnBand> out = new ArrayList<>();
    double[] col = new double[traceRuns];
    for (int t = 0; t <= last; t++) {
      for (int k = 0; k < traceRuns; k++) {
        col[k] = byTurn[k][t];
      }
      Arrays.sort(col);
      out.add(
          new AfterActionReport.TurnBand(
              t,
              quantile(col, 0.1),
              quantile(col, 0.5),
              quantile(col, 0.9),
              t < playedPath.length ? playedPath[t] : null));
    }
    return out;
  }

  /** The q-quantile of sorted values, linear between order statistics (Hyndman-Fan type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Records the highest executed rung by turn of one run. */
  private static final class MaxTracer implements Tracer {
    private final int r0;
    private final int[] max;

    MaxTracer(int horizon, int r0) {
      this.r0 = r0;
      this.max = new int[horizon + 1];
    }

    void reset() {
      Arrays.fill(max, r0);
    }

    /** The highest rung by every turn 0..horizon; turns after the end keep the final one. */
    int[] fill() {
      int[] out = max.clone();
      for (int t = 1; t < out.length; t++) {
        out[t] = Math.max(out[t - 1], out[t]);
      }
      return out;
    }

    @Override
    public void start(CompiledModel model, long run, long seed) {}

    @Override
    public void turn(TraceTurn turn) {
      max[turn.turn()] = Math.max(r0, turn.executed());
    }

    @Override
    public void talks(int turn, String event) {}

    @Override
    public void end(RunRecord record) {}
  }

  private static List<String> summary(
      Wargame game, GameState state, AfterActionReport r, long[] maxHist) {
    List<String> out = new ArrayList<>();
    String runs = r.runs() + " simulated runs";
    if (state.over()) {
      AfterActionReport.OutcomeShare same = null;
      for (AfterActionReport.OutcomeShare o : r.outcomes()) {
        if (o.outcome().equals(state.outcome())) {
          same = o;
        }
      }
      out.add(
          "The played game ended in " + state.outcome() + " at turn " + state.turn() + "; "
              + pct(same.p()) + " [" + pct(same.low()) + ", " + pct(same.high()) + "] of " + runs
              + " did.");
    } else {
      out.add("The played game is still running at turn " + state.turn() + ".");
    }
    int median = 0;
    long seen = 0;
    long n = r.runs();
    for (int k = 0; k < maxHist.length; k++) {
      seen += maxHist[k];
      if (2 * seen >= n) {
        median = k;
        break;
      }
    }
    out.add(
        "Its highest rung" + (state.over() ? ", " : " so far, ") + r.playedHighestRung() + " ("
            + game.scenario().ladder().rung(r.playedHighestRung()).name() + "), lies at the "
            + Math.round(r.playedPercentile()) + "th percentile of the simulated highest rungs"
            + " (simulated median: rung " + median + ").");
    int above = -1;
    int under = -1;
    for (AfterActionReport.TurnBand b : r.path()) {
      if (b.played() == null) {
        continue;
      }
      if (above < 0 && b.played() > b.p90()) {
        above = b.turn();
      }
      if (under < 0 && b.played() < b.p10()) {
        under = b.turn();
      }
    }
    if (above >= 0) {
      out.add(
          "By turn " + above + " the played game had climbed above the simulated 90% quantile of"
              + " the highest rung reached.");
    }
    if (under >= 0) {
      out.add(
          "By turn " + under + " the played game stayed below the simulated 10% quantile of the"
              + " highest rung reached.");
    }
    if (above < 0 && under < 0) {
      out.add("At every turn the played path stayed within the simulated 10%-90% band.");
    }
    return out;
  }

  private static String pct(double p) {
    return Math.round(p * 100) + "%";
  }
}
