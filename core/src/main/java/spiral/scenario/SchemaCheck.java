package spiral.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Checks a document against the scenario or ladder JSON Schema and turns each schema error into
 * a {@link Problem} at the line and column of the offending key or value. The schemas are
 * compiled once per process.
 */
final class SchemaCheck {
  static final String SCENARIO = "spiral/scenario.schema.json";
  static final String LADDER = "spiral/ladder.schema.json";

  private static final Map<String, String> PATTERN_HINTS =
      Map.of(
          "^[a-z0-9][a-z0-9-]*$", "use lowercase letters, digits and '-', starting with a letter or digit",
          "^[A-Za-z0-9][A-Za-z0-9_-]*$", "use letters, digits, '-' and '_', starting with a letter or digit");

  /** The date patterns of the schema and what their failure says. */
  private static final Map<String, String> DATE_PATTERNS =
      Map.of(
          "^\\d{4}-\\d{2}-\\d{2}$", "is not a date: expected YYYY-MM-DD, such as 1962-10-16",
          "^\\d{4}-\\d{2}$", "is not a month: expected YYYY-MM, such as 2022-03",
          "^\\d{4}-\\d{2}(-\\d{2})?$", "is not a date: expected YYYY-MM-DD or YYYY-MM, such as 2022-09-30");

  private final Schema schema;
  private final Map<String, JsonNode> raw;

  private SchemaCheck(String resource) {
    ObjectMapper mapper = new ObjectMapper();
    raw = Map.of("classpath:" + SCENARIO, readResource(mapper, SCENARIO),
        "classpath:" + LADDER, readResource(mapper, LADDER));
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    String iri = "classpath:" + resource;
    schema = registry.getSchema(SchemaLocation.of(iri), raw.get(iri));
    schema.initializeValidators();
  }

  private static final class Holder {
    static final SchemaCheck SCENARIO_CHECK = new SchemaCheck(SCENARIO);
    static final SchemaCheck LADDER_CHECK = new SchemaCheck(LADDER);
  }

  static SchemaCheck scenario() {
    return Holder.SCENARIO_CHECK;
  }

  static SchemaCheck ladder() {
    return Holder.LADDER_CHECK;
  }

  private static JsonNode readResource(ObjectMapper mapper, String resource) {
    try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of a document, sorted by line and column. */
  List<Problem> check(YamlTree tree) {
    List<Error> errors;
    try {
      errors = schema.validate(tree.root);
    } catch (RuntimeException e) {
      return List.of(Problem.ofFile(tree.source,
          "could not check the file against the schema: " + Text.clean(e.getMessage())));
    }
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error e : errors) {
      DocPath at = path(e.getInstanceLocation());
      if (tree.isMasked(at)) {
        continue;
      }
      String property = e.getProperty();
      String keyword = e.getKeyword() == null ? "" : e.getKeyword();
      switch (keyword) {
        case "required" -> problems.add(tree.problem(at, "missing required key " + Text.name(property)));
        case "additionalProperties" ->
            problems.add(tree.problem(at.key(property), unknownKey(property, e)));
        case "propertyNames" ->
            problems.add(tree.problem(at.key(property), Text.quote(property) + " is not a valid id: "
                + PATTERN_HINTS.get("^[A-Za-z0-9][A-Za-z0-9_-]*$")));
        default -> problems.add(tree.problem(at, message(keyword, e)));
      }
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return sorted;
  }

  private static DocPath path(NodePath p) {
    DocPath at = DocPath.ROOT;
    if (p == null) {
      return at;
    }
    for (int i = 0; i < p.getNameCount(); i++) {
      Object element = p.getElement(i);
      at = element instanceof Integer index ? at.index(index) : at.key(String.valueOf(element));
    }
    return at;
  }

  private String message(String keyword, Error e) {
    JsonNode value = e.getInstanceNode();
    JsonNode limit = e.getSchemaNode();
    String shown = Text.show(value);
    return switch (keyword) {
      case "type" -> "expected " + typeNames(limit) + ", found " + found(value);
      case "maximum" -> shown + " is above the maximum " + limit;
      case "minimum" -> shown + " is below the minimum " + limit;
      case "exclusiveMinimum" -> shown + " must be greater than " + limit;
      case "exclusiveMaximum" -> shown + " must be less than " + limit;
      case "enum" -> shown + " is not one of: " + list(limit);
      case "const" -> shown + " is not allowed here, expected " + Text.show(limit);
      case "pattern" -> DATE_PATTERNS.containsKey(limit.asText())
          ? shown + " " + DATE_PATTERNS.get(limit.asText())
          : shown + " is not a valid id: " + PATTERN_HINTS.getOrDefault(limit.asText(), "it must match " + limit.asText());
      case "minItems" -> "needs at least " + limit + " entries, has " + value.size();
      case "maxItems" -> "may have at most " + limit + " entries, has " + value.size();
      default -> Text.clean(e.getMessage());
    };
  }

  private static String found(JsonNode value) {
    if (value.isTextual()) {
      return "the string " + Text.show(value);
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    if (value.isNull()) {
      return "nothing (null)";
    }
    return Text.show(value);
  }

  private static String typeNames(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(typeName(t.asText())));
    } else {
      names.add(typeName(type.asText()));
    }
    return String.join(" or ", names);
  }

  private static String typeName(String jsonType) {
    return switch (jsonType) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "boolean" -> "true or false";
      default -> "a " + jsonType;
    };
  }

  private static String list(JsonNode values) {
    StringJoiner j = new StringJoiner(", ");
    values.forEach(v -> j.add(v.asText()));
    return j.toString();
  }

  /** "unknown key 'x'", with a suggestion when a known key is spelled alike. */
  private String unknownKey(String key, Error e) {
    String message = "unknown key " + Text.name(key);
    if (key.equals("<<")) {
      return message + ": YAML merge keys are not supported";
    }
    String best = null;
    int bestDistance = key.length() >= 5 ? 3 : 2;
    for (Iterator<String> it = knownKeys(e); it.hasNext(); ) {
      String known = it.next();
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best == null ? message : message + " (did you mean '" + best + "'?)";
  }

  /** The keys the schema allows where an additionalProperties error was raised. */
  private Iterator<String> knownKeys(Error e) {
    SchemaLocation location = e.getSchemaLocation();
    if (location == null || location.getAbsoluteIri() == null) {
      return List.<String>of().iterator();
    }
    JsonNode node = raw.get(location.getAbsoluteIri().toString());
    NodePath fragment = location.getFragment();
    if (node == null || fragment == null) {
      return List.<String>of().iterator();
    }
    for (int i = 0; i < fragment.getNameCount() - 1 && node != null; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }
    JsonNode properties = node == null ? null : node.get("properties");
    return properties == null ? List.<String>of().iterator() : properties.fieldNames();
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 100) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
