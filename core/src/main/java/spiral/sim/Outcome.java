package spiral.sim;

/**
 * How a run of the escalation engine ends (README, "Outcomes"). The definitions are printed beside
 * every table that shows them ({@link #definition}).
 */
public enum Outcome {
  /**
   * Both sides held below the opening attack's rung for k consecutive turns, with no further
   * attack by the initiator and no act above the opening rung on the way.
   */
  CONTAINED("both sides held below the opening attack's rung for k turns, with no further attack"
      + " and no act above the opening rung"),
  /**
   * Both sides held below the opening attack's rung for k consecutive turns, but only after the
   * crisis widened: further attacks by the initiator, or an act above the opening rung.
   */
  DEESCALATED("both sides held below the opening attack's rung for k turns after the crisis had"
      + " widened (further attacks, or an act above the opening rung)"),
  /** Talks opened and succeeded. */
  SETTLEMENT("talks opened and succeeded"),
  /** The horizon was reached. */
  PROTRACTED("the horizon was reached with the crisis still open"),
  /** A nuclear weapon was used (whatever {@code stopAt} says). */
  NUCLEAR_USE("a nuclear weapon was used (counted whatever stopAt says)");

  private final String definition;

  Outcome(String definition) {
    this.definition = definition;
  }

  /** What the outcome means, in one line, for tables and reports. */
  public String definition() {
    return definition;
  }
}
