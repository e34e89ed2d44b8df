package spiral.history;

/**
 * One crisis actor in one ICB crisis (a row of the actor-level file, ICB2), with the columns
 * Spiral reads.
 *
 * @param crisis the ICB crisis number ({@code crisno})
 * @param code the actor's three-letter code ({@code actor}, e.g. USA, RUS)
 * @param countryId the actor's numerical country code ({@code cracid})
 * @param nuclear nuclear capability ({@code nuclear}): 1 none, 2 foreseeable, 3 possesses, 4
 *     second-strike; 0 when missing
 * @param powerStatus power status ({@code powsta}): 1 small, 2 middle, 3 great power, 4
 *     superpower; 0 when missing
 */
public record IcbActor(int crisis, String code, int countryId, int nuclear, int powerStatus) {
  /** Whether the actor held nuclear weapons during the crisis (possession or second strike). */
  public boolean nuclearArmed() {
    return nuclear >= 3;
  }

  /** Whether the actor was a great power or a superpower. */
  public boolean greatPower() {
    return powerStatus >= 3;
  }
}
