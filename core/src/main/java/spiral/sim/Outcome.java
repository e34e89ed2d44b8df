package spiral.sim;

/** How a run of the escalation engine ends (DESIGN.md §3, MODEL.md §5). */
public enum Outcome {
  /** Both sides' last executed rungs stayed below the initiating rung for k consecutive turns. */
  CONTAINED,
  /** Talks opened and succeeded. */
  SETTLEMENT,
  /** The horizon was reached. */
  PROTRACTED,
  /** An executed rung reached the nuclear threshold. */
  NUCLEAR_USE
}
