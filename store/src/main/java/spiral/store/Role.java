package spiral.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. The admin (the account {@code admin}, the only one with this role) does
 * what a facilitator does, reads every stored scenario, job and result, and alone manages accounts
 * and roles; a facilitator runs analyses, edits its own scenarios and opens wargames; an observer reads scenarios, runs and results and watches the games it is
 * invited to; a player sees only the wargame seats it holds (a scenario holds both sides' private
 * parameters, so players cannot read scenarios).
 */
public enum Role {
  ADMIN,
  FACILITATOR,
  PLAYER,
  OBSERVER;

  /** Whether the role may do what a facilitator does (the admin's and the facilitators'). */
  public boolean facilitates() {
    return this == ADMIN || this == FACILITATOR;
  }

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
