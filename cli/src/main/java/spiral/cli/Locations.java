package spiral.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import spiral.explore.sweep.LocalSweepFolder;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepSource;
import spiral.io.HadoopFiles;
import spiral.io.HadoopSweepFolder;
import spiral.scenario.BuiltinScenarios;

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
   * A sweep file on a Hadoop file system, as a source that travels: its text and, when it names a
   * scenario file by a path relative to its folder (or by a Hadoop URI), that file's bytes. A
   * built-in name, or a local path, is resolved as for a local sweep file without a folder.
   */
  static SweepSource sweepSource(String location) {
    try {
      if (!HadoopFiles.isFile(location)) {
        throw new BadInputException("spiral: " + location + ": no such sweep file");
      }
      String text = new String(HadoopFiles.read(location, 4L * Sweep.MAX_CHARS),
          StandardCharsets.UTF_8);
      String scenario = scenarioName(text);
      String scenarioFile = null;
      if (scenario != null && !BuiltinScenarios.names().contains(scenario)) {
        if (isHadoop(scenario)) {
          scenarioFile = scenario;
        } else if (!scenario.startsWith("/") && !scenario.contains("\n")) {
          String beside = sibling(location, scenario);
          if (beside != null && HadoopFiles.isFile(beside)) {
            scenarioFile = beside;
          }
        }
      }
      byte[] content = null;
      if (scenarioFile != null) {
        try {
          content = HadoopFiles.read(scenarioFile, 4L * Sweep.MAX_CHARS);
        } catch (FileNotFoundException e) {
          throw new BadInputException("spiral: " + location + ": scenario: no such file "
              + scenarioFile);
        }
      }
      return new SweepSource(location, text, scenarioFile, content);
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (HadoopFiles.TooLargeException e) {
      throw new BadInputException("spiral: " + location + ": " + e.getMessage());
    } catch (IOException e) { // the file system failed (unreachable, refused): no bad input
      throw new UncheckedIOException(location + ": cannot read: " + e, e);
    }
  }

  /**
   * A file's bytes on a Hadoop file system, at most {@code max}: a missing file is bad input
   * saying {@code noSuch}, a larger one bad input saying {@code tooLarge}, a scheme without its
   * connector bad input naming it; a file system that fails is a failure (exit 1).
   */
  static byte[] read(String location, long max, String noSuch, String tooLarge) {
    try {
      if (!HadoopFiles.isFile(location)) {
        throw new BadInputException(noSuch);
      }
      return HadoopFiles.read(location, max);
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (HadoopFiles.TooLargeException e) {
      throw new BadInputException(tooLarge);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  /** Whether a Hadoop location is a file; failures as in {@link #read}. */
  static boolean isFile(String location) {
    try {
      return HadoopFiles.isFile(location);
    } catch (HadoopFiles.NoFileSystemException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  /** A name beside a Hadoop file, or null where the name makes no Hadoop path. */
  private static String sibling(String location, String name) {
    try {
      return HadoopFiles.sibling(location, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A sweep source parsed and validated, problems as bad input. */
  static Sweep sweep(SweepSource source) {
    try {
      return source.sweep();
    } catch (SweepException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The {@code scenario} a sweep's text names, or null where it names none or does not parse. */
  private static String scenarioName(String text) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
      JsonNode s = root == null ? null : root.get("scenario");
      return s != null && s.isTextual() ? s.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null; // parsing the sweep reports it
    }
  }
}
