package spiral.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how an analysis command writes: format, output file, HTML report. */
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with charts.")
  Path report;

  /** Fails as bad input, before any work, when a file's folder does not exist. */
  void checkFolders() {
    Output.checkFolder(out, "--out");
    Output.checkFolder(report, "--report");
  }
}
