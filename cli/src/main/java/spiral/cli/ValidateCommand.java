package spiral.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
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
      "Check scenario files against the scenario schema and their references, and sweep files"
          + " (a YAML file with a top-level design key) as spiral sweep would before it starts:"
          + " parameters, design (its type, size and its limits, e.g. at most "
          + Sweep.MAX_PARAMETERS + " parameters), runs and outputs.",
      "",
      "Prints 'FILE: ok' for each valid file and 'FILE:LINE:COLUMN: PATH: message' for each"
          + " problem. Exit 0 when all files are valid, 2 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** A sweep file has a top-level design key; a scenario never does. */
  private static final Pattern SWEEP = Pattern.compile("(?m)^design[ \\t]*:");

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Scenario or sweep files (YAML), or the names of built-in scenarios.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean ok = true;
    for (Path f : files) {
      if (!builtin(f) && isSweep(f)) {
        try {
          Sweep sweep = Sweep.read(f);
          out.println(String.format(Locale.ROOT, "%s: ok (sweep: %s design, %,d points)", f,
              sweep.design().type(), sweep.pointCount()));
        } catch (SweepException e) {
          ok = false;
          err.println(e.getMessage());
        } catch (IOException e) {
          ok = false;
          err.println(f + ": cannot read: " + e.getMessage());
        }
        continue;
      }
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

  private static boolean isSweep(Path f) {
    try {
      return Files.isRegularFile(f) && Files.size(f) <= 4L * Sweep.MAX_CHARS
          && SWEEP.matcher(Files.readString(f, StandardCharsets.UTF_8)).find();
    } catch (IOException | RuntimeException e) {
      return false; // the scenario validator reports what is wrong with it
    }
  }
}
