package spiral.cli;

import picocli.CommandLine.Parameters;
import spiral.scenario.Scenario;

/** The SCENARIO argument of the commands that run a scenario. */
final class ScenarioArgument {
  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "A built-in scenario name (see 'spiral scenarios') or a scenario file.")
  String scenario;

  /** Loads it, or fails with the loader's problems as bad input. */
  Scenario load() {
    return Scenarios.load(scenario);
  }
}
