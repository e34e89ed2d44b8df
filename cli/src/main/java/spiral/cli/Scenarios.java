package spiral.cli;

import spiral.scenario.Problem;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;

/** Loads scenarios for the commands, turning loader problems into bad-input errors. */
final class Scenarios {
  private Scenarios() {}

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
