package spiral.explore.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import spiral.explore.Design;
import spiral.explore.Designs;
import spiral.explore.SaltelliDesign;
import spiral.explore.SobolSequence;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.scenario.ScenarioParameters;

/**
 * A validated sweep: the base scenario, the parameters varied, the design, the runs per point,
 * the seed shared by every point (common random numbers) and the outputs recorded.
 *
 * @param source the file's name, for messages
 * @param text the file's text, copied next to the results
 * @param scenarioName the scenario as written (a built-in name or a path)
 * @param scenario the loaded base scenario
 * @param parameters the parameters, in column order
 * @param design the design
 * @param runs runs per point
 * @param seed the seed of every point
 * @param outputs the outputs, in column order
 * @param origin what the sweep was built from: the sweep file's text and, when the base scenario
 *     is a file, that file's name and the bytes read from it, so that another machine (a Spark
 *     executor) rebuilds the same sweep from them ({@link SweepSource#sweep()}) without reading
 *     any file again, wherever the files were (a local folder, HDFS, an object store)
 */
public record Sweep(String source, String text, String scenarioName, Scenario scenario,
    List<Parameter> parameters, DesignSpec design, long runs, long seed, List<String> outputs,
    SweepSource origin) {

  /** The outputs a sweep can record, from simulate's summary. */
  public static final List<String> OUTPUTS = List.of("nuclearUse", "directWar", "furtherAttacks",
      "contained", "settlement", "protracted", "meanMaxRung", "escalationScore",
      "responderCredibility", "cohesion");

  /** The longest sweep file accepted, in characters. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  /** The most parameters a sweep may vary. */
  public static final int MAX_PARAMETERS = 1000;

  /** The most design values (points &times; parameters) a sweep may have. */
  public static final long MAX_VALUES = 10_000_000L;

  /**
   * The design types, named as SALib names its samplers: {@code saltelli} for Sobol'-index
   * designs, {@code sobol-sequence} for the quasi-random Sobol' sequence.
   */
  public static final List<String> DESIGNS = List.of("lhs", "sobol-sequence", "factorial",
      "morris", "saltelli");

  /**
   * A varied parameter: a uniform range [min, max], or factorial levels.
   *
   * @param path the dotted parameter path
   * @param min the lower end (NaN when values are given)
   * @param max the upper end (NaN when values are given)
   * @param values the levels, or empty for a range
   */
  public record Parameter(String path, double min, double max, List<Double> values) {
    /** Copies. */
    public Parameter {
      values = List.copyOf(values);
    }

    /** Whether this parameter is a range rather than a list of levels. */
    public boolean isRange() {
      return values.isEmpty();
    }
  }

  /**
   * The design.
   *
   * @param type lhs, sobol-sequence, factorial, morris or saltelli
   * @param points points (lhs, sobol-sequence) or base points N (saltelli)
   * @param levels grid levels (morris; factorial for ranges)
   * @param trajectories trajectories (morris)
   * @param seed the design's randomness (lhs, morris)
   * @param secondOrder whether a saltelli design holds the B_A blocks for second-order indices
   *     (SALib's calc_second_order); false for the other designs
   */
  public record DesignSpec(String type, int points, int levels, int trajectories, long seed,
      boolean secondOrder) {}

  /** Copies and checks. */
  public Sweep {
    parameters = List.copyOf(parameters);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(origin, "origin");
    if (!origin.source().equals(source) || !origin.text().equals(text)) {
      throw new IllegalArgumentException("the origin is another sweep file's: " + origin);
    }
  }

  record RawSweep(String scenario, List<RawParameter> parameters, RawDesign design, Long runs,
      Long seed, List<String> outputs) {}

  record RawParameter(String path, Double min, Double max, List<Double> values) {}

  record RawDesign(String type, Integer points, Integer levels, Integer trajectories, Long seed,
      Boolean secondOrder) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Reads and validates a sweep file. A relative scenario path is taken relative to the
   * sweep file's folder when it exists there.
   *
   * @throws SweepException naming the file, the line and column, the key and the offending
   *     value (a missing key is placed at the mapping that lacks it)
   * @throws IOException if the file cannot be read
   */
  public static Sweep read(Path file) throws IOException {
    if (Files.size(file) > 4L * MAX_CHARS) {
      throw new SweepException(file + ": " + Files.size(file) + " bytes, more than a sweep file"
          + " may have (" + MAX_CHARS + " characters)");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(file.toString(), text, file.toAbsolutePath().getParent());
  }

  /**
   * Parses and validates sweep text; {@code folder} resolves a relative scenario path.
   *
   * @throws SweepException as {@link #read} does
   */
  public static Sweep parse(String source, String text, Path folder) {
    return parse(source, text, (at, name) -> loadScenario(at, name, folder));
  }

  /**
   * Parses and validates the sweep file's text read from a location of any file system, whose
   * base scenario file (null for a built-in scenario) the caller found and read there.
   *
   * @throws SweepException as {@link #read} does
   */
  public static Sweep parse(SweepSource origin) {
    return parse(origin.source(), origin.text(), origin.scenarioSource(),
        origin.scenarioContent());
  }

  /**
   * Parses and validates sweep text whose base scenario file comes as bytes rather than from a
   * file system: how a sweep is rebuilt on a machine that has only its text (see
   * {@link SweepSource}). With {@code scenarioContent} null the scenario must be a built-in name
   * (or a path that exists where this runs), as in {@link #parse(String, String, Path)}.
   *
   * @param scenarioSource the name messages give the scenario file
   * @param scenarioContent the scenario file's bytes, or null
   */
  public static Sweep parse(String source, String text, String scenarioSource,
      byte[] scenarioContent) {
    if (scenarioContent == null) {
      return parse(source, text, (Path) null);
    }
    byte[] content = scenarioContent.clone();
    return parse(source, text, (at, name) -> {
      try {
        return new Base(escalation(at, name, ScenarioLoader.parse(scenarioSource, content)),
            scenarioSource, content);
      } catch (ScenarioException e) {
        throw at.problem("scenario", e.problems().get(0).toString());
      }
    });
  }

  /**
   * The file a sweep's scenario name stands for, by the rule {@link #parse(String, String, Path)}
   * follows: a path relative to {@code folder} when it exists there, else a built-in name (empty),
   * else a path as given when it exists (empty when it does not).
   */
  public static Optional<Path> scenarioFile(String name, Path folder) {
    Optional<Path> beside = besideSweep(name, folder);
    if (beside.isPresent()) {
      return beside;
    }
    if (BuiltinScenarios.names().contains(name)) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(name);
      return Files.exists(p) ? Optional.of(p) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Loads the base scenario named in a sweep; {@code at} locates messages. */
  @FunctionalInterface
  private interface ScenarioSource {
    Base load(SweepLocations at, String name);
  }

  /** A base scenario and, for a scenario file, its name and the bytes it was read from. */
  private record Base(Scenario scenario, String file, byte[] content) {}

  private static Sweep parse(String source, String text, ScenarioSource scenarios) {
    if (text.length() > MAX_CHARS) {
      throw new SweepException(source + ": " + text.length() + " characters, more than a sweep"
          + " file may have (" + MAX_CHARS + ")");
    }
    RawSweep raw;
    try {
      raw = YAML.readValue(text, RawSweep.class);
    } catch (JsonProcessingException e) {
      throw new SweepException(describe(source, e));
    }
    if (raw == null) {
      throw new SweepException(source + ": empty sweep file");
    }
    SweepLocations at = SweepLocations.of(source, text, (YAMLFactory) YAML.getFactory());
    if (raw.scenario() == null || raw.scenario().isBlank()) {
      throw at.problem("scenario", "missing (a built-in name or a path)");
    }
    Base loaded = scenarios.load(at, raw.scenario());
    Scenario base = loaded.scenario();
    if (raw.parameters() == null || raw.parameters().isEmpty()) {
      throw at.problem("parameters", "missing or empty");
    }
    if (raw.parameters().size() > MAX_PARAMETERS) {
      throw at.problem("parameters", raw.parameters().size() + " parameters, more than "
          + MAX_PARAMETERS);
    }
    List<Parameter> params = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.parameters().size(); i++) {
      RawParameter p = raw.parameters().get(i);
      String key = "parameters[" + i + "]";
      if (p == null || p.path() == null || p.path().isBlank()) {
        throw at.problem(key + ".path", "missing");
      }
      if (!seen.add(p.path())) {
        throw at.problem(key + ".path", "'" + p.path() + "' is listed twice");
      }
      boolean range = p.min() != null || p.max() != null;
      if (range && p.values() != null) {
        throw at.problem(key + ".values", "give either min and max or values, not both");
      }
      if (range) {
        if (p.min() == null || p.max() == null) {
          throw at.problem(key + (p.min() == null ? ".min" : ".max"),
              "missing (a range needs min and max)");
        }
        if (!Double.isFinite(p.min())) {
          throw at.problem(key + ".min", p.min() + " is not a finite number");
        }
        if (!Double.isFinite(p.max())) {
          throw at.problem(key + ".max", p.max() + " is not a finite number");
        }
        if (!(p.min() < p.max())) {
          throw at.problem(key + ".min", "min " + p.min() + " must be below max " + p.max());
        }
        check(at, base, key, p.path(), p.min(), ".min");
        check(at, base, key, p.path(), p.max(), ".max");
        params.add(new Parameter(p.path(), p.min(), p.max(), List.of()));
      } else {
        if (p.values() == null || p.values().isEmpty()) {
          throw at.problem(key, "needs min and max, or a non-empty list of values");
        }
        if (p.values().size() > 1000) {
          throw at.problem(key + ".values", p.values().size() + " values, more than 1000");
        }
        for (int k = 0; k < p.values().size(); k++) {
          Double v = p.values().get(k);
          if (v == null || !Double.isFinite(v)) {
            throw at.problem(key + ".values[" + k + "]", v + " is not a finite number");
          }
          if (p.values().indexOf(v) != k) {
            throw at.problem(key + ".values[" + k + "]", v + " is listed twice");
          }
          check(at, base, key, p.path(), v, ".values[" + k + "]");
        }
        params.add(new Parameter(p.path(), Double.NaN, Double.NaN, p.values()));
      }
    }
    long seed = raw.seed() == null ? 1 : raw.seed();
    DesignSpec design = design(at, raw.design(), params, seed);
    long runs = raw.runs() == null ? 1000 : raw.runs();
    if (runs < 1 || runs > 1_000_000_000L) {
      throw at.problem("runs", "must be between 1 and 10^9, was " + runs);
    }
    if (raw.outputs() == null || raw.outputs().isEmpty()) {
      throw at.problem("outputs", "missing or empty (known: " + String.join(", ", OUTPUTS) + ")");
    }
    Set<String> outs = new HashSet<>();
    for (int i = 0; i < raw.outputs().size(); i++) {
      String o = raw.outputs().get(i);
      if (o == null) {
        throw at.problem("outputs[" + i + "]", "missing (null); known: " + String.join(", ", OUTPUTS));
      }
      if (!OUTPUTS.contains(o)) {
        throw at.problem("outputs[" + i + "]", "unknown output '" + o
            + "' (known: " + String.join(", ", OUTPUTS) + ")");
      }
      if (!outs.add(o)) {
        throw at.problem("outputs[" + i + "]", "'" + o + "' is listed twice");
      }
    }
    return new Sweep(source, text, raw.scenario(), base, params, design, runs, seed,
        raw.outputs(), new SweepSource(source, text, loaded.file(), loaded.content()));
  }

  /**
   * The scenario file a relative name stands for in the sweep file's folder, when it exists there
   * (the first rule of {@link #scenarioFile}).
   */
  private static Optional<Path> besideSweep(String name, Path folder) {
    if (folder != null && !name.contains("\n")) {
      try {
        Path p = folder.resolve(name);
        if (!Path.of(name).isAbsolute() && Files.exists(p)) {
          return Optional.of(p);
        }
      } catch (RuntimeException e) {
        // not a path: the loader reports the name as it is
      }
    }
    return Optional.empty();
  }

  private static Base loadScenario(SweepLocations at, String name, Path folder) {
    try {
      Optional<Path> file = scenarioFile(name, folder);
      if (file.isEmpty()) { // a built-in name, or no such file: the loader says which
        return new Base(escalation(at, name, ScenarioLoader.resolve(name)), null, null);
      }
      byte[] content = ScenarioLoader.read(file.get()); // read once: what runs is what shipped
      return new Base(escalation(at, name, ScenarioLoader.load(file.get(), content)),
          file.get().toString(), content);
    } catch (ScenarioException e) {
      throw at.problem("scenario", e.problems().get(0).toString());
    }
  }

  private static Scenario escalation(SweepLocations at, String name, Scenario sc) {
    if (!sc.hasEscalation()) {
      throw at.problem("scenario", "'" + name + "' has no escalation model (it is a negotiation)");
    }
    return sc;
  }

  private static void check(SweepLocations at, Scenario base, String key, String path, double v,
      String which) {
    try {
      ScenarioParameters.with(base, path, v);
    } catch (IllegalArgumentException e) {
      throw at.problem(key + (which.startsWith(".values") ? which : ".path"),
          path + " = " + v + ": " + e.getMessage());
    }
  }

  private static DesignSpec design(SweepLocations at, RawDesign d, List<Parameter> params,
      long sweepSeed) {
    if (d == null || d.type() == null) {
      throw at.problem("design.type", "missing (one of " + String.join(", ", DESIGNS) + ")");
    }
    String type = d.type();
    if (type.equals("sobol")) {
      throw at.problem("design.type", "'sobol' is ambiguous and no longer accepted: write"
          + " 'saltelli' for a design that yields Sobol' indices (S1, ST, as SALib's"
          + " saltelli.sample), or 'sobol-sequence' for the quasi-random Sobol' sequence"
          + " (sensitivity then reports rank correlations)");
    }
    if (!DESIGNS.contains(type)) {
      throw at.problem("design.type", "unknown design '" + type + "' (one of "
          + String.join(", ", DESIGNS) + ")");
    }
    long seed = d.seed() == null ? sweepSeed : d.seed();
    int points = d.points() == null ? 0 : d.points();
    int levels = d.levels() == null ? 0 : d.levels();
    int trajectories = d.trajectories() == null ? 0 : d.trajectories();
    boolean secondOrder = d.secondOrder() != null && d.secondOrder();
    if (d.secondOrder() != null && !type.equals("saltelli")) {
      throw at.problem("design.secondOrder", "only a saltelli design has second-order indices,"
          + " this is a " + type + " design");
    }
    if (!type.equals("factorial")) {
      for (int i = 0; i < params.size(); i++) {
        if (!params.get(i).isRange()) {
          throw at.problem("parameters[" + i + "].values", "a " + type
              + " design needs a range (min and max); values are for a factorial design");
        }
      }
    }
    switch (type) {
      case "lhs", "sobol-sequence", "saltelli" -> {
        int min = type.equals("saltelli") ? 2 : 1;
        if (d.points() == null || points < min || points > 10_000_000) {
          throw at.problem("design.points", "a " + type
              + " design needs points between " + min + " and 10^7, "
              + (d.points() == null ? "missing" : "was " + d.points()));
        }
      }
      case "morris" -> {
        if (d.trajectories() == null || trajectories < 2 || trajectories > 1_000_000) {
          throw at.problem("design.trajectories", "a morris design needs between 2 and 10^6"
              + " trajectories, " + (d.trajectories() == null ? "missing" : "was "
              + d.trajectories()));
        }
        if (d.levels() == null) {
          levels = 4;
        } else if (levels < 2 || levels % 2 != 0 || levels > 1000) {
          throw at.problem("design.levels", "a morris design needs an even number"
              + " of levels from 2 to 1000, was " + levels);
        }
      }
      default -> { // factorial
        boolean anyRange = params.stream().anyMatch(Parameter::isRange);
        if (anyRange && (d.levels() == null || levels < 2 || levels > 1000)) {
          throw at.problem("design.levels", "a factorial design over a range"
              + " needs levels between 2 and 1000, "
              + (d.levels() == null ? "missing" : "was " + d.levels()));
        }
        double n = 1;
        for (Parameter p : params) {
          n *= p.isRange() ? levels : p.values().size();
        }
        if (n > 10_000_000) {
          throw at.problem("design", "the factorial design has "
              + String.format(Locale.ROOT, "%.0f", n) + " points, more than 10^7");
        }
      }
    }
    long k = params.size();
    int most = type.equals("saltelli") ? SaltelliDesign.MAX_PARAMETERS
        : type.equals("sobol-sequence") ? SobolSequence.MAX_DIMENSION : Integer.MAX_VALUE;
    if (k > most) {
      throw at.problem("parameters", "a " + type + " design supports at most " + most
          + " parameters (the Sobol' sequence's direction numbers cover "
          + SobolSequence.MAX_DIMENSION + " dimensions" + (type.equals("saltelli")
          ? ", and A and B take two each" : "") + "), this sweep has " + k);
    }
    double count = pointCount(type, points, levels, trajectories, secondOrder, params);
    if (count * k > MAX_VALUES) {
      throw at.problem("design", "the " + type + " design has "
          + String.format(Locale.ROOT, "%.0f", count) + " points of " + k
          + " parameters, more than " + MAX_VALUES + " values");
    }
    return new DesignSpec(type, points, levels, trajectories, seed, secondOrder);
  }

  private static String describe(String source, JsonProcessingException e) {
    StringBuilder b = new StringBuilder(source);
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      b.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
    }
    b.append(": ");
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      b.append(path(m)).append(": ");
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
      b.append("a second YAML document: a sweep file holds one");
    } else if (e instanceof UnrecognizedPropertyException u) {
      b.append("unknown key '").append(u.getPropertyName()).append("'");
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      b.append("expected ").append(typeName(m.getTargetType()));
    } else {
      b.append(e.getOriginalMessage());
    }
    return b.toString();
  }

  private static String typeName(Class<?> t) {
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "an integer";
    }
    if (t == Double.class || t == double.class) {
      return "a number";
    }
    if (t == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(t)) {
      return "a list";
    }
    return "a mapping";
  }

  private static String path(JsonMappingException m) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** The parameter paths, in column order. */
  public List<String> names() {
    return parameters.stream().map(Parameter::path).toList();
  }

  /**
   * The design on the unit cube: for lhs, sobol-sequence, morris and saltelli the sampled points
   * (saltelli stacked as A, B, A_B^(1), .., then B_A^(1), .. with second order); for factorial the grid, coordinate k/(L-1) standing for a
   * parameter's level k.
   */
  public Design unitDesign() {
    List<String> names = names();
    return switch (design.type()) {
      case "lhs" -> Designs.latinHypercube(names, design.points(), new SplittableRandom(design.seed()));
      case "sobol-sequence" -> Designs.sobol(names, design.points(), 0);
      case "morris" -> Designs.morris(names, design.trajectories(), design.levels(),
          new SplittableRandom(design.seed()));
      case "saltelli" -> saltelli().design();
      default -> {
        int[] levels = new int[parameters.size()];
        for (int j = 0; j < levels.length; j++) {
          Parameter p = parameters.get(j);
          levels[j] = p.isRange() ? design.levels() : p.values().size();
        }
        yield Designs.fullFactorial(names, levels);
      }
    };
  }

  /** The Saltelli design of a saltelli sweep (Sobol sequence, no skip). */
  public SaltelliDesign saltelli() {
    return SaltelliDesign.sobol(names(), design.points(), 0, design.secondOrder());
  }

  /**
   * How many points {@link #points()} has, computed from the design's parameters without
   * generating it (a check of a design's size costs nothing). Cost: O(parameters).
   */
  public long pointCount() {
    return (long) pointCount(design.type(), design.points(), design.levels(), design.trajectories(),
        design.secondOrder(), parameters);
  }

  /** The number of points of a design (a double: a factorial's product may overflow a long). */
  private static double pointCount(String type, int points, int levels, int trajectories,
      boolean secondOrder, List<Parameter> params) {
    long k = params.size();
    return switch (type) {
      case "lhs", "sobol-sequence" -> points;
      case "saltelli" -> (double) points * (secondOrder ? 2 * k + 2 : k + 2);
      case "morris" -> (double) trajectories * (k + 1);
      default -> params.stream()
          .mapToDouble(p -> p.isRange() ? levels : p.values().size())
          .reduce(1, (a, b) -> a * b);
    };
  }

  /** The design points in the parameters' units, one row per point. */
  public double[][] points() {
    double[][] u = unitDesign().points();
    double[][] x = new double[u.length][parameters.size()];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < parameters.size(); j++) {
        Parameter p = parameters.get(j);
        if (design.type().equals("factorial")) {
          int n = p.isRange() ? design.levels() : p.values().size();
          int k = n == 1 ? 0 : (int) Math.round(u[i][j] * (n - 1));
          x[i][j] = p.isRange() ? p.min() + (p.max() - p.min()) * k / (n - 1) : p.values().get(k);
        } else {
          x[i][j] = p.min() + (p.max() - p.min()) * u[i][j];
        }
      }
    }
    return x;
  }
}
