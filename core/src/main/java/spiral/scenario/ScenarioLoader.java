package spiral.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import spiral.ladder.Ladder;

/**
 * Reads scenario files (docs/SCENARIO-FORMAT.md) and ladder files into records.
 *
 * <p>The pipeline: a size limit of 4 MiB checked before reading; UTF-8 text; YAML parsed into a
 * tree that remembers the line and column of every key and value (one document, no duplicate
 * keys, bounded nesting and aliases); the JSON Schema {@code spiral/scenario.schema.json}; then
 * the records with the format's defaults and the checks the schema cannot make (unique ids,
 * references, principals, rungs on the ladder, uncertainty paths). Every failure is a {@link
 * ScenarioException} listing all problems found at that stage, each with file, line, column, path
 * and the offending key or value; no other exception escapes for bad input.
 *
 * <p>Cost: linear in the file size; tens of milliseconds for a built-in scenario once warm. The
 * first call in a process also loads the YAML and schema libraries and compiles the schemas
 * (about a second). Thread-safe and stateless.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** A NonFinite policy that reads {@code rationality: .inf} as best response. */
  private static final YamlTree.NonFinite RATIONALITY_INF = (at, v) -> {
    List<Object> p = at.parts();
    boolean rationality = p.size() == 3 && "actors".equals(p.get(0))
        && p.get(1) instanceof Integer && "rationality".equals(p.get(2));
    return rationality && v == Double.POSITIVE_INFINITY ? TextNode.valueOf("best") : null;
  };

  /**
   * Reads a scenario file. Messages name the file as given.
   *
   * @throws ScenarioException listing every problem found
   */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, readFile(file));
  }

  /**
   * Reads a scenario file's bytes, refusing a directory and a file over the size a scenario may
   * have, as {@link #load(Path)} does; with {@link #load(Path, byte[])} the file is read once.
   *
   * @throws ScenarioException naming the file when it cannot be read
   */
  public static byte[] read(Path file) throws ScenarioException {
    return readFile(file);
  }

  /**
   * Reads a scenario from a file's bytes read before ({@link #read(Path)}): relative paths inside
   * it resolve against the file's folder, as in {@link #load(Path)}.
   *
   * @throws ScenarioException listing every problem found
   */
  public static Scenario load(Path file, byte[] content) throws ScenarioException {
    return parse(file.toString(), content, folderOf(file));
  }

  /** The folder a file's relative paths resolve against: its own, absolute. */
  static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent;
  }

  /**
   * Reads a scenario from bytes that come from no file: a relative path inside it (a {@code
   * fromSimulation} scenario) resolves against the working folder.
   *
   * @param sourceName the name messages give the file
   * @param content the file's bytes
   * @throws ScenarioException listing every problem found
   */
  public static Scenario parse(String sourceName, byte[] content) throws ScenarioException {
    return parse(sourceName, content, null);
  }

  /**
   * Reads a scenario from bytes read from a file in {@code folder}: relative paths inside it
   * resolve against that folder, wherever the program runs.
   *
   * @param sourceName the name messages give the file
   * @param content the file's bytes
   * @param folder the file's folder, or null for the working folder
   * @throws ScenarioException listing every problem found
   */
  public static Scenario parse(String sourceName, byte[] content, Path folder) throws ScenarioException {
    YamlTree tree = tree(sourceName, content, RATIONALITY_INF, SchemaCheck::scenario);
    ScenarioReader reader = new ScenarioReader(tree, folder);
    Scenario scenario;
    try {
      scenario = reader.scenario();
    } catch (RuntimeException e) {
      throw new ScenarioException(List.of(Problem.ofFile(sourceName,
          "internal error while reading the scenario: " + Text.clean(String.valueOf(e.getMessage())))));
    }
    if (scenario == null) {
      throw new ScenarioException(sorted(reader.problems));
    }
    return scenario;
  }

  /**
   * Reads a built-in scenario by name (see {@link BuiltinScenarios#names()}), or else a file.
   *
   * @throws ScenarioException when it is neither, or the scenario has problems
   */
  public static Scenario resolve(String nameOrPath) throws ScenarioException {
    return resolve(nameOrPath, null);
  }

  /**
   * Reads a built-in scenario by name, or else a file, a relative path taken from {@code folder}
   * (the folder of the file that names it) or, when that is null, from the working folder.
   *
   * @throws ScenarioException when it is neither, or the scenario has problems
   */
  public static Scenario resolve(String nameOrPath, Path folder) throws ScenarioException {
    if (BuiltinScenarios.names().contains(nameOrPath)) {
      Optional<byte[]> content = BuiltinScenarios.read(nameOrPath);
      if (content.isEmpty()) {
        throw new ScenarioException(List.of(Problem.ofFile(nameOrPath,
            "the built-in scenario " + Text.name(nameOrPath) + " is missing from this build")));
      }
      return parse(nameOrPath + ".yaml", content.get());
    }
    Path file = null;
    try {
      file = relativeTo(nameOrPath, folder);
    } catch (InvalidPathException e) {
      // reported below, like a missing file
    }
    if (file == null || !Files.exists(file)) {
      throw new ScenarioException(List.of(Problem.ofFile(nameOrPath,
          "no such file or built-in scenario " + Text.name(nameOrPath) + " (built-ins: "
              + String.join(", ", BuiltinScenarios.names()) + ")")));
    }
    return load(file);
  }

  /**
   * The path a name in a file stands for: relative to {@code folder} when it is relative and the
   * folder is known, else as written.
   *
   * @throws InvalidPathException when the name is no path on this system
   */
  public static Path relativeTo(String path, Path folder) {
    Path p = Path.of(path);
    return folder == null || p.isAbsolute() ? p : folder.resolve(p).normalize();
  }

  /**
   * The problems of a scenario file, schema and references in one pass; empty when it is valid.
   * Loading stops at the schema's problems; here the references are read too, and those
   * problems reported whose place is neither at, inside nor around a place the schema already
   * faulted (where they would only repeat it).
   */
  public static List<Problem> validate(Path file) {
    try {
      load(file);
      return List.of();
    } catch (ScenarioException e) {
      List<Problem> schema = e.problems();
      try {
        List<Problem> references = references(file);
        if (references.isEmpty()) {
          return schema;
        }
        List<Problem> all = new ArrayList<>(schema);
        for (Problem p : references) {
          if (schema.stream().noneMatch(q -> related(p.path(), q.path())) && !all.contains(p)) {
            all.add(p);
          }
        }
        return sorted(all);
      } catch (ScenarioException | RuntimeException again) {
        return schema;
      }
    }
  }

  /**
   * The reference problems of a file that reads as YAML but breaks the schema: what the reader
   * finds before it stops (it expects a valid tree, so it may stop early); none when the file
   * does not read or its problems are not the schema's.
   */
  private static List<Problem> references(Path file) throws ScenarioException {
    YamlTree tree = YamlTree.read(file.toString(), readFile(file), RATIONALITY_INF);
    if (!tree.problems.isEmpty() || tree.root == null || !tree.root.isObject()) {
      return List.of();
    }
    ScenarioReader reader = new ScenarioReader(tree, folderOf(file));
    try {
      reader.scenario();
    } catch (RuntimeException e) {
      // a part that broke the schema: the problems found up to there still hold
    }
    return reader.problems;
  }

  /** Whether one place in a document is the other, or inside it. */
  private static boolean related(String a, String b) {
    return a.equals(b) || inside(a, b) || inside(b, a);
  }

  private static boolean inside(String inner, String outer) {
    return outer.isEmpty() || inner.startsWith(outer) && inner.length() > outer.length()
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }

  /**
   * Reads a ladder file (the format of an inline ladder).
   *
   * @throws ScenarioException listing every problem found
   */
  public static Ladder loadLadder(Path file) throws ScenarioException {
    return parseLadder(file.toString(), readFile(file));
  }

  /**
   * Reads a ladder from bytes (the format of an inline ladder).
   *
   * @param sourceName the name messages give the file
   * @param content the file's bytes
   * @throws ScenarioException listing every problem found
   */
  public static Ladder parseLadder(String sourceName, byte[] content) throws ScenarioException {
    YamlTree tree = tree(sourceName, content, null, SchemaCheck::ladder);
    ScenarioReader reader = new ScenarioReader(tree);
    Ladder ladder;
    try {
      ladder = reader.ladderFile();
    } catch (RuntimeException e) {
      throw new ScenarioException(List.of(Problem.ofFile(sourceName,
          "internal error while reading the ladder: " + Text.clean(String.valueOf(e.getMessage())))));
    }
    if (ladder == null) {
      throw new ScenarioException(sorted(reader.problems));
    }
    return ladder;
  }

  /** Reads and schema-checks a document; throws unless both went without problems. */
  private static YamlTree tree(String sourceName, byte[] content, YamlTree.NonFinite nonFinite,
      java.util.function.Supplier<SchemaCheck> schema) throws ScenarioException {
    YamlTree tree = YamlTree.read(sourceName, content, nonFinite);
    List<Problem> problems = new ArrayList<>(tree.problems);
    if (tree.root != null) {
      JsonNode root = tree.root;
      if (!root.isObject()) {
        problems.add(tree.problem(DocPath.ROOT, "the file must be a mapping of keys to values,"
            + " found " + Text.show(root)));
      } else {
        problems.addAll(schema.get().check(tree));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(sorted(problems));
    }
    return tree;
  }

  /** Reads a file whole after checking its size. */
  private static byte[] readFile(Path file) throws ScenarioException {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw one(name, "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > YamlTree.MAX_BYTES) {
        throw one(name, YamlTree.tooLarge(size));
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] content = in.readNBytes(YamlTree.MAX_BYTES + 1);
        if (content.length > YamlTree.MAX_BYTES) {
          throw one(name, YamlTree.tooLarge(Math.max(size, content.length)));
        }
        return content;
      }
    } catch (NoSuchFileException e) {
      throw one(name, "no such file");
    } catch (AccessDeniedException e) {
      throw one(name, "cannot read the file: permission denied");
    } catch (IOException | SecurityException e) {
      throw one(name, "cannot read the file: " + Text.clean(e.getMessage()));
    }
  }

  private static ScenarioException one(String file, String message) {
    return new ScenarioException(List.of(Problem.ofFile(file, message)));
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> s = new ArrayList<>(problems);
    s.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return s;
  }
}
