package spiral.game;

/**
 * A game file that cannot be read: carries the 1-based line and column of the offending token
 * (0 when the problem concerns the whole file) and the token's text.
 */
public final class GameFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;
  private final String token;
  private final String detail;

  /** A problem at a token. */
  public GameFormatException(String detail, int line, int column, String token) {
    super(format(detail, line, column, token));
    this.detail = detail;
    this.line = line;
    this.column = column;
    this.token = token;
  }

  /** A problem with the whole file. */
  public GameFormatException(String detail) {
    this(detail, 0, 0, null);
  }

  private static String format(String detail, int line, int column, String token) {
    StringBuilder b = new StringBuilder();
    if (line > 0) {
      b.append(line).append(':').append(column).append(": ");
    }
    b.append(detail);
    if (token != null) {
      String t = token.length() > 40 ? token.substring(0, 40) + "..." : token;
      b.append(" (at '").append(t.replaceAll("[^\\x20-\\x7E]", "?")).append("')");
    }
    return b.toString();
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** The offending token, or null. */
  public String token() {
    return token;
  }

  /** The message without position. */
  public String detail() {
    return detail;
  }
}
