package spiral.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Problem;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;

/**
 * {@code spiral validate FILE...}: exit 0 when every file (or named built-in scenario) is valid, 2
 * with the errors otherwise.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check scenario files against the scenario schema and their references.",
      "",
      "Prints 'FILE: ok' for each valid file and 'FILE:LINE:COLUMN: PATH: message' for each"
          + " problem. Exit 0 when all files are valid, 2 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Scenario files (YAML), or the names of built-in scenarios.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean ok = true;
    for (Path f : files) {
      List<Problem> problems = builtin(f) ? builtinProblems(f.toString()) : ScenarioLoader.validate(f);
      if (problems.isEmpty()) {
        out.println(f + ": ok");
      } else {
        ok = false;
        for (Problem p : problems) {
          err.println(p);
        }
      }
    }
    out.flush();
    err.flush();
    return ok ? 0 : Main.BAD_INPUT;
  }

  /** A built-in scenario's name that no file shadows. */
  private static boolean builtin(Path f) {
    return BuiltinScenarios.names().contains(f.toString()) && !Files.exists(f);
  }

  private static List<Problem> builtinProblems(String name) {
    try {
      ScenarioLoader.resolve(name);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    }
  }
}
