package spiral.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.explore.Discovery;
import spiral.explore.Discovery.Limit;
import spiral.explore.Discovery.Step;
import spiral.explore.DiscoveryReport;
import spiral.explore.PrimBox;
import spiral.explore.PrimResult;
import spiral.explore.report.DiscoveryPage;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepResults;

/** {@code spiral discover}: scenario discovery with PRIM on a sweep's results. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Scenario discovery: find the box of parameter ranges in which a condition on an output"
          + " holds most often (PRIM, Friedman & Fisher 1999, with the EMA Workbench's habits)."
          + " Reports the chosen box as parameter ranges within the sweep's declared ranges (read"
          + " from DIR/sweep.yaml; a parameter the box does not restrict is shown as its declared"
          + " range), with its coverage (the share of the points of interest inside it) and"
          + " density (the share of the points inside it that are of interest), each"
          + " restriction's quasi-p-value (Bryant & Lempert 2010's binomial test), how often"
          + " bootstrap resamples restrict each parameter, and the peeling and pasting"
          + " trajectory; --trajectory writes every step as CSV, --report draws the box and the"
          + " trajectory in an HTML page. With the sweep file known, rows are matched to its"
          + " design as in sensitivity."
    })
final class DiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULTS",
      description = "A sweep's results: DIR/results.csv or DIR/results.parquet, a path or a Hadoop URI (hdfs://...; DIR/sweep.yaml is read beside it).")
  String location;

  /** The input as a local path (a copy of a results file on a Hadoop file system). */
  private Path input;

  @Option(
      names = "--where",
      required = true,
      paramLabel = "COND",
      description = "The points of interest: OUTPUT (>|>=|<|<=) NUMBER, e.g. \"nuclearUse > 0.05\".")
  String where;

  @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
      description = "Peel fraction (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--min-mass", defaultValue = "0.05", paramLabel = "M",
      description = "Smallest share of the points a box may hold (default: ${DEFAULT-VALUE}).")
  double minMass;

  @Option(names = "--min-coverage", defaultValue = "0.5", paramLabel = "C",
      description = "The chosen box is the densest with at least this coverage (default: ${DEFAULT-VALUE}).")
  double minCoverage;

  @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); csv"
          + " has one row per parameter: its limits in the chosen box and in the sweep.")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(names = "--bootstrap", defaultValue = "100", paramLabel = "B",
      description = "Bootstrap resamples for the stability of each restriction; 0 skips it"
          + " (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = {"-s", "--seed"}, defaultValue = "1", paramLabel = "S",
      description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--trajectory", paramLabel = "FILE.csv",
      description = "Also write the peeling and pasting trajectory as CSV: each box's step"
          + " (start, peel or paste), coverage, density, mass, points, points of interest,"
          + " restricted parameters and every parameter's limits.")
  Path trajectoryFile;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report: the chosen box as parameter ranges"
          + " within the sweep's, and the peeling trajectory (density against coverage, the"
          + " chosen box marked).")
  Path report;

  /** The JSON report: limits holds the restricted parameters, box every parameter. */
  record Report(String input, String where, int points, int interesting, String ranges,
      int box, double coverage, double density, double mass, List<Limit> limits,
      List<Limit> parameters, int bootstrap, long seed, int peels, List<Step> trajectory) {}

  @Override
  public Integer call() {
    return SweepFiles.onLocal(location, local -> {
      input = local;
      return run();
    });
  }

  private Integer run() {
    Output.checkFolder(out, "--out");
    Discovery.Condition condition;
    try {
      condition = Discovery.Condition.parse(where);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: --where: " + e.getMessage());
    }
    if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass <= 1)
        || !(minCoverage >= 0 && minCoverage <= 1)) {
      throw new BadInputException("spiral: need 0 < --alpha < 0.5, 0 < --min-mass <= 1 and"
          + " 0 <= --min-coverage <= 1");
    }
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw new BadInputException("spiral: --bootstrap must be between 0 and 10^5, was "
          + bootstrap);
    }
    Output.checkFolder(report, "--report");
    Output.checkFolder(trajectoryFile, "--trajectory");
    SweepResults res = SweepFiles.results(input);
    Sweep sweep = SweepFiles.sweepOf(input);
    if (sweep != null) {
      res = SweepFiles.matched(res, sweep, false, spec.commandLine().getErr());
    }
    String name = condition.output();
    if (!res.outputs().contains(name)) {
      throw new BadInputException("spiral: --where: no output '" + name + "' in the results"
          + " (there are: " + String.join(", ", res.outputs()) + ")");
    }
    double[] y = res.output(name);
    double[] low = null;
    double[] high = null;
    if (sweep != null) {
      int d = res.parameters().size();
      low = new double[d];
      high = new double[d];
      for (int j = 0; j < d; j++) {
        Sweep.Parameter p = sweep.parameters().get(j);
        low[j] = p.isRange() ? p.min() : p.values().stream().mapToDouble(v -> v).min()
            .orElseThrow();
        high[j] = p.isRange() ? p.max() : p.values().stream().mapToDouble(v -> v).max()
            .orElseThrow();
      }
    }
    Discovery.Found f;
    try {
      f = Discovery.run(res.parameters(), res.x(), y, condition, low, high,
          new Discovery.Settings(alpha, minMass, minCoverage, bootstrap, seed));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: --where: " + e.getMessage());
    }
    PrimResult pr = f.prim();
    Report r = new Report(location, f.where(), f.points(), f.interesting(),
        sweep == null ? "data" : "sweep", f.box(), f.coverage(), f.density(), f.mass(), f.limits(),
        f.parameters(), bootstrap, seed, f.peels(), f.trajectory());
    String text = table(r);
    String csv = trajectoryFile == null ? null : trajectoryCsv(pr);
    String html = report == null ? null : DiscoveryPage.discovery(new DiscoveryReport(
        location, f.where(), f.points(), f.interesting(), alpha, minMass, minCoverage, pr,
        f.box(),
        sweep == null ? null : sweep.scenario().id() + " (" + sweep.scenario().name() + ")",
        sweep == null ? null : sweep.scenario().illustrative(), f.quasiP(), f.stability(),
        bootstrap, seed));
    if (csv != null) {
      Output.write(csv, trajectoryFile, null);
    }
    if (html != null) {
      Output.write(html, report, null);
    }
    spiral.Provenance prov = Scenarios.provenance("discover", SweepFiles.sweepOf(input));
    Output.write(switch (format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> text + prov.text(true);
    }, out, spec.commandLine().getOut());
    return 0;
  }

  /** Every box of the trajectory as CSV, with each parameter's limits. */
  static String trajectoryCsv(PrimResult pr) {
    StringBuilder b = new StringBuilder("box,step,coverage,density,mass,points,interesting,"
        + "restricted");
    for (String name : pr.names()) {
      b.append(',').append(name).append(".low,").append(name).append(".high");
    }
    b.append('\n');
    for (PrimBox box : pr.trajectory()) {
      b.append(box.index()).append(',').append(box.index() == 0 ? "start"
          : box.index() <= pr.peels() ? "peel" : "paste").append(',').append(box.coverage())
          .append(',').append(box.density()).append(',').append(box.mass()).append(',')
          .append(box.count()).append(',').append(box.interesting()).append(',')
          .append(pr.restrictions(box).size());
      for (PrimResult.Range x : pr.limits(box)) {
        b.append(',').append(x.low()).append(',').append(x.high());
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The chosen box as CSV: one row per parameter of the sweep. */
  static String csv(Report r) {
    StringBuilder b = new StringBuilder(
        "parameter,restricted,low,high,declared_low,declared_high,quasi_p,stability\n");
    for (Limit l : r.parameters()) {
      b.append(Csv.text(l.parameter())).append(',').append(l.restricted()).append(',')
          .append(Csv.number(l.low())).append(',').append(Csv.number(l.high())).append(',')
          .append(Csv.number(l.declaredLow())).append(',').append(Csv.number(l.declaredHigh()))
          .append(',').append(Csv.number(l.quasiP())).append(',').append(Csv.number(l.stability()))
          .append('\n');
    }
    return b.toString();
  }

  static String table(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %,d of %,d points with %s%n%n", r.input(),
        r.interesting(), r.points(), r.where()));
    b.append(String.format(Locale.ROOT,
        "box %d: coverage %.3f, density %.3f (base rate %.3f), mass %.3f%n", r.box(),
        r.coverage(), r.density(), (double) r.interesting() / r.points(), r.mass()));
    if (r.limits().isEmpty()) {
      b.append("  no parameter is restricted: the condition is not concentrated in a box\n");
    }
    int w = Math.max(9, r.parameters().stream().mapToInt(l -> l.parameter().length()).max()
        .orElse(9));
    b.append(String.format(Locale.ROOT, "  %-" + w + "s %22s %22s %9s %11s%n", "parameter",
        "box", r.ranges().equals("sweep") ? "sweep range" : "data range", "quasi-p",
        r.bootstrap() > 0 ? "restricted*" : ""));
    for (Limit l : r.parameters()) {
      b.append(String.format(Locale.ROOT, "  %-" + w + "s %22s %22s %9s %11s%n", l.parameter(),
          l.restricted() ? String.format(Locale.ROOT, "[%.4g, %.4g]", l.low(), l.high())
              : "not restricted",
          String.format(Locale.ROOT, "[%.4g, %.4g]", l.declaredLow(), l.declaredHigh()),
          l.quasiP() == null ? "" : String.format(Locale.ROOT, "%.2g", l.quasiP()),
          l.stability() == null ? "" : String.format(Locale.ROOT, "%.0f%%",
              100 * l.stability())));
    }
    if (r.bootstrap() > 0) {
      b.append(String.format(Locale.ROOT, "  * share of %d bootstrap resamples (seed %d) whose"
          + " box restricts the parameter%n", r.bootstrap(), r.seed()));
    }
    if (r.ranges().equals("data")) {
      b.append("  (no sweep file next to the results: ranges are the data's extremes)\n");
    }
    b.append(String.format(Locale.ROOT, "%ntrajectory: %d boxes (%d peels, %d pastes)%n",
        r.trajectory().size(), r.peels(), r.trajectory().size() - 1 - r.peels()));
    b.append(String.format(Locale.ROOT, "%5s %9s %9s %9s %11s%n", "box", "coverage",
        "density", "mass", "restricted"));
    int n = r.trajectory().size();
    int every = Math.max(1, n / 10);
    for (Step s : r.trajectory()) {
      if (s.box() % every == 0 || s.box() == n - 1 || s.box() == r.box()) {
        b.append(String.format(Locale.ROOT, "%5d %9.3f %9.3f %9.3f %11d%s%n", s.box(),
            s.coverage(), s.density(), s.mass(), s.restricted(),
            s.box() == r.box() ? "  <- chosen" : ""));
      }
    }
    return b.toString();
  }
}
