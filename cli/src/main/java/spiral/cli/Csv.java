package spiral.cli;

/** Cells of the CSV outputs: text quoted where it needs it, numbers in full, empty for none. */
final class Csv {
  private Csv() {}

  /** A text cell: as it is, or quoted (quotes doubled) when it holds a comma, quote or newline. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** A number cell: the shortest text that reads back as the same double; empty for null. */
  static String number(Double d) {
    if (d == null) {
      return "";
    }
    double v = d;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
