package spiral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of core's packages, read from the main sources: which package refers to which (by
 * import, static import or fully qualified name), the cycles among them, the report kit's
 * independence from every domain and the size of the report sources.
 */
class ReportArchitectureTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final String KIT = "spiral.report";
  private static final int MAX_LINES = 600;

  /**
   * Cycles that predate the rebuild of the reports, outside them: the scenario model and the
   * engine refer to each other, and the options analysis and the one-shot game do. A cycle may
   * shrink or go; it may not grow, and no other may appear.
   */
  private static final List<Set<String>> KNOWN_CYCLES = List.of(
      Set.of("spiral.bargain", "spiral.ladder", "spiral.scenario", "spiral.sim"),
      Set.of("spiral.game", "spiral.options"));

  /** A reference to a type: a package name (lower-case segments) followed by a type name. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(spiral(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
  private static final Pattern WILDCARD = Pattern.compile("^import\\s+(spiral(?:\\.[a-z][a-z0-9_]*)*)\\.\\*;", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

  private static Map<String, Set<String>> graph;
  private static Map<Path, String> packages;

  @BeforeAll
  static void read() throws IOException {
    graph = new TreeMap<>();
    packages = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        String code = code(Files.readString(f, StandardCharsets.UTF_8));
        Matcher pm = PACKAGE.matcher(code);
        assertThat(pm.find()).as("package of %s", f).isTrue();
        String pkg = pm.group(1);
        packages.put(f, pkg);
        Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
        for (Pattern p : List.of(REFERENCE, WILDCARD)) {
          Matcher m = p.matcher(code);
          while (m.find()) {
            if (!m.group(1).equals(pkg)) {
              deps.add(m.group(1));
            }
          }
        }
      }
    }
    assertThat(graph).containsKeys(KIT, "spiral.options.report", "spiral.bargain.report");
  }

  @Test
  void noPackageCycleBeyondTheKnownOnes() {
    for (Set<String> cycle : cycles()) {
      assertThat(KNOWN_CYCLES.stream().anyMatch(k -> k.containsAll(cycle)))
          .as("a new package cycle in core: %s", cycle).isTrue();
      assertThat(cycle).as("a report package in a cycle")
          .noneMatch(p -> p.equals(KIT) || p.endsWith(".report"));
    }
  }

  @Test
  void theKitKnowsNoDomain() {
    for (Map.Entry<Path, String> e : packages.entrySet()) {
      if (e.getValue().equals(KIT)) {
        String code = code(read(e.getKey()));
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          assertThat(m.group(1)).as("%s refers to a domain", e.getKey()).isEqualTo(KIT);
        }
      }
    }
    assertThat(graph.get(KIT)).isEmpty();
  }

  @Test
  void everyReportPackageIsCalledReportAndUsesTheKit() {
    for (String pkg : graph.keySet()) {
      if (pkg.endsWith(".report") && !pkg.equals(KIT)) {
        assertThat(graph.get(pkg)).as(pkg).contains(KIT);
      }
    }
  }

  @Test
  void noReportSourceIsOverSixHundredLines() {
    for (Map.Entry<Path, String> e : packages.entrySet()) {
      if (e.getValue().equals(KIT) || e.getValue().endsWith(".report")) {
        long lines = read(e.getKey()).lines().count();
        assertThat(lines).as("lines of %s", e.getKey()).isLessThanOrEqualTo(MAX_LINES);
      }
    }
  }

  @Test
  void theCycleCheckFindsACycle() {
    Map<String, Set<String>> saved = graph;
    try {
      graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
      assertThat(cycles()).containsExactly(Set.of("a", "b", "c"));
    } finally {
      graph = saved;
    }
  }

  /** The strongly connected components of more than one package (Tarjan's algorithm). */
  private static List<Set<String>> cycles() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : new TreeSet<>(graph.keySet())) {
      if (!index.containsKey(v)) {
        connect(v, index, low, stack, out);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Integer> index, Map<String, Integer> low,
      Deque<String> stack, List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, index, low, stack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  /** The source without comments, string and character literals (text blocks included). */
  private static String code(String src) {
    StringBuilder b = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        while (end > 0 && src.charAt(end - 1) == '\\') {
          end = src.indexOf("\"\"\"", end + 1);
        }
        i = end < 0 ? n : end + 3;
        b.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && src.charAt(i) != c) {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        b.append(c).append(c);
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
