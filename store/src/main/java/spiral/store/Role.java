package spiral.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. A facilitator runs analyses, edits scenarios, opens wargames and
 * manages accounts; an observer reads scenarios, runs and results and watches the games it is
 * invited to; a player sees only the wargame seats it holds (a scenario holds both sides' private
 * parameters, so players cannot read scenarios).
 */
public enum Role {
  FACILITATOR,
  PLAYER,
  OBSERVER;

  /** The name on the wire: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this wire name. */
  public static Optional<Role> of(String wire) {
    for (Role r : values()) {
      if (r.wire().equals(wire)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
