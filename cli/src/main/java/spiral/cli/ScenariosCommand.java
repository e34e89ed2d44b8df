package spiral.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;

/** {@code spiral scenarios}: the built-in scenarios, one line each, or one's YAML file. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = {
      "List the built-in scenarios, one line each: name, ladder and initiating rung (or"
          + " 'negotiation'), title.",
      "With --show NAME, print that scenario's YAML file as it is, to copy and edit:"
          + " spiral scenarios --show rand-d-ports -o my.yaml"
    })
final class ScenariosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--show", paramLabel = "NAME",
      description = "Print the built-in scenario NAME's YAML file, byte for byte.")
  String show;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format of the list: ${COMPLETION-CANDIDATES} (default:"
          + " ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    Output.checkFolder(out, "--out");
    if (show != null && format != Format.table) {
      throw new BadInputException("spiral: --format is for the list; --show prints the YAML file"
          + " as it is");
    }
    if (show != null) {
      byte[] yaml = BuiltinScenarios.names().contains(show)
          ? BuiltinScenarios.read(show).orElse(null) : null;
      if (yaml == null) {
        throw new BadInputException("spiral: no built-in scenario '" + show + "' (known: "
            + String.join(", ", BuiltinScenarios.names()) + ")");
      }
      // the files are UTF-8: decoded and written as UTF-8, they come out byte for byte
      Output.write(new String(yaml, StandardCharsets.UTF_8), out, spec.commandLine().getOut());
      return 0;
    }
    if (format != Format.table) {
      java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
      StringBuilder csv = new StringBuilder("name,kind,ladder,rung,title\n");
      for (String name : BuiltinScenarios.names()) {
        Scenario s = Scenarios.load(name);
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("name", name);
        row.put("kind", s.hasEscalation() ? "escalation" : "negotiation");
        row.put("ladder", s.hasEscalation() ? s.ladder().id() : null);
        row.put("rung", s.hasEscalation() ? s.initiatingEvent().rung() : null);
        row.put("title", s.name());
        rows.add(row);
        csv.append(Csv.text(name)).append(',').append(row.get("kind")).append(',')
            .append(s.hasEscalation() ? Csv.text(s.ladder().id()) : "").append(',')
            .append(s.hasEscalation() ? String.valueOf(s.initiatingEvent().rung()) : "")
            .append(',').append(Csv.text(s.name())).append('\n');
      }
      Output.write(format == Format.json ? Output.json(java.util.Map.of("scenarios", rows))
          : csv.toString(), out, spec.commandLine().getOut());
      return 0;
    }
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter w = new PrintWriter(text);
    int width = 18;
    for (String name : BuiltinScenarios.names()) {
      width = Math.max(width, name.length());
    }
    for (String name : BuiltinScenarios.names()) {
      Scenario s = Scenarios.load(name);
      if (s.hasEscalation()) {
        w.printf(
            "%-" + width + "s %-18s rung %-3d %s%n",
            name, s.ladder().id(), s.initiatingEvent().rung(), s.name());
      } else {
        w.printf("%-" + width + "s %-27s %s%n", name, "negotiation", s.name());
      }
    }
    w.flush();
    Output.write(text.toString(), out, spec.commandLine().getOut());
    return 0;
  }
}
