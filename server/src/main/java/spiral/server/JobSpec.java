package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import spiral.JsonText;
import spiral.Version;
import spiral.bargain.NegotiationAnalysis;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepRunner;
import spiral.options.OptionsAnalysis;
import spiral.options.RobustAnalysis;
import spiral.scenario.Scenario;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.Progress;
import spiral.sim.RunRecord;
import spiral.sim.SimulationSummary;
import spiral.sim.Simulator;
import spiral.sim.Stats;
import spiral.sim.TraceLog;

/**
 * A validated job: its kind, the scenario text it runs on, its seed and its other parameters (a
 * JSON object with only the keys of its kind, defaults filled in), and how to compute it. The
 * same spec computes the same result, to the bit: that is what a re-run relies on.
 *
 * @param kind simulate, options, negotiate, sweep, game, calibrate or study
 * @param scenario the scenario as the request named it
 * @param yaml the scenario text
 * @param seed the master seed
 * @param parameters the other inputs
 */
record JobSpec(String kind, String scenario, String yaml, long seed, ObjectNode parameters) {
  static final List<String> KINDS = List.of("simulate", "options", "negotiate", "sweep", "game", "calibrate", "study");

  /** The scenario name a study job stores: its text is RAND's four built-in cases, one YAML document each. */
  static final String STUDY = "rand-study";
  /** The cases of a study job. */
  static final List<String> STUDY_CASES = List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports");
  private static final String DOCUMENT = "\n---\n";
  static final long MAX_RUNS = 1_000_000_000L;
  /** The most points a sweep job may have (each point's outputs are kept in memory until the end). */
  static final int MAX_SWEEP_POINTS = 100_000;
  /** How many runs a simulate job traces turn by turn by default, and at most. */
  static final int DEFAULT_PATHS = 20;
  static final int MAX_PATHS = 200;

