package spiral.store;

/**
 * What a scenario text says that a list of scenarios shows, read from it when it is stored (the
 * store does not parse scenarios). Each is null when unknown: the text no longer parses, or it
 * has no such part.
 *
 * @param ladder the escalation ladder's id
 * @param initiatingRung the rung of the initiating event
 * @param escalation whether it has an escalation model
 * @param negotiation whether it has a negotiation section
 */
public record ScenarioFacts(String ladder, Integer initiatingRung, Boolean escalation, Boolean negotiation) {
  /** Nothing known: a text that does not parse. */
  public static final ScenarioFacts UNKNOWN = new ScenarioFacts(null, null, null, null);
}
