package spiral.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.Version;
import spiral.explore.sweep.SweepFolder;
import spiral.history.AbcSmc;
import spiral.history.Calibration;
import spiral.history.CrisisFilter;
import spiral.history.HistoricalTarget;
import spiral.history.IcbData;
import spiral.history.PosteriorFile;
import spiral.history.ReferenceClass;
import spiral.history.report.CalibrationPages;
import spiral.scenario.Scenario;
import spiral.scenario.Uncertainty;

/** {@code spiral calibrate SCENARIO --reference EXPR}: ABC-SMC to a reference class of past crises. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Calibrate a scenario's uncertain parameters to a reference class of past crises"
          + " (International Crisis Behavior data, see 'spiral history') by approximate Bayesian"
          + " computation (ABC-SMC: Toni et al. 2009, Beaumont et al. 2009, adaptive tolerances).",
      "",
      "The prior is the scenario's declared uncertainty ranges (all of them, or --parameters);"
          + " each candidate draws a synthetic class of the reference class's size from the engine"
          + " and is kept when its outcome shares are close enough to the class's, so the posterior"
          + " carries the class's own sampling uncertainty. Writes the weighted posterior sample"
          + " (--posterior FILE.csv, and FILE.parquet beside it), prints the posterior and the"
          + " posterior predictive check (the model's rates against the class's 95%% intervals), and"
          + " with --report an HTML page. Seeded: the same seed gives the same posterior on any"
          + " number of threads. Progress goes to standard error.",
      ""
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Option(names = "--reference", paramLabel = "EXPR", required = true,
      description = "The reference class: field=value items as in 'spiral history --where', e.g. \"nuclear=both trigger=violent\".")
  String reference;

  @Option(names = "--parameters", paramLabel = "PATH", split = ",",
      description = "Calibrate only these of the scenario's uncertainties (default: all).")
  List<String> parameters;

  @Option(names = "--targets", paramLabel = "TARGET", split = ",",
      description = "Outcomes to match: nuclearUse, directWar, seriousClashes, settlement, noAgreement (default: all).")
  List<String> targets;

  @Option(names = "--particles", paramLabel = "N", defaultValue = "1000", description = "Particles per generation (default: ${DEFAULT-VALUE}).")
  int particles;

  @Option(names = "--generations", paramLabel = "G", defaultValue = "12", description = "At most G generations after the prior's (default: ${DEFAULT-VALUE}).")
  int generations;

  @Option(names = "--min-acceptance", paramLabel = "A", defaultValue = "0.02",
      description = "Stop after a generation whose acceptance rate is below A (default: ${DEFAULT-VALUE}).")
  double minAcceptance;

  @Option(names = "--predictive-runs", paramLabel = "R", defaultValue = "2000",
      description = "Runs per posterior draw in the predictive check (default: ${DEFAULT-VALUE}; 200 draws).")
  int predictiveRuns;

  @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--posterior", paramLabel = "FILE.csv",
      description = "Where to write the weighted posterior sample (default: SCENARIO.posterior.csv); FILE.parquet is written beside it."
          + " A path, or a URI of a Hadoop file system whose connector is on the class path (hdfs://..., s3a://...).")
  String posterior;

  @Option(names = "--data", paramLabel = "DIR", description = "Read the ICB files from DIR instead of the built-in version 14.")
  Path data;

  @Mixin ExecutorOptions where;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "Output format: table, json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with charts.")
  Path report;

  /** Candidates per particle in one round on a cluster at most: fewer rounds, some discarded work. */
  static final int SPECULATION = 32;

  private static boolean builtin(String name) {
    return spiral.scenario.BuiltinScenarios.names().contains(name); // a built-in name wins over a file, as when loading
  }

  private static byte[] readScenario(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new BadInputException("spiral: cannot read " + file + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (format == Format.csv) {
      throw new BadInputException("spiral: calibrate writes its posterior as CSV (--posterior); --format takes table or json");
    }
    check();
    Scenario sc = scenario.load();
    String post = posterior != null ? posterior : sc.id() + ".posterior.csv";
    if (!post.endsWith(".csv")) {
      throw new BadInputException("spiral: --posterior: the file name must end in .csv, was " + post);
    }
    if (!Locations.isHadoop(post)) {
      Output.checkFolder(Locations.local(post), "--posterior");
    } else {
      // a scheme without its connector is bad input now, not after the calibration
      try (SweepFolder folder = Locations.folder(post.substring(0, post.lastIndexOf('/')))) {
        folder.name();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + post + ": " + e.getMessage(), e);
      }
    }
    Output.checkFolder(out, "--out");
    Output.checkFolder(report, "--report");
    CrisisFilter filter = HistoryCommand.parse(reference, "--reference");
    IcbData icb = HistoryCommand.load(data);
    ReferenceClass rc = HistoryCommand.reference(icb, filter);
    List<Uncertainty> chosen = chosen(sc);
    List<HistoricalTarget> ts = new ArrayList<>();
    for (String t : targets == null ? List.of("nuclearUse", "directWar", "seriousClashes", "settlement", "noAgreement") : targets) {
      try {
        ts.add(HistoricalTarget.of(t));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("spiral: --targets: " + e.getMessage());
      }
    }
    boolean spark = where.spark(threads);
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    AbcSmc.Settings settings = new AbcSmc.Settings(particles, generations, 0.5, minAcceptance, 0, seed);
    Calibration.Setup setup = new Calibration.Setup(sc, chosen, rc, ts, settings, 200, predictiveRuns);
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    err.printf(Locale.ROOT, "calibrating %s to %d crises (%s): %d parameters, %d targets, %d particles, %s%n",
        sc.id(), rc.size(), rc.filter(), chosen.size(), ts.size(), particles,
        spark ? "candidates on Spark" + (where.master == null ? "" : " (" + where.master + ")") : t + " threads");
    err.flush();
    AbcSmc.Progress progress = g -> {
      err.printf(Locale.ROOT, "  generation %d: tolerance %s, acceptance %.3f, ESS %s, %,d simulations (%.1f s)%n", g.index(),
          Double.isInfinite(g.tolerance()) ? "inf (prior)" : String.format(Locale.ROOT, "%.4f", g.tolerance()), g.acceptance(),
          Double.isNaN(g.ess()) ? "-" : String.format(Locale.ROOT, "%.0f", g.ess()), g.simulations(), (System.nanoTime() - start) / 1e9);
      err.flush();
    };
    Calibration.Report rep;
    try (Workers workers = new Workers(t)) {
      if (spark) {
        byte[] content = builtin(scenario.scenario) ? null : readScenario(scenario.scenario);
        try (spiral.explore.sweep.BatchSession spark0 = where.sparkExecutor().openBatches("spiral calibrate " + sc.id())) {
          long[] sent = new long[2];
          spiral.explore.sweep.BatchSession session = new spiral.explore.sweep.BatchSession() {
            @Override
            public double[][] evaluate(spiral.explore.sweep.BatchTask task, double[][] inputs) {
              sent[0] += inputs.length;
              sent[1]++;
              return spark0.evaluate(task, inputs);
            }

            @Override
            public void close() {}
          };
          rep = Calibration.run(setup, new Calibration.BatchRun(session, scenario.scenario, content, SPECULATION), workers.executor(),
              t, progress);
          err.printf(Locale.ROOT, "  on Spark: %,d candidates in %,d rounds; %,d of them, proposed after a particle's accepted one, discarded%n",
              sent[0], sent[1], sent[0] - rep.result().simulations());
          err.flush();
        }
      } else {
        rep = Calibration.run(setup, workers.executor(), t, progress);
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String csv = PosteriorFile.csv(rep, Version.get());
    writePosterior(csv, post);
    if (report != null) {
      Output.write(CalibrationPages.calibration(rep), report, null);
    }
    String text = format == Format.json ? Output.json(json(rep, post, seconds)) : table(rep, post, seconds);
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  private void check() {
    if (particles < 10 || particles > 1_000_000) {
      throw new BadInputException("spiral: --particles must be between 10 and 1,000,000, was " + particles);
    }
    if (generations < 0 || generations > 100) {
      throw new BadInputException("spiral: --generations must be between 0 and 100, was " + generations);
    }
    if (!(minAcceptance > 0 && minAcceptance < 1)) {
      throw new BadInputException("spiral: --min-acceptance must be in (0, 1), was " + minAcceptance);
    }
    if (predictiveRuns < 10 || predictiveRuns > 10_000_000) {
      throw new BadInputException("spiral: --predictive-runs must be between 10 and 10^7, was " + predictiveRuns);
    }
    if (threads != null && (threads < 1 || threads > 4096)) {
      throw new BadInputException("spiral: --threads must be between 1 and 4096, was " + threads);
    }
  }

  private List<Uncertainty> chosen(Scenario sc) {
    if (sc.uncertainties().isEmpty()) {
      throw new BadInputException("spiral: scenario '" + sc.id() + "' declares no uncertainties: nothing to calibrate (see docs/SCENARIO-FORMAT.md, 'uncertainties')");
    }
    if (parameters == null) {
      return sc.uncertainties();
    }
    Map<String, Uncertainty> declared = new LinkedHashMap<>();
    sc.uncertainties().forEach(u -> declared.put(u.parameter(), u));
    List<Uncertainty> out = new ArrayList<>();
    for (String p : parameters) {
      Uncertainty u = declared.get(p);
      if (u == null) {
        throw new BadInputException("spiral: --parameters: '" + p + "' is not one of the scenario's declared uncertainties ("
            + String.join(", ", declared.keySet()) + ")");
      }
      out.add(u);
    }
    return out;
  }

  /** Writes the CSV and its Parquet twin, each beside its place first and then moved in. */
  /**
   * Writes the posterior's CSV and its Parquet beside it: on a local disk or on a Hadoop file
   * system, each file written beside its target first and renamed over it, so neither is ever
   * seen half written.
   */
  private static void writePosterior(String csv, String location) {
    if (Locations.isHadoop(location)) {
      int slash = location.lastIndexOf('/');
      String name = location.substring(slash + 1);
      try (SweepFolder folder = Locations.folder(location.substring(0, slash))) {
        if (!folder.exists()) {
          folder.create();
        }
        folder.write(name.replaceAll("\\.csv$", ".parquet"), out -> PosteriorParquet.write(csv, out));
        folder.write(name, csv);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + location + ": " + e.getMessage(), e);
      }
      return;
    }
    Path post = Locations.local(location);
    Path parquet = post.resolveSibling(post.getFileName().toString().replaceAll("\\.csv$", ".parquet"));
    Path tmp = parquet.resolveSibling("." + parquet.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      PosteriorParquet.write(csv, tmp);
      Output.write(csv, post, null);
      Files.move(tmp, parquet, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + parquet + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  static Map<String, Object> json(Calibration.Report r, String post, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spiral", Version.get());
    m.put("scenario", r.scenario());
    m.put("reference", r.reference());
    m.put("classSize", r.classSize());
    m.put("seed", r.seed());
    m.put("posterior", post);
    m.put("marginals", r.marginals());
    m.put("predictive", r.predictive());
    m.put("generations", r.result().generations());
    m.put("simulations", r.result().simulations());
    m.put("ess", r.result().ess());
    m.put("stopReason", r.result().stopReason());
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    m.put("citation", IcbData.CITATION);
    return m;
  }

  static String table(Calibration.Report r, String post, double seconds) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s calibrated to %s (%d crises), seed %d, spiral %s%n", r.scenario(), r.reference(),
        r.classSize(), r.seed(), Version.get()));
    AbcSmc.Result res = r.result();
    b.append(String.format(Locale.ROOT, "%,d simulations in %.1f s; %d particles, effective sample size %.0f; stopped: %s%n%n",
        res.simulations(), seconds, res.particles().length, res.ess(), res.stopReason()));
    b.append(String.format(Locale.ROOT, "%-48s %-28s %8s %8s %8s %8s%n", "parameter", "prior", "mean", "5%", "median", "95%"));
    for (Calibration.Marginal m : r.marginals()) {
      b.append(String.format(Locale.ROOT, "%-48s %-28s %8.4g %8.4g %8.4g %8.4g%n", m.parameter(), m.prior(), m.mean(), m.q05(),
          m.median(), m.q95()));
    }
    b.append(String.format(Locale.ROOT, "%nPosterior predictive (the model's probability over 200 posterior draws) against the class:%n"));
    b.append(String.format(Locale.ROOT, "%-15s %10s %-18s %9s %-18s %s%n", "outcome", "class", "95% interval", "model", "model 95% band", "inside"));
    for (Calibration.Predictive p : r.predictive()) {
      b.append(String.format(Locale.ROOT, "%-15s %4d of %-3d [%.4f, %.4f] %9.4f [%.4f, %.4f]   %s%n", p.target(), p.count(), p.crises(),
          p.observedCi()[0], p.observedCi()[1], p.predicted(), p.predictedBand()[0], p.predictedBand()[1], p.inside() ? "yes" : "NO"));
    }
    b.append(String.format(Locale.ROOT, "%nPosterior sample: %s (and .parquet)%n", post));
    b.append("Data: ").append(IcbData.CITATION).append('\n');
    return b.toString();
  }
}
