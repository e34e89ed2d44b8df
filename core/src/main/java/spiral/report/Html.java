package spiral.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML reports. All numbers use {@link Locale#ROOT}. */
public final class Html {
  private Html() {}

  /** Text or attribute content with {@code & < > " '} escaped; null is the empty string. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab and newlines are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** x with this many decimals, or "n/a" when x is not finite. */
  public static String num(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    if (s.startsWith("-")) {
      // a typographic minus, and no negative zero
      return isZero(s.substring(1)) ? s.substring(1) : "\u2212" + s.substring(1);
    }
    return s;
  }

  /** A signed number ({@code +0.012}, {@code −0.034}), or "n/a". */
  public static String signed(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return "n/a";
    }
    String s = num(Math.abs(x), decimals);
    if (isZero(s)) {
      return s;
    }
    return (x < 0 ? "\u2212" : "+") + s;
  }

  /**
   * A signed difference with at least {@code decimals} decimals and more while it would print as
   * zero (at most 6), so that a small but real difference does not read as 0.000.
   */
  public static String signedFine(double x, int decimals) {
    int d = decimals;
    while (d < 6 && x != 0 && Math.abs(x) < 0.5 * Math.pow(10, -d)) {
      d++;
    }
    return signed(x, d);
  }

  /**
   * A probability as a percentage: one decimal from 1%, two below (so 0.28% stays visible),
   * "0%" for zero, "n/a" when not finite.
   */
  public static String pct(double p) {
    if (!Double.isFinite(p)) {
      return "n/a";
    }
    if (p == 0) {
      return "0%";
    }
    return percentNumber(p) + "%";
  }

  /** A 95% interval of probabilities, {@code [1.9, 4.0]%}. */
  public static String pctInterval(double[] ci) {
    if (ci == null || ci.length < 2 || !Double.isFinite(ci[0]) || !Double.isFinite(ci[1])) {
      return "";
    }
    return "[" + percentNumber(ci[0]) + ", " + percentNumber(ci[1]) + "]%";
  }

  /** p as a percentage without the sign: one decimal from 1%, two below. */
  private static String percentNumber(double p) {
    double v = p * 100;
    return v == 0 ? "0" : num(v, Math.abs(v) >= 1 ? 1 : 2);
  }

  /** A 95% interval, {@code [0.512, 0.534]}, or "" when missing or not finite. */
  public static String interval(double[] ci, int decimals) {
    if (ci == null || ci.length < 2 || !Double.isFinite(ci[0]) || !Double.isFinite(ci[1])) {
      return "";
    }
    return "[" + num(ci[0], decimals) + ", " + num(ci[1], decimals) + "]";
  }

  /** A whole number with thousands separators ({@code 10,000}). */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A coordinate for SVG: at most one decimal, no exponent, no negative zero. */
  public static String coord(double x) {
    if (!Double.isFinite(x)) {
      return "0";
    }
    long tenths = Math.round(x * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }

  /** A sort key for a table cell: the number, or empty when not finite (sorted last). */
  public static String sortKey(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6f", x) : "";
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