  /**
   * Reads and checks a {@code POST /api/jobs} body; 400 for anything wrong, including a job that
   * asks for more than {@code limit} simulated runs ({@link #checkRuns}).
   */
  static JobSpec read(ObjectNode body, Catalog catalog, RunLimit limit, spiral.store.Visibility v) {
    String kind = Bodies.string(body, "kind");
    if (!KINDS.contains(kind)) {
      throw ApiException.badRequest("kind: unknown kind '" + Bodies.clip(kind) + "' (known: "
          + String.join(", ", KINDS) + ")");
    }
    if (kind.equals("study")) {
      return study(body, catalog, limit, v);
    }
    JsonNode sn = body.get("scenario");
    if (sn != null && sn.isIntegralNumber()) {
      body.put("scenario", sn.asText());
    }
    String scenarioId = Bodies.string(body, "scenario");
    Catalog.Entry entry = catalog.get(scenarioId, v);
    if (entry.scenario() == null) {
      Catalog.parse(entry.yaml()); // fails with its problems
    }
    long seed = Bodies.integer(body, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    Set<String> keys;
    switch (kind) {
      case "simulate" -> {
        keys = Set.of("kind", "scenario", "seed", "runs", "paths");
        p.put("runs", Bodies.integer(body, "runs", 10_000, 1, MAX_RUNS));
        p.put("paths", Bodies.integer(body, "paths", DEFAULT_PATHS, 0, MAX_PATHS));
      }
      case "options" -> {
        keys = Set.of("kind", "scenario", "seed", "runs", "robust", "samples", "sampleRuns");
        p.put("runs", Bodies.integer(body, "runs", 10_000, 1, MAX_RUNS));
        boolean robust = Bodies.bool(body, "robust");
        p.put("robust", robust);
        if (robust) {
          p.put("samples", Bodies.integer(body, "samples", 50, 2, 100_000));
          p.put("sampleRuns", Bodies.integer(body, "sampleRuns", 1000, 1, MAX_RUNS));
        }
      }
      case "game" -> {
        // the one-shot exchange game and its reading; runs: the simulated options analysis it is
        // compared with (per option; 0 leaves the comparison out)
        keys = Set.of("kind", "scenario", "seed", "runs", "decimals");
        p.put("runs", Bodies.integer(body, "runs", 2000, 0, MAX_RUNS));
        p.put("decimals", Bodies.integer(body, "decimals", 6, 0, spiral.game.ExchangeGame.MAX_DECIMALS));
      }
      case "calibrate" -> {
        // ABC-SMC over the scenario's declared ranges against a reference class of past crises;
        // its simulations cannot be counted before it runs, so it stops at the run limit
        keys = Set.of("kind", "scenario", "seed", "reference", "particles", "generations", "predictiveRuns");
        String reference = Bodies.string(body, "reference").strip();
        if (reference.length() > 500) {
          throw ApiException.badRequest("reference: at most 500 characters, had " + reference.length());
        }
        try {
          spiral.history.ReferenceClass.of(Server.Icb.DATA, spiral.history.CrisisFilter.parse(reference));
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("reference: " + e.getMessage());
        }
        p.put("reference", reference);
        p.put("particles", Bodies.integer(body, "particles", 200, 20, 2000));
        p.put("generations", Bodies.integer(body, "generations", 6, 1, 20));
        p.put("predictiveRuns", Bodies.integer(body, "predictiveRuns", 500, 100, 10_000));
        p.put("runLimit", limit.max());
      }
      case "negotiate" -> {
        keys = Set.of("kind", "scenario", "seed", "month", "window");
        p.put("month", Bodies.integer(body, "month", 0, 0, 10_000));
        if (body.hasNonNull("window")) {
          p.put("window", Bodies.integer(body, "window", 0, 1, 10_000));
        }
      }
      default -> {
        keys = Set.of("kind", "scenario", "seed", "runs", "parameters", "design", "outputs");
        p.put("runs", Bodies.integer(body, "runs", 1000, 1, MAX_RUNS));
        for (String k : List.of("parameters", "design", "outputs")) {
          if (body.has(k)) {
            p.set(k, body.get(k));
          }
        }
      }
    }
    Bodies.onlyKeys(body, "", keys);
    JobSpec spec = new JobSpec(kind, entry.id(), entry.yaml(), seed, p);
    if (!kind.equals("sweep")) {
      spec.checkRuns(limit, 0); // before anything is parsed or built
    }
    spec.check(limit);
    return spec;
  }

  /**
   * A study job: RAND's four built-in cases analysed at once ({@link spiral.options.Study}), with
   * the robustness over each case's declared ranges. It takes no scenario: its stored text is the
   * four cases' texts, so that a re-run uses exactly the cases it ran on.
   */
  private static JobSpec study(ObjectNode body, Catalog catalog, RunLimit limit, spiral.store.Visibility v) {
    if (body.has("scenario")) {
      throw ApiException.badRequest("scenario: a study runs RAND's four built-in cases (" + String.join(", ", STUDY_CASES)
          + ") and takes no scenario");
    }
    Bodies.onlyKeys(body, "", Set.of("kind", "seed", "runs", "samples", "sampleRuns"));
    long seed = Bodies.integer(body, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("runs", Bodies.integer(body, "runs", 2000, 1, MAX_RUNS));
    p.put("samples", Bodies.integer(body, "samples", 10, 0, 1000));
    p.put("sampleRuns", Bodies.integer(body, "sampleRuns", 500, 1, MAX_RUNS));
    if (p.get("samples").asLong() == 1) {
      throw ApiException.badRequest("samples: 0 (no robustness) or at least 2, was 1");
    }
    List<String> texts = new ArrayList<>();
    for (String c : STUDY_CASES) {
      texts.add(catalog.get(c, v).yaml());
    }
    JobSpec spec = new JobSpec("study", STUDY, String.join(DOCUMENT, texts), seed, p);
    spec.checkRuns(limit, 0);
    spec.check(limit);
    return spec;
  }

  /** A study job's cases, parsed from its stored text. */
  private List<Scenario> studyCases() {
    List<Scenario> out = new ArrayList<>();
    for (String text : yaml.split(java.util.regex.Pattern.quote(DOCUMENT), -1)) {
      out.add(Catalog.parse(text));
    }
    return out;
  }

  /**
   * The most simulated runs one job of an account may ask for, and the sentence a refusal gives.
   *
   * @param max the limit
   * @param says why, e.g. "this server runs at most 1000000 per job (--max-runs-per-job)"
   */
  record RunLimit(long max, String says) {
    RunLimit {
      if (max < 1) {
        throw new IllegalArgumentException("max must be positive, was " + max);
      }
    }

    /** The server's limit (the admin's). */
    static RunLimit server(long max) {
      return new RunLimit(max, "this server runs at most " + max + " per job (--max-runs-per-job)");
    }
  }

  /**
   * Checks the simulated runs this job asks for against the server's limit; 400 beyond. Counted:
   * {@code runs} (simulate; options: per option), {@code samples × sampleRuns} (robust options,
   * per option), points × {@code runs} (sweep).
   *
   * @param points a sweep's number of points (0 for the other kinds)
   */
  void checkRuns(RunLimit limit, long points) {
    long maxRuns = limit.max();
    if (kind.equals("calibrate")) {
      long predictive = CALIBRATION_DRAWS * parameters.path("predictiveRuns").asLong();
      if (predictive > maxRuns) {
        throw ApiException.badRequest("predictiveRuns: " + CALIBRATION_DRAWS + " draws × " + parameters.path("predictiveRuns").asLong()
            + " runs = " + predictive + " runs; " + limit.says());
      }
      return; // the fit's simulations are counted as they run (calibrate)
    }
    long runs = runs();
    String what = "runs: " + runs;
    if (kind.equals("sweep")) {
      double total = (double) points * runs;
      if (total > maxRuns) {
        throw ApiException.badRequest("runs: " + points + " points × " + runs + " runs = "
            + String.format(java.util.Locale.ROOT, "%.0f", total) + " runs; "
            + limit.says());
      }
      return;
    }
    if (runs > maxRuns) {
      throw ApiException.badRequest(what + " runs; " + limit.says());
    }
    if (parameters.path("robust").asBoolean() || (kind.equals("study") && parameters.path("samples").asLong() > 0)) {
      double total = (double) parameters.path("samples").asLong() * parameters.path("sampleRuns").asLong();
      if (total > maxRuns) {
        throw ApiException.badRequest("sampleRuns: " + parameters.path("samples").asLong() + " samples × "
            + parameters.path("sampleRuns").asLong() + " runs = " + String.format(java.util.Locale.ROOT, "%.0f", total)
            + " runs; " + limit.says());
      }
    }
  }

  /**
   * Checks that the scenario suits the kind (and, for a sweep, the sweep itself, its size taken
   * from its design's parameters before any point is built) and the runs asked for; 400 if not.
   */
  void check(RunLimit limit) {
    if (kind.equals("study")) {
      studyCases(); // each case parses, or the job is refused with its problems
      return;
    }
    Scenario sc = Catalog.parse(yaml);
    switch (kind) {
      case "negotiate" -> {
        if (sc.negotiation() == null) {
          throw ApiException.badRequest("scenario: '" + scenario + "' has no negotiation section;"
              + " only negotiate needs one");
        }
      }
      case "sweep" -> {
        long points = sweep(sc).pointCount(); // counted, not made: a design may have 10^7
        if (points > MAX_SWEEP_POINTS) {
          throw ApiException.badRequest("design: " + points + " points; a sweep job may have at most "
              + MAX_SWEEP_POINTS + " (run larger sweeps with 'spiral sweep')");
        }
        checkRuns(limit, points);
      }
      default -> {
        if (!sc.hasEscalation()) {
          throw ApiException.badRequest("scenario: '" + scenario + "' has no escalation model"
              + " (ladder, actors and initiatingEvent): it is a negotiation; use kind negotiate");
        }
      }
    }
  }

  /**
   * Computes the result record (written as JSON by {@code JsonText}, like the command line's
   * {@code --format json}) and the HTML report where the command line has one; a simulation's
   * result adds {@code paths}, its first runs traced (see {@link #paths}).
   *
   * @throws IllegalArgumentException for inputs the analysis refuses
   */
  Computed compute(Executor pool, int threads, Progress progress) {
    if (kind.equals("study")) {
      List<Scenario> cases = studyCases();
      spiral.options.StudyReport r = spiral.options.Study.run(new OptionsAnalysis(pool, threads), cases, runs(),
          parameters.path("sampleRuns").asLong(), seed, parameters.path("samples").asInt(), progress);
      return new Computed(r, spiral.options.report.StudyPage.study(cases, r));
    }
    Scenario sc = Catalog.parse(yaml);
    return switch (kind) {
      case "simulate" -> {
        CompiledModel model = new CompiledModel(sc);
        Stats stats = new Simulator(pool, threads).run(model, runs(), seed, progress);
        ObjectNode summary = JsonText.MAPPER.valueToTree(SimulationSummary.of(sc, model, stats, seed));
        summary.set("paths", JsonText.MAPPER.valueToTree(paths(model,
            (int) Math.min(runs(), parameters.path("paths").asInt(DEFAULT_PATHS)), seed)));
        // the responder's goals, so that a comparison says which way is better only where they do
        summary.set("goals", JsonText.MAPPER.valueToTree(sc.goals()));
        yield new Computed(summary, null);
      }
      case "options" -> {
        OptionsAnalysis a = new OptionsAnalysis(pool, threads);
        spiral.options.OptionsReport r = parameters.path("robust").asBoolean()
            ? RobustAnalysis.analyse(a, sc, runs(), parameters.path("sampleRuns").asLong(), seed,
                parameters.path("samples").asInt(), progress)
            : a.analyse(sc, runs(), seed, progress);
        yield new Computed(r, spiral.options.report.OptionsPage.options(sc, r));
      }
      case "game" -> {
        spiral.game.ExchangeGame eg = spiral.game.ExchangeGame.compile(sc, parameters.path("decimals").asInt(6));
        spiral.game.ExchangeGame.Reading reading = eg.read();
        java.util.Map<String, Object> m = eg.summary(reading, List.of(reading.equilibrium()), "spe");
        if (runs() > 0) {
          m.put("comparedWithSimulation", spiral.options.GameComparison.of(reading,
              new OptionsAnalysis(pool, threads).analyse(sc, runs(), seed, progress)));
        }
        m.put("illustrative", sc.illustrative());
        yield new Computed(m, null);
      }
      case "calibrate" -> calibrate(sc, pool, threads, progress);
      case "negotiate" -> {
        int window = parameters.has("window") ? parameters.get("window").asInt()
            : sc.negotiation().months();
        spiral.bargain.NegotiationReport r = new NegotiationAnalysis(pool, threads).analyse(sc,
            parameters.path("month").asInt(), window, progress);
        yield new Computed(r, spiral.bargain.report.NegotiationPage.negotiation(sc, r));
      }
      default -> new Computed(runSweep(sweep(sc), new Simulator(pool, threads), progress), null);
    };
  }

  /**
   * What a job computed: the result record (stored as JSON) and, for the kinds whose command
   * writes one with {@code --report}, the same self-contained HTML report ({@code null} for none).
   */
  record Computed(Object result, String report) {}

  /**
   * An escalation path: the executed rung at each turn of one run of a simulation.
   *
   * @param run the run's index in the simulation (same seed, same run)
   * @param outcome how the run ended
   * @param rungs the initiating event's rung (turn 0), then the rung executed at each turn
   */
  record RunPath(long run, String outcome, int[] rungs) {}

  /**
   * Traces the first {@code n} runs of a simulation with this seed: the same runs as inside the
   * simulation (a tracer draws no random numbers). Cost: n runs on one thread.
   */
  static List<RunPath> paths(CompiledModel model, int n, long seed) {
    Engine engine = new Engine(model);
    TraceLog log = new TraceLog();
    engine.tracer(log);
    List<RunPath> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      engine.run(seed, i, new RunRecord());
      int[] rungs = new int[log.turns().size() + 1];
      rungs[0] = model.initiatingRung();
      for (int t = 0; t < log.turns().size(); t++) {
        rungs[t + 1] = log.turns().get(t).executed();
      }
      out.add(new RunPath(i, log.ending().outcome().name(), rungs));
    }
    return out;
  }

  private long runs() {
    return parameters.path("runs").asLong();
  }

  /** The sweep of a sweep job, its scenario replaced by this job's scenario text. */
  private Sweep sweep(Scenario sc) {
    ObjectNode s = parameters.deepCopy();
    s.put("scenario", Catalog.SOURCE);
    s.put("seed", seed);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("spiral-sweep");
      Files.writeString(dir.resolve(Catalog.SOURCE), yaml, StandardCharsets.UTF_8);
      return Sweep.parse("sweep", Bodies.READER.writeValueAsString(s), dir);
    } catch (SweepException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary scenario file", e);
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve(Catalog.SOURCE));
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // a temporary folder left behind
        }
      }
    }
  }

  /**
   * The result of a sweep job: each point's parameter values and outputs.
   *
   * @param scenario the base scenario's id
   * @param design the design type
   * @param runs runs per point
   * @param seed the seed of every point
   * @param version the Spiral version
   * @param parameters the parameter paths, in column order
   * @param outputs the output names, in column order
   * @param points the points, in order
   */
  record SweepResult(String scenario, String design, long runs, long seed, String version,
      List<String> parameters, List<String> outputs, List<Point> points, List<Sensitivity> sensitivity) {}

  /**
   * Which parameters drive one output of a sweep job ({@link spiral.explore.sweep.SweepSensitivity}:
   * Sobol indices for a saltelli design, Morris effects for a morris design, rank correlations
   * otherwise), or why it could not be told.
   */
  record Sensitivity(String output, String method, int points, List<spiral.explore.sweep.SweepSensitivity.Row> parameters,
      List<spiral.explore.sweep.SweepSensitivity.Pair> secondOrder, List<String> warnings, String error) {}

  /** The bootstrap resamples of a sweep job's Sobol indices (as spiral sensitivity's default). */
  static final int SENSITIVITY_RESAMPLES = 1000;

  /**
   * One point of a sweep.
   *
   * @param point its index
   * @param values the parameter values
   * @param outputs the outputs
   */
  record Point(int point, double[] values, double[] outputs) {}

  /** Posterior draws of a calibration job's predictive check. */
  static final int CALIBRATION_DRAWS = 100;

  /**
   * A calibration job: ABC-SMC over the scenario's declared uncertainty ranges against the
   * reference class, its candidates on the job's threads in batches (the same posterior as the
   * command line's, to the bit, for the same settings), stopped with a clear failure once its
   * simulated runs pass the server's limit. Progress moves by generation.
   */
  private Computed calibrate(Scenario sc, Executor pool, int threads, Progress progress) {
    if (sc.uncertainties().isEmpty()) {
      throw new IllegalArgumentException("scenario '" + sc.id() + "' declares no uncertainties: calibrate fits them");
    }
    spiral.history.ReferenceClass rc = spiral.history.ReferenceClass.of(Server.Icb.DATA,
        spiral.history.CrisisFilter.parse(parameters.path("reference").asText()));
    int generations = parameters.path("generations").asInt();
    spiral.history.Calibration.Setup setup = new spiral.history.Calibration.Setup(sc, sc.uncertainties(), rc,
        List.of(spiral.history.HistoricalTarget.values()),
        new spiral.history.AbcSmc.Settings(parameters.path("particles").asInt(), generations, 0.5, 0.02, 0, seed),
        CALIBRATION_DRAWS, parameters.path("predictiveRuns").asInt());
    long limit = parameters.path("runLimit").asLong(Long.MAX_VALUE);
    long classRuns = rc.size();
    long[] runs = {0};
    spiral.explore.sweep.BatchSession threadsSession = new spiral.explore.sweep.BatchSession() {
      @Override
      public double[][] evaluate(spiral.explore.sweep.BatchTask task, double[][] inputs) {
        runs[0] += inputs.length * classRuns;
        if (runs[0] > limit) {
          throw new IllegalArgumentException("the calibration passed this server's limit of " + limit + " simulated runs"
              + " before it finished; ask for fewer particles or generations");
        }
        double[][] out = new double[inputs.length][];
        spiral.history.AbcSmc.forEach(inputs.length, pool, threads, i -> out[i] = task.apply(inputs[i]));
        return out;
      }

      @Override
      public void close() {}
    };
    spiral.history.Calibration.Report report = spiral.history.Calibration.run(setup,
        new spiral.history.Calibration.BatchRun(threadsSession, sc.id() + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), 8),
        pool, threads, g -> progress.advance(g.index() + 1, generations + 2));
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("scenario", report.scenario());
    m.put("reference", report.reference());
    m.put("classSize", report.classSize());
    m.put("parameters", report.parameters());
    m.put("marginals", report.marginals());
    m.put("predictive", report.predictive());
    m.put("generations", report.result().generations());
    m.put("simulations", report.result().simulations());
    m.put("effectiveSampleSize", report.result().ess());
    m.put("stopReason", report.result().stopReason());
    m.put("seed", report.seed());
    m.put("citation", spiral.history.IcbData.CITATION);
    m.put("illustrative", sc.illustrative());
    return new Computed(m, spiral.history.report.CalibrationPages.calibration(report));
  }

  private static SweepResult runSweep(Sweep sweep, Simulator sim, Progress progress) {
    double[][] x = sweep.points();
    long total = x.length * sweep.runs();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      long before = i * sweep.runs();
      double[] out = SweepRunner.evaluate(sweep, x[i], sim,
          (done, t) -> progress.advance(before + done, total));
      points.add(new Point(i, x[i], out));
    }
    List<String> names = sweep.parameters().stream().map(Sweep.Parameter::path).toList();
    List<Sensitivity> sensitivity = new ArrayList<>();
    for (int k = 0; k < sweep.outputs().size(); k++) {
      double[] y = new double[points.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = points.get(i).outputs()[k];
      }
      String output = sweep.outputs().get(k);
      try {
        var a = spiral.explore.sweep.SweepSensitivity.analyse(sweep, names, x, y, output, SENSITIVITY_RESAMPLES);
        sensitivity.add(new Sensitivity(output, a.method(), a.points(), a.parameters(), a.secondOrder(), a.warnings(), null));
      } catch (IllegalArgumentException e) {
        sensitivity.add(new Sensitivity(output, null, y.length, List.of(), List.of(), List.of(), e.getMessage()));
      }
    }
    return new SweepResult(sweep.scenario().id(), sweep.design().type(), sweep.runs(),
        sweep.seed(), Version.get(), names, sweep.outputs(), points, sensitivity);
  }
}
