package spiral.wargame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the seats of a wargame are cut: one per side, or one per faction of each side's principal
 * actor. Written on the wire as {@code "sides"} and {@code "factions"}.
 */
public enum Seating {
  /** One seat per side: its principal actor (seat id = actor id). */
  SIDES,
  /**
   * One seat per faction of each side's principal actor (seat id = {@code actor/faction}); the
   * side's move is the influence-weighted vote of its seats.
   */
  FACTIONS;

  /** The wire name. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The seating for a wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known seatings if there is none
   */
  @JsonCreator
  public static Seating of(String wire) {
    for (Seating s : values()) {
      if (s.wire().equalsIgnoreCase(wire == null ? "" : wire.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown seating '" + wire + "': expected 'sides' or 'factions'");
  }
}
