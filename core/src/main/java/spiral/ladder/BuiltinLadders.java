package spiral.ladder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;

/**
 * The ladders shipped with Spiral, as resources {@code spiral/ladders/<id>.yaml} in the format of
 * an inline ladder: {@code kahn-44} (Kahn, On Escalation, 1965, with a rung 0 below the ladder)
 * {@code nato-russia-2022} (this project's own compact ladder for the RAND cases) and {@code
 * nuclear-dyad} (this project's own compact ladder for the historical crises between
 * nuclear-armed states or their allies).
 *
 * <p>Each ladder is read and validated like a scenario file on first use, then cached; later
 * calls cost a map lookup. Thread-safe.
 */
public final class BuiltinLadders {
  private static final List<String> IDS = List.of("kahn-44", "nato-russia-2022", "nuclear-dyad");
  private static final Map<String, Ladder> CACHE = new ConcurrentHashMap<>();

  private BuiltinLadders() {}

  /** The ids of the built-in ladders. */
  public static List<String> ids() {
    return IDS;
  }

  /**
   * A built-in ladder.
   *
   * @throws IllegalArgumentException if there is no built-in ladder with this id
   * @throws IllegalStateException if the ladder's resource is missing or invalid (a build error)
   */
  public static Ladder get(String id) {
    if (!IDS.contains(id)) {
      throw new IllegalArgumentException(
          "unknown ladder '" + id + "' (built-ins: " + String.join(", ", IDS) + ")");
    }
    return CACHE.computeIfAbsent(id, BuiltinLadders::load);
  }

  private static Ladder load(String id) {
    String resource = "spiral/ladders/" + id + ".yaml";
    try (InputStream in = BuiltinLadders.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the built-in ladder '" + id + "' is missing from this build");
      }
      Ladder ladder = ScenarioLoader.parseLadder(id + ".yaml", in.readAllBytes());
      if (!ladder.id().equals(id)) {
        throw new IllegalStateException(
            "the built-in ladder file " + id + ".yaml has id '" + ladder.id() + "'");
      }
      return ladder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in ladder " + id, e);
    } catch (ScenarioException e) {
      throw new IllegalStateException("the built-in ladder '" + id + "' is invalid:\n"
          + e.getMessage(), e);
    }
  }
}
