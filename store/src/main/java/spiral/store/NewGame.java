package spiral.store;

import java.util.Map;
import java.util.Objects;

/**
 * A game to store.
 *
 * @param title its title
 * @param scenario the scenario's reference
 * @param scenarioName the scenario's name
 * @param scenarioYaml the exact scenario text (kept by its SHA-256)
 * @param seed the seed
 * @param seating "sides" or "factions"
 * @param facilitatorId the account that opens it
 * @param seats seat id → SHA-256 of its invitation token, or null for an engine-played seat
 * @param teaching whether the seats see the engine's utilities of their candidate moves
 */
public record NewGame(String title, String scenario, String scenarioName, String scenarioYaml,
    long seed, String seating, long facilitatorId, Map<String, String> seats, boolean teaching) {
  /** A game that is not a teaching game. */
  public NewGame(String title, String scenario, String scenarioName, String scenarioYaml, long seed, String seating,
      long facilitatorId, Map<String, String> seats) {
    this(title, scenario, scenarioName, scenarioYaml, seed, seating, facilitatorId, seats, false);
  }

  /** Checks the values and copies the seats (keeping their order). */
  public NewGame {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(scenarioName, "scenarioName");
    Objects.requireNonNull(scenarioYaml, "scenarioYaml");
    Objects.requireNonNull(seating, "seating");
    seats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seats));
  }
}
