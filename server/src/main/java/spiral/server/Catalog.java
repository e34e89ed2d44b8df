package spiral.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Problem;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.store.Hashes;
import spiral.store.ScenarioFacts;
import spiral.store.ScenarioInfo;
import spiral.store.ScenarioStore;
import spiral.store.StoredScenario;
import spiral.store.Visibility;

/**
 * The scenarios the API knows: the built-ins (read-only, named by their names) and the stored
 * ones (named by their numeric ids). Built-ins are parsed once, on first use. A list of scenarios
 * ({@link #page}) parses nothing: a stored scenario's facts (ladder, initiating rung, sections,
 * size) are read from its text when it is stored, and kept beside it.
 */
final class Catalog {
  /** The name messages give an uploaded scenario text. */
  static final String SOURCE = "scenario.yaml";

  /**
   * A scenario the API can run.
   *
   * @param id its API id (a built-in's name or a stored scenario's number)
   * @param builtin whether it is built in (read-only)
   * @param yaml its text
   * @param hash the SHA-256 of the text
   * @param scenario the parsed scenario
   * @param stored the stored record, or null for a built-in
   */
  record Entry(String id, boolean builtin, String yaml, String hash, Scenario scenario,
      StoredScenario stored) {}

  private final ScenarioStore store;
  private Map<String, Entry> builtins;

  Catalog(ScenarioStore store) {
    this.store = store;
  }

  synchronized Map<String, Entry> builtins() {
    if (builtins == null) {
      Map<String, Entry> m = new LinkedHashMap<>();
      for (String name : BuiltinScenarios.names()) {
        String yaml = new String(BuiltinScenarios.read(name).orElseThrow(), StandardCharsets.UTF_8);
        m.put(name, new Entry(name, true, yaml, Hashes.sha256(yaml), parse(yaml), null));
      }
      builtins = m;
    }
    return builtins;
  }

  /**
   * One page of the list of scenarios, built-ins first, then the stored ones oldest first.
   *
   * @param builtins the built-ins on this page
   * @param stored the stored scenarios on this page, without their texts
   * @param total how many scenarios there are in all
   */
  record Page(List<Entry> builtins, List<ScenarioInfo> stored, long total) {}

  /** The page of at most {@code limit} scenarios after the first {@code offset}. Cost: two queries. */
  Page page(int limit, long offset, Visibility v) {
    List<Entry> b = new ArrayList<>(builtins().values());
    int n = b.size();
    List<Entry> mine = offset >= n ? List.of() : b.subList((int) offset, (int) Math.min(n, offset + limit));
    int left = limit - mine.size();
    List<ScenarioInfo> stored = left == 0 ? List.of() : store.page(left, Math.max(0, offset - n), v);
    return new Page(List.copyOf(mine), stored, n + store.count(v));
  }

  /** What a list shows of a scenario, read from it. */
  static ScenarioFacts facts(Scenario sc) {
    return new ScenarioFacts(sc.ladder() == null ? null : sc.ladder().id(),
        sc.initiatingEvent() == null ? null : sc.initiatingEvent().rung(), sc.hasEscalation(),
        sc.negotiation() != null);
  }

  /**
   * Reads and keeps the facts of the scenarios stored before they were kept with the text (once,
   * at start-up); a text that no longer parses is listed with its facts unknown.
   *
   * @return how many scenarios it read
   */
  int backfill() {
    int done = 0;
    for (List<StoredScenario> batch = store.unlisted(100); !batch.isEmpty(); batch = store.unlisted(100)) {
      for (StoredScenario s : batch) {
        ScenarioFacts f;
        try {
          f = facts(ScenarioLoader.parse(SOURCE, s.yaml().getBytes(StandardCharsets.UTF_8)));
        } catch (ScenarioException | RuntimeException e) {
          f = ScenarioFacts.UNKNOWN;
        }
        // false when it was replaced or deleted meanwhile: a new text comes with its facts
        store.setFacts(s.id(), s.hash(), f, ScenarioStore.size(s.yaml()));
        done++;
      }
    }
    return done;
  }

  /** The scenario with this API id if {@code v} sees it (a built-in, its own or a shared one), or 404. */
  Entry get(String id, Visibility v) {
    return find(id).filter(e -> e.stored() == null || v.sees(e.stored().ownerId(), e.stored().shared())).orElseThrow(() -> ApiException.notFound("no scenario '" + Bodies.clip(id)
        + "' (built-ins: " + String.join(", ", builtins().keySet()) + ", or a stored scenario's id)"));
  }

  Optional<Entry> find(String id) {
    Entry b = builtins().get(id);
    if (b != null) {
      return Optional.of(b);
    }
    OptionalLongId n = OptionalLongId.of(id);
    if (n == null) {
      return Optional.empty();
    }
    return store.get(n.value()).map(Catalog::stored);
  }

  /** A stored scenario's number, or 404 (400 for a built-in, which cannot change). */
  long storedId(String id) {
    if (builtins().containsKey(id)) {
      throw new ApiException(403, "read_only", "'" + id + "' is a built-in scenario: it cannot be"
          + " changed or deleted; store a copy with POST /api/scenarios");
    }
    OptionalLongId n = OptionalLongId.of(id);
    if (n == null) {
      throw ApiException.notFound("no scenario '" + Bodies.clip(id) + "'");
    }
    return n.value();
  }

  private static Entry stored(StoredScenario s) {
    Scenario sc;
    try {
      sc = ScenarioLoader.parse(SOURCE, s.yaml().getBytes(StandardCharsets.UTF_8));
    } catch (ScenarioException e) {
      sc = null; // stored before a stricter version of the format; shown, not runnable
    }
    return new Entry(Long.toString(s.id()), false, s.yaml(), s.hash(), sc, s);
  }

  /** Parses a scenario text, or fails with 400 and every problem with its line and column. */
  static Scenario parse(String yaml) {
    try {
      return ScenarioLoader.parse(SOURCE, yaml.getBytes(StandardCharsets.UTF_8));
    } catch (ScenarioException e) {
      List<Map<String, Object>> errors = new ArrayList<>();
      for (Problem p : e.problems()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", p.line());
        m.put("column", p.column());
        m.put("path", p.path());
        m.put("message", p.message());
        errors.add(m);
      }
      String msg = e.problems().size() == 1
          ? "the scenario has a problem: " + e.problems().get(0)
          : "the scenario has " + e.problems().size() + " problems; the first: " + e.problems().get(0);
      throw new ApiException(400, "invalid_scenario", msg, errors);
    }
  }

  /** A positive decimal id, or null. */
  record OptionalLongId(long value) {
    static OptionalLongId of(String s) {
      if (s.isEmpty() || s.length() > 18) {
        return null;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return null;
        }
      }
      long v = Long.parseLong(s);
      return v > 0 ? new OptionalLongId(v) : null;
    }
  }
}
