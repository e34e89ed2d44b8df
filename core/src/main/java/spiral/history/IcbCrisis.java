package spiral.history;

import java.util.List;
import java.util.Objects;

/**
 * One international crisis of the ICB system-level file (ICB1), with the columns Spiral reads and
 * its crisis actors. A code of 0 means the cell was empty (missing); the codes' meanings are in
 * {@link Codes} and docs/HISTORY.md.
 *
 * @param number ICB crisis number ({@code crisno})
 * @param name ICB crisis name ({@code crisname})
 * @param year year of the trigger ({@code yrtrig}, 0 when missing)
 * @param month month of the trigger ({@code motrig}, 0 when missing)
 * @param day day of the trigger ({@code datrig}, 0 when missing)
 * @param endYear year of termination ({@code yrterm}, 0 when missing)
 * @param durationDays days from trigger to termination ({@code brexit}, -1 when missing)
 * @param trigger type of trigger ({@code break}, 1 verbal act … 9 violent act)
 * @param gravity gravity of the threat ({@code gravcr}, 0 economic … 6 threat to existence, 7
 *     other; -1 when missing)
 * @param violence severity of violence ({@code sevviosy}: 1 none, 2 minor clashes, 3 serious
 *     clashes, 4 full-scale war)
 * @param form form of outcome ({@code forout}: 1 formal agreement, 2 semi-formal agreement, 3
 *     tacit understanding, 4 unilateral act, 5 imposed agreement, 6 other, 7 faded)
 * @param tension escalation or reduction of tension afterwards ({@code outesr}: 1 escalation, 2
 *     reduction, 3 too recent to tell)
 * @param protracted protracted conflict ({@code protrac}: 1 not within one, 2 and 3 within one)
 * @param region geographic location ({@code geog})
 * @param actors the crisis actors, in file order
 */
public record IcbCrisis(
    int number,
    String name,
    int year,
    int month,
    int day,
    int endYear,
    int durationDays,
    int trigger,
    int gravity,
    int violence,
    int form,
    int tension,
    int protracted,
    int region,
    List<IcbActor> actors) {
  public IcbCrisis {
    Objects.requireNonNull(name, "name");
    actors = List.copyOf(actors);
  }

  /** How many crisis actors held nuclear weapons. */
  public int nuclearActors() {
    int n = 0;
    for (IcbActor a : actors) {
      if (a.nuclearArmed()) {
        n++;
      }
    }
    return n;
  }

  /** How many crisis actors were great powers or superpowers. */
  public int greatPowerActors() {
    int n = 0;
    for (IcbActor a : actors) {
      if (a.greatPower()) {
        n++;
      }
    }
    return n;
  }

  /** Whether an actor with this three-letter code was a crisis actor. */
  public boolean hasActor(String code) {
    for (IcbActor a : actors) {
      if (a.code().equalsIgnoreCase(code)) {
        return true;
      }
    }
    return false;
  }

  /** The trigger date as YYYY-MM-DD, YYYY-MM or YYYY, as far as it is known ("unknown" without a year). */
  public String triggerDate() {
    if (year <= 0) {
      return "unknown";
    }
    if (month < 1 || month > 12) {
      return Integer.toString(year);
    }
    // ICB writes an unknown day as a code above 31
    return day < 1 || day > 31
        ? String.format(java.util.Locale.ROOT, "%04d-%02d", year, month)
        : String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
  }
}
