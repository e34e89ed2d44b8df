package spiral.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepResults;
import spiral.explore.sweep.SweepRunner;
import spiral.io.ParquetResults;

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

  /**
   * The results matched to the sweep's design (see {@link SweepResults#inDesignOrder}): the
   * parameters must be the sweep's, every row's point and values its design point's; rows out
   * of point order are put back in order, with a note on {@code err}.
   *
   * @param complete whether every point of the design must be there
   * @throws BadInputException locating the first row that does not match
   */
  static SweepResults matched(SweepResults res, Sweep sweep, boolean complete,
      java.io.PrintWriter err) {
    if (!sweep.names().equals(res.parameters())) {
      throw new BadInputException("spiral: " + res.source() + ": the results' parameters "
          + res.parameters() + " do not match the sweep's " + sweep.names());
    }
    boolean ordered = res.inPointOrder();
    SweepResults m;
    try {
      m = res.inDesignOrder(sweep.points(), complete, sweep.design().type());
    } catch (SweepException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
    if (!ordered && err != null) {
      err.println("spiral: note: " + res.source() + ": the rows are not in point order; each"
          + " matched its point's design values, so they were put back in point order");
    }
    return m;
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
