package spiral.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import spiral.explore.sweep.LocalSweepFolder;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepSource;
import spiral.io.HadoopFiles;
import spiral.io.HadoopSweepFolder;
import spiral.io.HadoopSweeps;

/**
 * Files and folders named on the command line that may be local paths or URIs of a Hadoop file
 * system ({@code hdfs://}, {@code s3a://}, ...; see {@link HadoopFiles}), turning problems into
 * bad-input errors.
 */
final class Locations {
  private Locations() {}

  /** Whether a location names a Hadoop file system's file rather than a local one. */
  static boolean isHadoop(String location) {
    return HadoopFiles.isHadoop(location);
  }

  /** A local location as a path (a {@code file:} URI's path, or the location as given). */
  static Path local(String location) {
    try {
      return HadoopFiles.localPath(location);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new BadInputException("spiral: " + location + ": not a valid path: " + e.getMessage());
    }
  }

  /** A sweep's output folder, local or on a Hadoop file system. */
  static SweepFolder folder(String location) {
    if (!isHadoop(location)) {
      return new LocalSweepFolder(local(location));
    }
    try {
      return HadoopSweepFolder.open(location);
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IOException e) {
      throw new BadInputException("spiral: " + location + ": cannot open: " + e.getMessage());
    }
  }

  /**
   * A sweep file on a Hadoop file system with the scenario file it names there ({@link
   * HadoopSweeps#read}), parsed and validated; problems with the files are bad input, a file
   * system that fails is a failure (exit 1).
   */
  static Sweep sweep(String location) {
    SweepSource source;
    try {
      source = HadoopSweeps.source(location);
    } catch (SweepException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IOException e) { // the file system failed (unreachable, refused): no bad input
      throw new UncheckedIOException(location + ": cannot read: " + e, e);
    }
    try {
      return Sweep.parse(source);
    } catch (SweepException e) { // located in the file, as for a local sweep file
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * A file's bytes on a Hadoop file system, at most {@code max}: a missing file is bad input
   * saying {@code noSuch} (or, with {@code noSuch} null, null), a larger one bad input saying
   * {@code tooLarge}, a scheme without its connector bad input naming it; a file system that
   * fails is a failure (exit 1).
   */
  static byte[] read(String location, long max, String noSuch, String tooLarge) {
    try {
      return HadoopFiles.read(location, max);
    } catch (FileNotFoundException e) {
      if (noSuch == null) {
        return null;
      }
      throw new BadInputException(noSuch);
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (HadoopFiles.TooLargeException e) {
      throw new BadInputException(tooLarge);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }
}
