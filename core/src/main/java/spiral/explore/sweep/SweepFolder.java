package spiral.explore.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sweep's output folder, wherever it is: the few operations {@link SweepRunner} and the
 * commands need on it, by file name inside the folder. {@link LocalSweepFolder} is a folder of
 * the local file system; other file systems (HDFS, object stores) implement it outside the core.
 *
 * <p>Whole files are replaced atomically where the file system allows it ({@link #write(String,
 * Body)}: written beside the target, then renamed over it). Rows are added through {@link
 * #rows(String)}, whose implementation says how soon an added row survives an interruption; a
 * resumed sweep finds the rows that survived and runs the rest.
 */
public interface SweepFolder extends Closeable {
  /**
   * The scheme of a location that is a URI of a file system other than the local one ({@code
   * hdfs}, {@code s3a}, ...: two or more characters, then {@code :/}), or null for a local path:
   * a path without a scheme, a Windows path such as {@code C:\sweeps}, or a {@code file:} URI.
   */
  static String scheme(String location) {
    // two or more characters: one letter is a Windows drive
    Matcher m = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):/.*", Pattern.DOTALL)
        .matcher(location);
    return m.matches() && !m.group(1).equalsIgnoreCase("file") ? m.group(1) : null;
  }

  /** The folder as given, for messages. */
  String name();

  /** A file inside the folder as given, for messages. */
  String name(String file);

  /** Whether the folder exists. */
  boolean exists() throws IOException;

  /** Creates the folder and its parents, where missing. */
  void create() throws IOException;

  /** Whether a file of that name exists in the folder. */
  boolean exists(String file) throws IOException;

  /** A file's text (UTF-8). */
  String read(String file) throws IOException;

  /** Replaces a file's content with the text (UTF-8), creating the file where missing. */
  void write(String file, String text) throws IOException;

  /**
   * Writes a file whole through {@code body}: to a temporary file beside it first, then renamed
   * over the file, so that a reader never sees it half written; the temporary file is removed if
   * the body fails.
   */
  void write(String file, Body body) throws IOException;

  /**
   * Adds lines after a file's current content (the file must exist and end with a line end).
   * When each added line survives an interruption is the implementation's to say.
   */
  Rows rows(String file) throws IOException;

  /** Deletes a file of the folder, if it exists. */
  void delete(String file) throws IOException;

  /** The names of the plain files in the folder. */
  List<String> files() throws IOException;

  /** Deletes the folder, if it exists and is empty. */
  void deleteIfEmpty() throws IOException;

  /** Releases what the folder holds open (nothing for a local folder). */
  @Override
  default void close() throws IOException {}

  /** Writes a file's bytes to a stream. */
  @FunctionalInterface
  interface Body {
    /** Writes the file's content; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Lines added to a file; {@link #close()} makes every added line durable. */
  interface Rows extends Closeable {
    /** Adds one line (without its line end, which is added). */
    void add(String line) throws IOException;
  }
}
