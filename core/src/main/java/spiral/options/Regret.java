package spiral.options;

import java.util.List;

/**
 * Robust decision making over the scenario's uncertainties (Lempert, Popper &amp; Bankes 2003):
 * parameter sets drawn by Latin hypercube sampling, every option scored in every set, and each
 * option's regret (the best score in the set minus its own).
 *
 * @param samples number of parameter sets
 * @param runsPerSample runs per option in each set
 * @param parameters the uncertain parameters, in sampling order
 * @param options per option: mean and maximum regret, and the share of sets where it was best,
 *     by increasing maximum regret
 * @param minimaxRegret the option whose maximum regret is smallest
 * @param drivers the uncertain parameters by how much they change the best choice, strongest
 *     first
 * @param sampling how the sets were drawn ("Latin hypercube", or a calibration's posterior)
 */
public record Regret(
    int samples,
    long runsPerSample,
    List<String> parameters,
    List<OptionRegret> options,
    String minimaxRegret,
    List<Driver> drivers,
    String sampling) {

  /** A regret block over sets drawn by Latin hypercube sampling. */
  public Regret(int samples, long runsPerSample, List<String> parameters, List<OptionRegret> options, String minimaxRegret,
      List<Driver> drivers) {
    this(samples, runsPerSample, parameters, options, minimaxRegret, drivers, "Latin hypercube");
  }

  /**
   * One option's regret across the parameter sets.
   *
   * @param id option id
   * @param meanRegret mean regret
   * @param maxRegret maximum regret
   * @param bestShare share of the sets in which it had the best score
   * @param nuclearUse95 the 2.5% and 97.5% quantiles of P(nuclear use) across the sets: its total
   *     interval, carrying the parameters' uncertainty (null when not computed)
   * @param warOrNuclear95 the same for P(direct war or nuclear use)
   * @param furtherAttacks95 the same for P(further attacks)
   */
  public record OptionRegret(String id, double meanRegret, double maxRegret, double bestShare, double[] nuclearUse95,
      double[] warOrNuclear95, double[] furtherAttacks95) {
    /** Regret alone, without the figures' intervals across the sets. */
    public OptionRegret(String id, double meanRegret, double maxRegret, double bestShare) {
      this(id, meanRegret, maxRegret, bestShare, null, null, null);
    }
  }

  /**
   * How one uncertain parameter moves the best choice.
   *
   * @param parameter the parameter path
   * @param rankCorrelation Spearman correlation of the parameter with the regret of the option
   *     that is best at the scenario's own values (how strongly it erodes the nominal answer)
   * @param bestWhenLow the option with the best mean score over the sets in the lower half of
   *     the parameter's draws
   * @param bestWhenHigh the same over the upper half
   * @param scoreCorrelation Spearman correlation of the parameter with the score of the
   *     nominally best option (how strongly it moves the answer's value, even where it does not
   *     change the choice)
   */
  public record Driver(
      String parameter,
      double rankCorrelation,
      String bestWhenLow,
      String bestWhenHigh,
      double scoreCorrelation) {}
}
