package spiral.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A position in a YAML document: the keys and list indexes from the root. Shown as {@code
 * actors[2].resolve}; used as a JSON-pointer-like map key for locations.
 */
record DocPath(List<Object> parts) {
  static final DocPath ROOT = new DocPath(List.of());

  DocPath {
    parts = Collections.unmodifiableList(new ArrayList<>(parts));
  }

  DocPath key(String key) {
    return with(key);
  }

  DocPath index(int index) {
    return with(index);
  }

  /** The parent position, or ROOT for ROOT. */
  DocPath parent() {
    return parts.isEmpty() ? this : new DocPath(parts.subList(0, parts.size() - 1));
  }

  boolean isRoot() {
    return parts.isEmpty();
  }

  private DocPath with(Object part) {
    List<Object> p = new ArrayList<>(parts.size() + 1);
    p.addAll(parts);
    p.add(part);
    return new DocPath(p);
  }

  /** The path as shown in messages: {@code actors[2].resolve}, {@code packages["a.b"]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Integer) {
        sb.append('[').append(part).append(']');
      } else {
        String key = (String) part;
        if (key.matches("[A-Za-z0-9_-]{1,60}")) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(key);
        } else {
          sb.append('[').append(Text.quote(key)).append(']');
        }
      }
    }
    return sb.toString();
  }
}
