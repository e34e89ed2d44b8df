package spiral.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepResults;
import spiral.explore.sweep.SweepRunner;

/** Reads sweep and results files for the commands, turning problems into bad-input errors. */
final class SweepFiles {
  private SweepFiles() {}

  static Sweep read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("spiral: " + file + ": no such sweep file");
    }
    try {
      return Sweep.read(file);
    } catch (SweepException e) {
      throw new BadInputException(e.getMessage());
    } catch (IOException e) {
      throw new BadInputException("spiral: " + file + ": cannot read: " + e.getMessage());
    }
  }

  static SweepResults results(Path file) {
    try {
      return isParquet(file) ? ParquetResults.read(file) : SweepResults.read(file);
    } catch (SweepException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IOException e) {
      throw new BadInputException("spiral: " + file + ": cannot read: " + e.getMessage());
    }
  }

  /** The default output folder of a sweep file: its name without the extension. */
  static Path defaultFolder(Path sweepFile) {
    String name = sweepFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return Path.of(dot > 0 ? name.substring(0, dot) : name + "-results");
  }

  static boolean isParquet(Path file) {
    return file.toString().endsWith(".parquet");
  }

  /** Whether an input names a results file (CSV or Parquet) rather than a sweep file. */
  static boolean isResults(Path input) {
    return input.toString().endsWith(".csv") || isParquet(input);
  }

  /** The results file of an input that is a results file (CSV or Parquet) or a sweep file. */
  static Path resultsOf(Path input) {
    return isResults(input)
        ? input
        : defaultFolder(input).resolve(SweepRunner.RESULTS);
  }

  /** The sweep of an input: the sweep file itself, or the copy next to a results file, or null. */
  static Sweep sweepOf(Path input) {
    if (!isResults(input)) {
      return read(input);
    }
    Path parent = input.toAbsolutePath().getParent();
    Path copy = parent == null ? null : parent.resolve(SweepRunner.SWEEP);
    return copy != null && Files.isRegularFile(copy) ? read(copy) : null;
  }
}
