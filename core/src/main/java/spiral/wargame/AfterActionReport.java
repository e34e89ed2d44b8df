package spiral.wargame;

import java.util.List;

/**
 * The after-action report of a wargame: the played game against the distribution of all-engine
 * simulated runs of the same scenario and seed (see {@link AfterAction}).
 *
 * @param scenario the scenario id
 * @param seed the master seed of the simulation (and of the game)
 * @param runs the simulated runs
 * @param traceRuns the simulated runs traced for the per-turn band (the first {@code traceRuns}
 *     runs of the seed)
 * @param playedOutcome the played game's outcome, or null if it is still running
 * @param playedTurns the turns the game played (its end turn when over)
 * @param playedHighestRung the highest rung the game reached
 * @param outcomes the simulated share of each outcome with its 95% Wilson interval
 * @param highestRung the simulated distribution of the highest rung: entry r is P(max rung = r)
 * @param playedPercentile where the played highest rung falls in that distribution, in [0, 100]
 *     (mid-rank: the share of runs below it plus half the share equal to it)
 * @param endTurn the simulated distribution of the end turn: entry t is P(a run ended at turn t)
 * @param path per turn, the simulated band of the highest rung reached by then and the played
 *     game's
 * @param summary a few plain sentences comparing the game with the simulation
 */
public record AfterActionReport(
    String scenario,
    long seed,
    long runs,
    int traceRuns,
    String playedOutcome,
    int playedTurns,
    int playedHighestRung,
    List<OutcomeShare> outcomes,
    List<Double> highestRung,
    double playedPercentile,
    List<Double> endTurn,
    List<TurnBand> path,
    List<String> summary) {

  /**
   * One outcome's simulated share.
   *
   * @param outcome the outcome name
   * @param count runs that ended so
   * @param p their share
   * @param low the 95% Wilson interval's lower end
   * @param high its upper end
   */
  public record OutcomeShare(String outcome, long count, double p, double low, double high) {}

  /**
   * The highest rung reached by a turn: simulated quantiles (over the traced runs, a run that ended
   * earlier keeping its final highest rung) and the played game's.
   *
   * @param turn the turn
   * @param p10 the 10% quantile
   * @param median the median
   * @param p90 the 90% quantile
   * @param played the played game's highest rung by this turn, or null past its last turn
   */
  public record TurnBand(int turn, double p10, double median, double p90, Integer played) {}

  /** The chart of the played path against the simulated band, as a standalone SVG document. */
  public String svg() {
    return AfterActionChart.path(this);
  }
}
