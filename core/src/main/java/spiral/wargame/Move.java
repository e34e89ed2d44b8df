package spiral.wargame;

/**
 * A move recorded for a human seat.
 *
 * @param turn the turn it is for (1 = the responder's first response)
 * @param seat the seat id
 * @param option the candidate the seat votes for (an option id, {@code hold} or {@code
 *     deescalate}), or {@link #ENGINE} to let the side's policy choose for the seat
 */
public record Move(int turn, String seat, String option) {
  /** The option that hands the seat's vote to the engine's policy for that turn. */
  public static final String ENGINE = "@engine";
}
