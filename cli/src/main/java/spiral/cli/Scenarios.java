package spiral.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import spiral.Provenance;
import spiral.explore.sweep.Sweep;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Problem;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;

/** Loads scenarios for the commands, turning loader problems into bad-input errors. */
final class Scenarios {
  private Scenarios() {}

  /** Compiles a scenario for the engine, or fails as bad input when it has no escalation model. */
  static CompiledModel compile(Scenario sc) {
    if (!sc.hasEscalation()) {
      throw new BadInputException("spiral: scenario '" + sc.id() + "' has no escalation model"
          + " (ladder, actors and initiatingEvent): it is a negotiation; use 'spiral negotiate'");
    }
    return new CompiledModel(sc);
  }

  /**
   * The provenance of an output of {@code command} on the scenario named {@code nameOrPath}
   * (loaded as {@code sc}), its seed null when it draws nothing at random.
   */
  static Provenance provenance(String command, String nameOrPath, Scenario sc, Long seed) {
    return Provenance.of(command, seed, nameOrPath, content(nameOrPath), sc.illustrative());
  }

  /**
   * The provenance of an output on several scenarios: their names joined with commas, the hash of
   * their bytes one after another in that order, their illustrative assumptions without repeats.
   */
  static Provenance provenance(String command, List<String> names, List<Scenario> scenarios, Long seed) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    boolean complete = true;
    for (String n : names) {
      byte[] c = content(n);
      complete &= c != null;
      all.writeBytes(c == null ? new byte[0] : c);
    }
    java.util.LinkedHashSet<String> illustrative = new java.util.LinkedHashSet<>();
    scenarios.forEach(sc -> illustrative.addAll(sc.illustrative()));
    return Provenance.of(command, seed, String.join(",", names), complete ? all.toByteArray() : null,
        new ArrayList<>(illustrative));
  }

  /**
   * The provenance of an output on a sweep: its scenario's hash is that of the scenario file's
   * bytes the sweep was built from, wherever they were read ({@link Sweep#origin()}), or of the
   * built-in scenario's.
   */
  static Provenance provenance(String command, Sweep sweep) {
    if (sweep == null) {
      return Provenance.of(command, null, null, null, List.of());
    }
    byte[] content = sweep.origin().scenarioContent();
    if (content == null) {
      content = content(sweep.scenarioName());
    }
    return Provenance.of(command, sweep.seed(), sweep.scenarioName(), content,
        sweep.scenario().illustrative());
  }

  /** The bytes of a built-in scenario or a scenario file, or null when they cannot be read. */
  static byte[] content(String nameOrPath) {
    if (BuiltinScenarios.names().contains(nameOrPath)) {
      return BuiltinScenarios.read(nameOrPath).orElse(null);
    }
    try {
      return Files.readAllBytes(Path.of(nameOrPath));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static Scenario load(String nameOrPath) {
    try {
      return ScenarioLoader.resolve(nameOrPath);
    } catch (ScenarioException e) {
      StringBuilder sb = new StringBuilder();
      for (Problem p : e.problems()) {
        if (sb.length() > 0) {
          sb.append(System.lineSeparator());
        }
        sb.append(p);
      }
      throw new BadInputException(sb.toString());
    }
  }
}
