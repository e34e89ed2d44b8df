package spiral.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders keys and values for messages: quoted, escaped, shortened. */
final class Text {
  private static final int MAX = 60;

  private Text() {}

  /**
   * A string in double quotes, with control and other invisible characters escaped and long
   * strings cut to {@value #MAX} characters.
   */
  static String quote(String s) {
    return '"' + escape(s, MAX, true) + '"' + suffix(s, MAX);
  }

  /** A key or id in single quotes, escaped and shortened like {@link #quote}. */
  static String name(String s) {
    return '\'' + escape(s, MAX, false) + '\'' + suffix(s, MAX);
  }

  /** A value as written in a file: numbers and booleans as they are, strings quoted. */
  static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    String s = node.asText();
    return s.length() > MAX ? s.substring(0, MAX) + "..." : s;
  }

  /** A message text from a library, with control characters escaped and cut short. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return escape(t, 200, false) + (t.length() > 200 ? "..." : "");
  }

  private static String suffix(String s, int max) {
    return s.length() > max ? "... (" + s.length() + " characters)" : "";
  }

  /** Escapes control and invisible characters (and quotes and backslashes if asked). */
  private static String escape(String s, int max, boolean quotes) {
    StringBuilder sb = new StringBuilder();
    int end = Math.min(s.length(), max);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (quotes && (c == '"' || c == '\\')) {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)
          || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
