package spiral.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepSource;
import spiral.scenario.BuiltinScenarios;

/**
 * Sweep files on a Hadoop file system ({@code hdfs://}, {@code s3a://}, ...; see {@link
 * HadoopFiles}), read with the scenario file they name, so that the command line and a Spark job
 * under {@code spark-submit} read them alike. Cost: reading the two files (4 &times; {@link
 * Sweep#MAX_CHARS} bytes at most each).
 */
public final class HadoopSweeps {
  private HadoopSweeps() {}

  /**
   * A sweep file on a Hadoop file system as a source that travels: its text and, when it names a
   * scenario file by a path relative to its folder (or by a Hadoop URI), that file's bytes. A
   * built-in name, or a local path, is left to {@link SweepSource#sweep()} to resolve as for a
   * local sweep file without a folder.
   *
   * @throws SweepException if there is no such sweep file, no scenario file where it names one
   *     on the file system, or a file is larger than a sweep or scenario may be (one line, naming
   *     the location)
   * @throws HadoopFiles.NoFileSystemException if no file system for the scheme is on the class
   *     path
   * @throws IOException if the file system fails (unreachable, refused)
   */
  public static SweepSource source(String location) throws IOException {
    try {
      String text;
      try {
        text = new String(HadoopFiles.read(location, 4L * Sweep.MAX_CHARS), StandardCharsets.UTF_8);
      } catch (FileNotFoundException e) {
        throw new SweepException(location + ": no such sweep file");
      }
      String scenario = scenarioName(text);
      String scenarioFile = null;
      byte[] content = null;
      if (scenario != null && !BuiltinScenarios.names().contains(scenario)) {
        if (HadoopFiles.isHadoop(scenario)) {
          try {
            content = HadoopFiles.read(scenario, 4L * Sweep.MAX_CHARS);
          } catch (FileNotFoundException e) {
            throw new SweepException(location + ": scenario: no such file " + scenario);
          }
          scenarioFile = scenario;
        } else if (!scenario.startsWith("/") && !scenario.contains("\n")) {
          String beside = sibling(location, scenario);
          if (beside != null) {
            try {
              content = HadoopFiles.read(beside, 4L * Sweep.MAX_CHARS);
              scenarioFile = beside;
            } catch (FileNotFoundException e) {
              // not beside the sweep: a built-in name or a local path, resolved when parsed
            }
          }
        }
      }
      return new SweepSource(location, text, scenarioFile, content);
    } catch (IllegalArgumentException e) { // not a URI, or a host that has no address
      String m = String.valueOf(e.getMessage());
      throw new SweepException(m.startsWith(location) ? m : location + ": " + m);
    } catch (HadoopFiles.TooLargeException e) {
      throw new SweepException(location + ": " + e.getMessage());
    }
  }

  /**
   * A sweep file on a Hadoop file system, parsed and validated.
   *
   * @throws SweepException if it is bad input, as {@link #source} and {@link Sweep#read} say
   * @throws HadoopFiles.NoFileSystemException if no file system for the scheme is on the class
   *     path
   * @throws IOException if the file system fails
   */
  public static Sweep read(String location) throws IOException {
    return Sweep.parse(source(location));
  }

  /** A name beside a Hadoop file, or null where the name makes no Hadoop path. */
  private static String sibling(String location, String name) {
    try {
      return HadoopFiles.sibling(location, name);
    } catch (IllegalArgumentException e) {
      return null;
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
