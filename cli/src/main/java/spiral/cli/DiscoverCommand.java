package spiral.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.explore.DiscoveryReport;
import spiral.explore.Prim;
import spiral.explore.PrimBox;
import spiral.explore.PrimResult;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepResults;
import spiral.report.HtmlReport;

/** {@code spiral discover}: scenario discovery with PRIM on a sweep's results. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Scenario discovery: find the box of parameter ranges in which a condition on an output"
          + " holds most often (PRIM, Friedman & Fisher 1999). Reports the chosen box as"
          + " parameter ranges with its coverage (the share of the points of interest inside it)"
          + " and density (the share of the points inside it that are of interest), and the"
          + " peeling trajectory; --report draws both in an HTML page."
    })
final class DiscoverCommand implements Callable<Integer> {
  private static final Pattern WHERE =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(>=|<=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULTS",
      description = "A sweep's results: DIR/results.csv or DIR/results.parquet.")
  Path input;

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

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report: the chosen box as parameter ranges"
          + " within the sweep's, and the peeling trajectory (density against coverage, the"
          + " chosen box marked).")
  Path report;

  /** A restricted parameter of the box. */
  record Limit(String parameter, double low, double high) {}

  /** One box of the trajectory. */
  record Step(int box, double coverage, double density, double mass, int restricted) {}

  /** The JSON report. */
  record Report(String input, String where, int points, int interesting, int box,
      double coverage, double density, double mass, List<Limit> limits, int peels,
      List<Step> trajectory) {}

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new BadInputException("spiral: --format must be table or json, was '" + format + "'");
    }
    Matcher m = WHERE.matcher(where);
    if (!m.matches()) {
      throw new BadInputException("spiral: --where: cannot read '" + where
          + "': expected OUTPUT (>|>=|<|<=) NUMBER, e.g. \"nuclearUse > 0.05\"");
    }
    if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass <= 1)
        || !(minCoverage >= 0 && minCoverage <= 1)) {
      throw new BadInputException("spiral: need 0 < --alpha < 0.5, 0 < --min-mass <= 1 and"
          + " 0 <= --min-coverage <= 1");
    }
    Output.checkFolder(report, "--report");
    SweepResults res = SweepFiles.results(input);
    String name = m.group(1);
    if (!res.outputs().contains(name)) {
      throw new BadInputException("spiral: --where: no output '" + name + "' in the results"
          + " (there are: " + String.join(", ", res.outputs()) + ")");
    }
    double t = Double.parseDouble(m.group(3));
    String op = m.group(2);
    double[] y = res.output(name);
    boolean[] interest = new boolean[y.length];
    int count = 0;
    for (int i = 0; i < y.length; i++) {
      interest[i] = switch (op) {
        case ">" -> y[i] > t;
        case ">=" -> y[i] >= t;
        case "<" -> y[i] < t;
        default -> y[i] <= t;
      };
      count += interest[i] ? 1 : 0;
    }
    if (count == 0) {
      throw new BadInputException("spiral: --where: no point of the " + y.length
          + " satisfies '" + where.trim() + "'");
    }
    PrimResult pr = new Prim(alpha, minMass).run(res.parameters(), res.x(), interest);
    PrimBox best = pr.best(minCoverage);
    List<Limit> limits = new ArrayList<>();
    for (PrimResult.Range r : pr.restrictions(best)) {
      limits.add(new Limit(r.parameter(), r.low(), r.high()));
    }
    List<Step> steps = new ArrayList<>();
    for (PrimBox b : pr.trajectory()) {
      steps.add(new Step(b.index(), b.coverage(), b.density(), b.mass(),
          pr.restrictions(b).size()));
    }
    Report r = new Report(input.toString(), where.trim(), y.length, count, best.index(),
        best.coverage(), best.density(), best.mass(), limits, pr.peels(), steps);
    if (report != null) {
      Sweep sweep = SweepFiles.sweepOf(input);
      Output.write(HtmlReport.discovery(new DiscoveryReport(input.toString(), where.trim(),
          y.length, count, alpha, minMass, minCoverage, pr, best.index(),
          sweep == null ? null : sweep.scenario().id() + " (" + sweep.scenario().name() + ")",
          sweep == null ? null : sweep.scenario().illustrative())), report, null);
    }
    spiral.Provenance prov = Scenarios.provenance("discover", SweepFiles.sweepOf(input));
    Output.write(format.equals("json") ? Output.json(r, prov) : table(r) + prov.text(true), null,
        spec.commandLine().getOut());
    return 0;
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
    for (Limit l : r.limits()) {
      b.append(String.format(Locale.ROOT, "  %-50s [%.4g, %.4g]%n", l.parameter(), l.low(),
          l.high()));
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
