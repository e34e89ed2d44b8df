package spiral.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every Monte Carlo command shares. */
final class RunOptions {
  @Option(
      names = {"-n", "--runs"},
      paramLabel = "N",
      defaultValue = "10000",
      description = "Number of Monte Carlo runs (default: ${DEFAULT-VALUE}).")
  long runs;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "S",
      defaultValue = "1",
      description = "Master seed; run k uses a generator seeded from (S, k) (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  void check() {
    if (runs < 1 || runs > 1_000_000_000_000L) {
      throw new BadInputException("spiral: --runs must be between 1 and 10^12, was " + runs);
    }
    if (threads != null && (threads < 1 || threads > 4096)) {
      throw new BadInputException("spiral: --threads must be between 1 and 4096, was " + threads);
    }
  }

  int threadCount() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
