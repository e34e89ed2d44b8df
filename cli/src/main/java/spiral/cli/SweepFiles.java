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
    return Path.of(SweepRunner.defaultFolder(sweepFile.getFileName().toString()));
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

  /** What a command does with its input once it is a local path. */
  @FunctionalInterface
  interface OnLocal {
    /** The command's work on the input as a local path; its exit code. */
    Integer run(Path input);
  }

  /** The largest results file copied from a Hadoop file system, in bytes. */
  static final long MAX_REMOTE_BYTES = 1L << 30;

  /**
   * Runs a command's work on its input as a local path: the input itself, or, for a results file
   * on a Hadoop file system ({@code hdfs://.../DIR/results.csv} or {@code results.parquet}), a
   * copy of it and of {@code DIR/sweep.yaml} (when there is one) in a temporary folder, deleted
   * afterwards. Messages name the URI, never the copy.
   */
  static Integer onLocal(String location, OnLocal work) {
    if (!Locations.isHadoop(location)) {
      return work.run(Locations.local(location));
    }
    if (!(location.endsWith(".csv") || location.endsWith(".parquet"))) {
      throw new BadInputException("spiral: " + location + ": on a Hadoop file system give the results"
          + " file, DIR/results.csv or DIR/results.parquet (DIR/sweep.yaml is read beside it)");
    }
    String dir = location.substring(0, location.lastIndexOf('/'));
    String name = location.substring(location.lastIndexOf('/') + 1);
    byte[] results = Locations.read(location, MAX_REMOTE_BYTES, "spiral: " + location + ": no such results file",
        "spiral: " + location + ": larger than " + MAX_REMOTE_BYTES + " bytes");
    String sweep = dir + "/" + SweepRunner.SWEEP;
    long sweepMax = 4L * Sweep.MAX_CHARS;
    byte[] sweepText = Locations.read(sweep, sweepMax, null, // none beside the results: null
        "spiral: " + sweep + ": larger than " + sweepMax + " bytes");
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("spiral-results");
      Files.write(tmp.resolve(name), results);
      if (sweepText != null) {
        Files.write(tmp.resolve(SweepRunner.SWEEP), sweepText);
      }
      try {
        return work.run(tmp.resolve(name));
      } catch (BadInputException e) {
        throw new BadInputException(e.getMessage().replace(tmp.toString(), dir));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot copy " + location + " to a temporary folder: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try (var files = Files.list(tmp)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary folder left behind is harmless
        }
      }
    }
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
