package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's {@code --help} and options: it exits 0, placeholders are capitals (FILE,
 * FILE.html, KEY=VALUE), shared options have the shared names, short forms and placeholders,
 * and every format or method a help text lists is one the command accepts.
 */
class HelpTest {
  /** The shared options: long name, placeholder, short form (null: none). */
  private static final String[][] SHARED = {
    {"--runs", "N", "-n"},
    {"--seed", "S", "-s"},
    {"--format", "FORMAT", "-f"},
    {"--out", "FILE", "-o"},
    {"--threads", "T", null},
    {"--report", "FILE.html", null},
    {"--posterior", "FILE.csv", null},
    {"--data", "DIR", null},
    {"--dir", "DIR", null},
    {"--samples", "M", null},
    {"--sample-runs", "R", null},
    {"--bootstrap", "B", null},
  };

  /** A placeholder: capitals, digits, '-', '|', then an optional '.ext' or '=WORD'. */
  private static final Pattern LABEL =
      Pattern.compile("[A-Z][A-Z0-9]*([-|][A-Z0-9]+)*(\\.[a-z]+|=[A-Z]+)?");

  /**
   * Commands that keep other programs' short options (Gambit's tools): solve, whose -s is
   * gambit-logit's first step, not --seed.
   */
  private static final Set<String> OWN_SHORT_OPTIONS = Set.of("solve");

  /** Cheap runs of each command with a format, {} standing for the format. */
  private static final Map<String, List<String>> RUNS = Map.of(
      "simulate", List.of("simulate", "rand-d-ports", "-n", "50", "--threads", "1", "-f", "{}"),
      "trace", List.of("trace", "rand-d-ports", "-f", "{}"),
      "options", List.of("options", "rand-d-ports", "-n", "20", "--threads", "1", "-f", "{}"),
      "study", List.of("study", "-n", "10", "--samples", "0", "--threads", "1", "-f", "{}"),
      "negotiate", List.of("negotiate", "ukraine-2022-talks", "--threads", "1", "-f", "{}"),
      "positions", List.of("positions", "ukraine-2022-talks", "-f", "{}"),
      "game", List.of("game", "rand-d-ports", "--compare-runs", "20", "-f", "{}"),
      "model", List.of("model", "chicken", "-f", "{}"),
      "history", List.of("history", "-f", "{}"),
      "scenarios", List.of("scenarios", "-f", "{}"));

  static Stream<String> commands() {
    return Main.commandNames().stream();
  }

