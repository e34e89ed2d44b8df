package spiral.history;

import spiral.sim.Outcome;
import spiral.sim.RunRecord;

/**
 * An outcome that both a past crisis (coded by ICB) and a simulated run can show, with the rule
 * that maps each side onto it. The mapping is a modelling choice, not a given: ICB codes a crisis
 * as a whole (its most severe violence, the form of its ending), Spiral a run turn by turn.
 * docs/HISTORY.md gives the reasons; tests pin the rules.
 */
public enum HistoricalTarget {
  /** A nuclear weapon was used. ICB: no crisis of 1918–2017 saw one. Spiral: NUCLEAR_USE. */
  NUCLEAR_USE("nuclearUse", "a nuclear weapon was used (no ICB crisis saw one)", "the run ended in NUCLEAR_USE"),
  /** Full-scale war. ICB: severity of violence 4. Spiral: the directWar flag. */
  DIRECT_WAR("directWar", "severity of violence: full-scale war (sevviosy 4)",
      "the run reached the ladder's direct-war threshold"),
  /**
   * The violence went past one exchange. ICB: serious clashes or war (severity 3 or 4). Spiral:
   * the initiator attacked again after the first response, or direct war or nuclear use.
   */
  SERIOUS_CLASHES("seriousClashes", "severity of violence: serious clashes or full-scale war (sevviosy 3-4)",
      "further armed attacks by the initiator after the first response, direct war or nuclear use"),
  /** The crisis ended in an agreement. ICB: formal or semi-formal agreement. Spiral: SETTLEMENT. */
  SETTLEMENT("settlement", "form of outcome: formal or semi-formal agreement (forout 1-2)",
      "the run ended in SETTLEMENT (talks opened and succeeded)"),
  /**
   * The crisis ended without an agreement: a tacit understanding, a unilateral act, an imposed
   * outcome, another ending, or it faded. Spiral: CONTAINED or DEESCALATED.
   */
  NO_AGREEMENT("noAgreement", "form of outcome: tacit understanding, unilateral act, imposed, other or faded (forout 3-7)",
      "the run ended CONTAINED or DEESCALATED");

  private final String id;
  private final String icb;
  private final String spiral;

  HistoricalTarget(String id, String icb, String spiral) {
    this.id = id;
    this.icb = icb;
    this.spiral = spiral;
  }

  /** The target's name in filters, tables and files. */
  public String id() {
    return id;
  }

  /** What the target means in ICB's codes. */
  public String icbDefinition() {
    return icb;
  }

  /** What the target means in a simulated run. */
  public String spiralDefinition() {
    return spiral;
  }

  /**
   * Whether the crisis shows the outcome: 1 yes, 0 no, -1 when the code it rests on is missing
   * (the crisis then leaves this target's denominator).
   */
  public int observed(IcbCrisis c) {
    return switch (this) {
      case NUCLEAR_USE -> 0;
      case DIRECT_WAR -> c.violence() <= 0 ? -1 : c.violence() == 4 ? 1 : 0;
      case SERIOUS_CLASHES -> c.violence() <= 0 ? -1 : c.violence() >= 3 ? 1 : 0;
      case SETTLEMENT -> c.form() <= 0 ? -1 : c.form() <= 2 ? 1 : 0;
      case NO_AGREEMENT -> c.form() <= 0 ? -1 : c.form() >= 3 ? 1 : 0;
    };
  }

  /** Whether a simulated run shows the outcome. */
  public boolean simulated(RunRecord r) {
    return switch (this) {
      case NUCLEAR_USE -> r.outcome == Outcome.NUCLEAR_USE;
      case DIRECT_WAR -> r.directWar;
      case SERIOUS_CLASHES -> r.furtherAttacks || r.directWar || r.outcome == Outcome.NUCLEAR_USE;
      case SETTLEMENT -> r.outcome == Outcome.SETTLEMENT;
      case NO_AGREEMENT -> r.outcome == Outcome.CONTAINED || r.outcome == Outcome.DEESCALATED;
    };
  }

  /** The target with this id. */
  public static HistoricalTarget of(String id) {
    for (HistoricalTarget t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    StringBuilder known = new StringBuilder();
    for (HistoricalTarget t : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(t.id);
    }
    throw new IllegalArgumentException("unknown target '" + id + "' (known: " + known + ")");
  }
}
