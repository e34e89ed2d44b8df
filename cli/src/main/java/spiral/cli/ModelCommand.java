package spiral.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.bargain.Solutions;
import spiral.game.Rational;
import spiral.game.models.Brinkmanship;
import spiral.game.models.Chicken;
import spiral.game.models.Richardson;
import spiral.game.models.StagHunt;
import spiral.game.models.WarOfAttrition;

/** {@code spiral model NAME}: a textbook crisis model's closed-form results. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a textbook crisis model in closed form.",
      "",
      "Models and their parameters (defaults in brackets):",
      "  chicken       W [1] win, L [1] loss from swerving, C [10] crash",
      "  stag-hunt     R [4], T [3], P [2], S [0] (the spiral model; R > T > P > S)",
      "  brinkmanship  G [1], W_C [10], V [1], L [2], W_D [20], h [0.3];",
      "                sides w1 [1], s1 [0.4], d1 [-4], w2 [1], s2 [0.2], d2 [-9]",
      "  attrition     V [10] prize, c [1] cost per unit of time",
      "  fearon        p [0.5] A's chance of winning, c_A [0.1], c_B [0.15] costs of war,",
      "                cbar [0.3] bound of B's cost, uniform on [0, cbar], unknown to A",
      "  richardson    a [2], b [3], k [1], l [1], g [1], h [2];",
      "                start x0 [0], y0 [0], step dt [0.01], horizon t [10]",
      "Values are numbers such as 3, 0.25 or 1/3."
    })
final class ModelCommand implements Callable<Integer> {
  /** Output formats of this command. */
  enum ModelFormat {
    table,
    json,
    csv
  }

  /** The models and their parameters with defaults, in order. */
  static final Map<String, Map<String, String>> MODELS = new LinkedHashMap<>();

  static {
    MODELS.put("chicken", params("W", "1", "L", "1", "C", "10"));
    MODELS.put("stag-hunt", params("R", "4", "T", "3", "P", "2", "S", "0"));
    MODELS.put(
        "brinkmanship",
        params("G", "1", "W_C", "10", "V", "1", "L", "2", "W_D", "20", "h", "0.3", "w1", "1",
            "s1", "0.4", "d1", "-4", "w2", "1", "s2", "0.2", "d2", "-9"));
    MODELS.put("attrition", params("V", "10", "c", "1"));
    MODELS.put("fearon", params("p", "0.5", "c_A", "0.1", "c_B", "0.15", "cbar", "0.3"));
    MODELS.put(
        "richardson",
        params("a", "2", "b", "3", "k", "1", "l", "1", "g", "1", "h", "2", "x0", "0", "y0", "0",
            "dt", "0.01", "t", "10"));
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The model: chicken, stag-hunt, brinkmanship, attrition, fearon or richardson.")
  String name;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "Set a parameter (repeatable); the others keep their defaults.")
  List<String> param = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ModelFormat format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  java.nio.file.Path out;

  /** A model's evaluation: its title, parameters and results, each in order. */
  record Result(
      String model, String title, Map<String, Object> parameters, Map<String, Object> results) {}

  @Override
  public Integer call() {
    Output.checkFolder(out, "--out");
    Map<String, String> defaults = MODELS.get(name);
    if (defaults == null) {
      throw new BadInputException(
          "spiral: unknown model '" + name + "' (known: " + String.join(", ", MODELS.keySet()) + ")");
    }
    Map<String, Rational> p = new LinkedHashMap<>();
    defaults.forEach((k, v) -> p.put(k, Rational.parse(v)));
    for (String kv : param) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("spiral: --param: expected KEY=VALUE, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      String value = kv.substring(eq + 1).trim();
      if (!defaults.containsKey(key)) {
        throw new BadInputException(
            "spiral: --param: model " + name + " has no parameter '" + key + "' (its parameters: "
                + String.join(", ", defaults.keySet()) + ")");
      }
      try {
        p.put(key, Rational.parse(value));
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "spiral: --param " + key + ": not a number: '" + value + "' (use 3, 0.25 or 1/3)");
      }
    }
    Result r;
    try {
      r = evaluate(name, p);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: model " + name + ": " + e.getMessage());
    }
    spiral.Provenance prov = spiral.Provenance.of("model " + name, null, null, null, java.util.List.of());
    String text = switch (format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> table(r) + prov.text(false);
    };
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  /** A model's evaluation as CSV: one row per parameter, then one per result. */
  static String csv(Result r) {
    StringBuilder b = new StringBuilder("model,kind,name,value\n");
    r.parameters().forEach((k, v) -> b.append(Csv.text(r.model())).append(",parameter,")
        .append(Csv.text(k)).append(',').append(Csv.text(String.valueOf(v))).append('\n'));
    r.results().forEach((k, v) -> b.append(Csv.text(r.model())).append(",result,")
        .append(Csv.text(k)).append(',').append(Csv.text(String.valueOf(v))).append('\n'));
    return b.toString();
  }

  static Result evaluate(String name, Map<String, Rational> p) {
    Map<String, Object> params = new LinkedHashMap<>();
    p.forEach((k, v) -> params.put(k, number(v)));
    Map<String, Object> res = new LinkedHashMap<>();
    String title;
    switch (name) {
      case "chicken" -> {
        Chicken c = new Chicken(p.get("W"), p.get("L"), p.get("C"));
        title = "Chicken (swerve vs straight)";
        res.put("straight_probability", number(c.straightProbability()));
        res.put("crash_probability", number(c.crashProbability()));
        res.put("mixed_payoff", number(c.mixedPayoff()));
        res.put("straight_probability_exact", c.straightProbability().toString());
      }
      case "stag-hunt" -> {
        StagHunt s = new StagHunt(p.get("R"), p.get("T"), p.get("P"), p.get("S"));
        title = "Stag Hunt (the spiral model)";
        res.put("cooperation_threshold", number(s.threshold()));
        res.put("mixed_payoff", number(s.mixedPayoff()));
        res.put("cooperation_threshold_exact", s.threshold().toString());
      }
      case "brinkmanship" -> {
        Brinkmanship b = new Brinkmanship(d(p, "G"), d(p, "W_C"), d(p, "V"), d(p, "L"),
            d(p, "W_D"), d(p, "h"));
        Brinkmanship.Side first = new Brinkmanship.Side(d(p, "w1"), d(p, "s1"), d(p, "d1"));
        Brinkmanship.Side second = new Brinkmanship.Side(d(p, "w2"), d(p, "s2"), d(p, "d2"));
        title = "Brinkmanship (Schelling; Powell; Dixit-Skeath)";
        res.put("effectiveness_threshold", b.effectiveness());
        res.put("acceptability_bound", b.acceptability());
        res.put("feasible", b.feasible());
        res.put("critical_risk_1", first.criticalRisk());
        res.put("critical_risk_2", second.criticalRisk());
        res.put("concedes", switch (Brinkmanship.zeuthen(first, second)) {
          case FIRST -> "side 1";
          case SECOND -> "side 2";
          case BOTH -> "both";
        });
      }
      case "attrition" -> {
        WarOfAttrition w = new WarOfAttrition(d(p, "V"), d(p, "c"));
        title = "War of attrition";
        res.put("hazard", w.hazard());
        res.put("expected_duration", w.expectedDuration());
        res.put("expected_total_cost", w.expectedTotalCost());
      }
      case "fearon" -> {
        double[] range = Solutions.fearonRange(d(p, "p"), d(p, "c_A"), d(p, "c_B"));
        double[] demand = Solutions.fearonDemand(d(p, "p"), d(p, "c_A"), d(p, "cbar"));
        title = "Fearon (1995) bargaining: shares x of A in [0, 1]";
        res.put("range_low", range[0]);
        res.put("range_high", range[1]);
        res.put("demand", demand[0]);
        res.put("war_probability", demand[1]);
        res.put("expected_utility", demand[2]);
      }
      case "richardson" -> {
        Richardson m = new Richardson(d(p, "a"), d(p, "b"), d(p, "k"), d(p, "l"), d(p, "g"),
            d(p, "h"));
        title = "Richardson arms race";
        double dt = d(p, "dt");
        double horizon = d(p, "t");
        if (!(dt > 0) || !(horizon > 0)) {
          throw new IllegalArgumentException("dt and t must be > 0");
        }
        double n = Math.ceil(horizon / dt - 1e-9);
        if (n > Richardson.MAX_STEPS) {
          throw new IllegalArgumentException(
              "t/dt asks for more than " + Richardson.MAX_STEPS + " steps");
        }
        int steps = (int) n;
        if (m.hasEquilibrium()) {
          Richardson.Point e = m.equilibrium();
          res.put("equilibrium_x", e.x());
          res.put("equilibrium_y", e.y());
        } else {
          res.put("equilibrium_x", null);
          res.put("equilibrium_y", null);
        }
        double[] ev = m.eigenvalues();
        res.put("eigenvalue_1", ev[0]);
        res.put("eigenvalue_2", ev[1]);
        res.put("stable", m.stable());
        List<Richardson.State> path =
            m.trajectory(d(p, "x0"), d(p, "y0"), horizon / steps, steps);
        Richardson.State end = path.get(path.size() - 1);
        res.put("steps", steps);
        res.put("end_t", end.t());
        res.put("end_x", end.x());
        res.put("end_y", end.y());
      }
      default -> throw new IllegalArgumentException("unknown model " + name);
    }
    return new Result(name, title, params, res);
  }

  private static double d(Map<String, Rational> p, String key) {
    return p.get(key).doubleValue();
  }

  /** An exact number as an integer or a double, whichever is exact or nearest. */
  private static Object number(Rational r) {
    return r.denominator().equals(java.math.BigInteger.ONE) && r.numerator().bitLength() < 63
        ? (Object) r.numerator().longValue()
        : (Object) r.doubleValue();
  }

  static String table(Result r) {
    StringBuilder b = new StringBuilder(r.title()).append("\n\nParameters:\n");
    r.parameters().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-6s %s\n", k, show(v))));
    b.append("\nResults:\n");
    r.results().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-24s %s\n", k, show(v))));
    return b.toString();
  }

  private static String show(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double x) {
      if (x == Math.rint(x) && Math.abs(x) < 1e15) {
        return String.format(Locale.ROOT, "%.0f", x);
      }
      if (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4) {
        return String.format(Locale.ROOT, "%.6g", x);
      }
      return java.math.BigDecimal.valueOf(x).setScale(4, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