  private static CommandSpec spec(String command) {
    CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), command);
    return cl.getSubcommands().get(command).getCommandSpec();
  }

  @Test
  void everyCommandIsThere() {
    Cli help = Cli.run("--help");
    assertThat(help.code()).isZero();
    for (String c : Main.commandNames()) {
      assertThat(help.out()).contains(c);
    }
    assertThat(Main.commandNames()).contains("simulate", "sweep", "solve", "scenarios");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpExitsZero(String command) {
    // picocli reports a description it cannot format (a lone '%') on System.err
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      r = Cli.run(command, "--help");
    } finally {
      System.setErr(stderr);
    }
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as(command).isEmpty();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: spiral " + command);
    assertThat(r.err()).isEmpty();
    Cli h = Cli.run(command, "-h");
    assertThat(h.out()).isEqualTo(r.out());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void placeholdersAreCapitals(String command) {
    for (ArgSpec a : args(spec(command))) {
      if (a.isOption() && ((OptionSpec) a).arity().max() == 0) {
        continue; // a flag
      }
      assertThat(a.paramLabel()).as(command + " " + a).matches(LABEL);
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void sharedOptionsHaveTheSharedNames(String command) {
    CommandSpec spec = spec(command);
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      for (String[] shared : SHARED) {
        if (Arrays.asList(o.names()).contains(shared[0]) && !OWN_SHORT_OPTIONS.contains(command)) {
          assertThat(o.paramLabel()).as(command + " " + shared[0]).isEqualTo(shared[1]);
          if (shared[2] != null && !OWN_SHORT_OPTIONS.contains(command)) {
            assertThat(o.names()).as(command + " " + shared[0]).contains(shared[2]);
          }
        }
        if (shared[2] != null && Arrays.asList(o.names()).contains(shared[2])
            && !OWN_SHORT_OPTIONS.contains(command)) {
          assertThat(o.names()).as(command + " " + shared[2]).contains(shared[0]);
        }
      }
    }
    // one meaning for --out: a file (the sweep's folder is --dir)
    OptionSpec out = spec.findOption("--out");
    if (out != null && !out.hidden()) {
      assertThat(out.paramLabel()).as(command).isEqualTo("FILE");
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyListedValueIsAccepted(String command) {
    for (OptionSpec o : spec(command).options()) {
      if (!o.type().isEnum()) {
        continue;
      }
      Set<String> accepted = new LinkedHashSet<>();
      for (Object c : o.type().getEnumConstants()) {
        accepted.add(c.toString());
      }
      List<String> listed = listed(description(o));
      assertThat(listed).as(command + " " + o.longestName() + ": " + Arrays.toString(o.description()))
          .isNotEmpty();
      assertThat(accepted).as(command + " " + o.longestName()).containsAll(listed);
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyListedFormatRuns(String command) {
    OptionSpec format = spec(command).findOption("--format");
    if (format == null || !RUNS.containsKey(command)) {
      return;
    }
    for (String f : listed(description(format))) {
      String[] args = RUNS.get(command).stream().map(a -> a.equals("{}") ? f : a)
          .toArray(String[]::new);
      Cli r = Cli.run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).isNotBlank();
    }
  }

  @Test
  void theFormatsOfTheSweepAnalysesAndCalibrationAreChecked() {
    // no cheap input for these: their format lists are checked against their enums above
    for (String c : List.of("sensitivity", "discover", "calibrate", "backtest", "solve")) {
      assertThat(spec(c).findOption("--format").type().isEnum()).as(c).isTrue();
    }
  }

  /** The values a description lists before "(default", e.g. "Output format: table, json, csv". */
  static List<String> listed(String description) {
    String d = description.replaceAll("\\$\\{[^}]*}", "");
    int cut = d.indexOf("(default");
    String head = cut >= 0 ? d.substring(0, cut) : d;
    int colon = head.lastIndexOf(':');
    if (colon >= 0) {
      head = head.substring(colon + 1);
    }
    head = head.replaceAll("\\([^)]*\\)", " ");
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("[a-z][a-z0-9-]*").matcher(
        head.replaceAll("\\bor\\b", ",").replaceAll("\\band\\b", ","));
    while (m.find()) {
      values.add(m.group());
    }
    return values;
  }

  @Test
  void listedReadsTheUsualShapes() {
    assertThat(listed("Output format: table, json, csv (default: table).")).containsExactly("table", "json", "csv");
    assertThat(listed("table or json (default: table).")).containsExactly("table", "json");
    assertThat(listed("gambit (NE lines) or json (default: gambit).")).containsExactly("gambit", "json");
    assertThat(listed("enumpure, enummixed, lcp, lp, spe or logit (default: spe)."))
        .containsExactly("enumpure", "enummixed", "lcp", "lp", "spe", "logit");
  }

  /** An option's description as the help shows it (the candidates and default filled in). */
  private static String description(OptionSpec o) {
    List<String> candidates = new ArrayList<>();
    if (o.completionCandidates() != null) {
      o.completionCandidates().forEach(candidates::add);
    }
    return String.join(" ", o.description())
        .replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates))
        .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
  }

  private static List<ArgSpec> args(CommandSpec spec) {
    List<ArgSpec> all = new ArrayList<>(spec.options());
    all.addAll(spec.positionalParameters());
    return all;
  }
}
