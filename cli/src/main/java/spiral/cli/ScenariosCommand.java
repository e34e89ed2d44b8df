package spiral.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;

/** {@code spiral scenarios}: the built-in scenarios, one line each. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "List the built-in scenarios, one line each: name, ladder and initiating rung (or 'negotiation'), title.")
final class ScenariosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = 18;
    for (String name : BuiltinScenarios.names()) {
      width = Math.max(width, name.length());
    }
    for (String name : BuiltinScenarios.names()) {
      Scenario s = Scenarios.load(name);
      if (s.hasEscalation()) {
        out.printf(
            "%-" + width + "s %-18s rung %-3d %s%n",
            name, s.ladder().id(), s.initiatingEvent().rung(), s.name());
      } else {
        out.printf("%-" + width + "s %-27s %s%n", name, "negotiation", s.name());
      }
    }
    out.flush();
    return 0;
  }
}
