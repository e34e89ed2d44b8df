package spiral.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happened in the historical crisis a scenario follows: its International Crisis Behavior
 * (ICB) crisis number, name and dates as the ICB data code them, and the recorded ending in
 * Spiral's outcome vocabulary (the scenario file's optional {@code history} block,
 * docs/SCENARIO-FORMAT.md). A calibrator compares the engine's outcome distribution with it.
 *
 * <p>The ICB codes come from Michael Brecher, Jonathan Wilkenfeld, Kyle Beardsley, Patrick James
 * and David Quinn, <i>International Crisis Behavior Data Codebook, Version 14</i> (2017), and
 * Brecher and Wilkenfeld, <i>A Study of Crisis</i> (University of Michigan Press, 1997/2000).
 * Immutable; construction costs O(number of sources).
 *
 * @param icb the ICB crisis number ({@code crisno}, v14), 1..999
 * @param name the ICB crisis name ({@code crisname})
 * @param trigger the ICB trigger date of the crisis (system level)
 * @param end the ICB termination date of the crisis (system level), not before the trigger
 * @param recorded the recorded ending
 * @param sources published works the record rests on
 * @param note how the record maps onto the scenario, and its caveats ({@code ""} if none)
 */
public record HistoryRecord(
    int icb,
    String name,
    LocalDate trigger,
    LocalDate end,
    Recorded recorded,
    List<String> sources,
    String note) {

  /** The outcome names a record may use: those of the escalation engine's runs. */
  public static final List<String> OUTCOMES =
      List.of("CONTAINED", "DEESCALATED", "SETTLEMENT", "PROTRACTED", "NUCLEAR_USE");

  public HistoryRecord {
    if (icb < 1 || icb > 999) {
      throw new IllegalArgumentException("history.icb must be in 1..999, was " + icb);
    }
    Objects.requireNonNull(name, "history.name");
    Objects.requireNonNull(trigger, "history.trigger");
    Objects.requireNonNull(end, "history.end");
    Objects.requireNonNull(recorded, "history.recorded");
    if (end.isBefore(trigger)) {
      throw new IllegalArgumentException(
          "history.end " + end + " is before the trigger date " + trigger);
    }
    sources = List.copyOf(sources == null ? List.of() : sources);
    note = note == null ? "" : note;
  }

  /**
   * The recorded ending of a crisis.
   *
   * @param outcome one of {@link #OUTCOMES}
   * @param directWar whether the crisis reached full-scale war (ICB severity of violence 4)
   * @param nuclearUse whether a nuclear weapon was used
   * @param violence the ICB severity of violence ({@code sevviosy}) as coded: 1 no violence, 2
   *     minor clashes, 3 serious clashes, 4 full-scale war
   * @param form the ICB form of outcome ({@code forout}) as coded: 1 formal agreement, 2
   *     semi-formal agreement, 3 tacit understanding, 4 unilateral act, 5 imposed agreement, 6
   *     other, 7 crisis faded
   */
  public record Recorded(
      String outcome, boolean directWar, boolean nuclearUse, int violence, int form) {
    public Recorded {
      Objects.requireNonNull(outcome, "history.recorded.outcome");
      if (!OUTCOMES.contains(outcome)) {
        throw new IllegalArgumentException("history.recorded.outcome '" + outcome
            + "' is not one of: " + String.join(", ", OUTCOMES));
      }
      if (violence < 1 || violence > 4) {
        throw new IllegalArgumentException(
            "history.recorded.violence must be in 1..4, was " + violence);
      }
      if (form < 1 || form > 7) {
        throw new IllegalArgumentException("history.recorded.form must be in 1..7, was " + form);
      }
    }

    /**
     * Where this record departs from the project's mapping rule (docs/HISTORY.md): directWar if
     * and only if violence is 4; SETTLEMENT if and only if the form is a formal or semi-formal
     * agreement (1 or 2); otherwise CONTAINED (only with violence at most 2) or DEESCALATED;
     * nuclear use if and only if the outcome is NUCLEAR_USE; PROTRACTED is never the rule's
     * answer for a crisis with a termination date. The loader does not enforce the rule (the
     * choice between CONTAINED and DEESCALATED is a judgment on the crisis's course); the
     * built-in historical scenarios are tested against it. Cost: O(1).
     *
     * @return one sentence per departure; empty when the record follows the rule
     */
    public List<String> ruleDepartures() {
      List<String> out = new ArrayList<>();
      if (directWar != (violence == 4)) {
        out.add("directWar must be " + (violence == 4) + " for violence " + violence);
      }
      if (nuclearUse != outcome.equals("NUCLEAR_USE")) {
        out.add("nuclearUse " + nuclearUse + " does not agree with the outcome " + outcome);
      }
      boolean agreement = form == 1 || form == 2;
      if (agreement && !outcome.equals("SETTLEMENT")) {
        out.add("form " + form + " (a formal or semi-formal agreement) maps to SETTLEMENT, not "
            + outcome);
      }
      if (!agreement) {
        switch (outcome) {
          case "CONTAINED" -> {
            if (violence > 2) {
              out.add("violence " + violence + " (serious clashes or war) cannot be CONTAINED:"
                  + " the crisis widened, so DEESCALATED");
            }
          }
          case "DEESCALATED" -> { }
          case "NUCLEAR_USE" -> { }
          default -> out.add("form " + form + " (no agreement) maps to CONTAINED or DEESCALATED,"
              + " not " + outcome);
        }
      }
      return out;
    }
  }
}
