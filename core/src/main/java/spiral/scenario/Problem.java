package spiral.scenario;

/**
 * One thing wrong with a scenario or ladder file, located as precisely as the loader can.
 *
 * <p>{@link #toString()} gives the form compilers use, {@code file:line:column: path: message},
 * for example {@code my.yaml:41:7: actors[2].resolve: 1.7 is above the maximum 1.0}; parts that
 * are unknown (line 0, an empty path) are left out.
 *
 * @param file the file as the caller named it (a path, or a built-in's name)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path where in the document, e.g. {@code actors[2].resolve}; empty for the whole file
 * @param message what is wrong, naming the offending key or value
 */
public record Problem(String file, int line, int column, String path, String message) {
  public Problem {
    file = file == null ? "" : file;
    path = path == null ? "" : path;
    message = message == null ? "" : message;
    line = Math.max(0, line);
    column = line == 0 ? 0 : Math.max(0, column);
  }

  /** A problem with the file as a whole. */
  public static Problem ofFile(String file, String message) {
    return new Problem(file, 0, 0, "", message);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    if (sb.length() > 0) {
      sb.append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }
}
