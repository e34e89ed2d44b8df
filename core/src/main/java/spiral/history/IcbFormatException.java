package spiral.history;

/**
 * A malformed ICB file: names the file, the line and column (1-based) and the offending value.
 */
public final class IcbFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A located error: {@code file:line:column: message}. */
  public IcbFormatException(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": " + message);
  }
}
