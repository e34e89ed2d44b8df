package spiral.explore.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every value in a sweep file, by path ({@code design.points}, {@code
 * parameters[1].min}), so that a problem found after parsing names where it is. A path that is
 * not in the file (a missing key) is placed at its nearest enclosing value. Cost: one pass over
 * the file's tokens.
 */
final class SweepLocations {
  private final String source;
  private final Map<String, int[]> values;

  private SweepLocations(String source, Map<String, int[]> values) {
    this.source = source;
    this.values = values;
  }

  /** The locations of a file's values; a file that does not parse gives no locations. */
  static SweepLocations of(String source, String text, YAMLFactory factory) {
    Map<String, int[]> m = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      if (p.nextToken() != null) {
        walk(p, "", m);
      }
    } catch (IOException | RuntimeException e) {
      // the mapper reports syntax errors with their own locations
    }
    return new SweepLocations(source, m);
  }

  private static void walk(JsonParser p, String path, Map<String, int[]> m) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    m.putIfAbsent(path, new int[] {l.getLineNr(), l.getColumnNr()});
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        walk(p, path.isEmpty() ? key : path + "." + key, m);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        walk(p, path + "[" + i++ + "]", m);
      }
    }
  }

  /**
   * A message about the value at {@code path}: {@code file:line:column: path: message}, the
   * location being the nearest enclosing value's where the path is not in the file.
   */
  String message(String path, String message) {
    for (String p = path; ; p = parent(p)) {
      int[] loc = values.get(p);
      if (loc != null && loc[0] > 0) {
        return source + ":" + loc[0] + ":" + loc[1] + ": " + path + ": " + message;
      }
      if (p.isEmpty()) {
        return source + ": " + path + ": " + message;
      }
    }
  }

  /** A problem at a path. */
  SweepException problem(String path, String message) {
    return new SweepException(message(path, message));
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
