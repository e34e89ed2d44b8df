package spiral.cli;

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
