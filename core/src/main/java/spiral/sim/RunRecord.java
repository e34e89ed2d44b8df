package spiral.sim;

/**
 * The figures of one run, written by {@link Engine#run} into a reusable holder (no allocation per
 * run). Read them, copy what you need, and hand the holder back to the next run.
 */
public final class RunRecord {
  /** Index of the run under its master seed. */
  public long run;
  /** The run's own seed. */
  public long seed;
  /** How it ended. */
  public Outcome outcome;
  /** Turns played after the initiating event. */
  public int turns;
  /** Highest executed rung, the initiating attack included. */
  public int maxRung;
  /** Side index of the first nuclear user, or -1. */
  public int firstNuclearUser = -1;
  /** Some executed rung reached the direct-war threshold. */
  public boolean directWar;
  /**
   * The initiator made another armed attack (an act of the ladder's kind violent or nuclear) after
   * the first response.
   */
  public boolean furtherAttacks;
  /** At least one act landed a rung higher than meant. */
  public boolean inadvertent;
  /** Talks opened at some point. */
  public boolean talksOpened;
  /** An executed rung reached the strategic threshold. */
  public boolean strategic;
  /** Credibility &kappa; of each side at the end. */
  public final double[] credibility = new double[2];
  /** Cumulative cost C of each side at the end. */
  public final double[] cost = new double[2];
  /** Damage each side inflicted on the other (punishment). */
  public final double[] punishment = new double[2];
  /** Alliance cohesion at the end. */
  public double cohesion;
  /** Battlefield leverage at the end. */
  public double leverage;
  /**
   * The run was stopped by its steering before the act of turn {@link #turns} + 1 ({@link
   * #outcome} is null then).
   */
  public boolean paused;
  /** Escalation score (Rivera et al. 2024) summed over the run's acts. */
  public int escalationScore;

  void reset(long run, long seed) {
    this.run = run;
    this.seed = seed;
    outcome = null;
    paused = false;
    turns = 0;
    maxRung = 0;
    firstNuclearUser = -1;
    directWar = false;
    furtherAttacks = false;
    inadvertent = false;
    talksOpened = false;
    strategic = false;
    credibility[0] = 0;
    credibility[1] = 0;
    cost[0] = 0;
    cost[1] = 0;
    punishment[0] = 0;
    punishment[1] = 0;
    cohesion = 0;
    leverage = 0;
    escalationScore = 0;
  }
}
