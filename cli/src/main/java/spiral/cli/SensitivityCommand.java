package spiral.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.explore.MorrisEffect;
import spiral.explore.SobolAnalysis;
import spiral.explore.SensitivityReport;
import spiral.explore.SobolIndex;
import spiral.explore.SobolPair;
import spiral.explore.Tornado;
import spiral.explore.report.SensitivityPage;
import spiral.explore.sweep.OneAtATime;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepResults;
import spiral.explore.sweep.SweepSensitivity;
import spiral.explore.sweep.SweepSensitivity.Pair;
import spiral.explore.sweep.SweepSensitivity.Row;

/** {@code spiral sensitivity}: which parameters of a sweep drive an output. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Sensitivity of a sweep's output to its parameters. For a saltelli design: Sobol first-order"
          + " and total indices (and second-order ones with secondOrder: true) with 95%% bootstrap"
          + " intervals, flagged when an interval is wider than an index's range; for a morris"
          + " design: mu* and sigma of the elementary effects; otherwise (lhs, sobol-sequence,"
          + " factorial) Spearman's rank correlation of each parameter with the output. INPUT is"
          + " DIR/results.csv or DIR/results.parquet (the design is read from DIR/sweep.yaml)"
          + " or a sweep file (its results are read from its default folder). With the design"
          + " known, rows are matched to it by their point and parameter values: rows out of"
          + " order are put back in point order, a row whose values are not its point's is"
          + " refused (exit 2)."
    })
final class SensitivityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "SWEEP.yaml, DIR/results.csv or DIR/results.parquet (the results file may be a Hadoop URI, hdfs://..., with DIR/sweep.yaml beside it).")
  String location;

  /** The input as a local path (a copy of a results file on a Hadoop file system). */
  private Path input;

  @Option(
      names = "--output",
      paramLabel = "NAME",
      description = "The output to analyse (default: the first output of the results).")
  String output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); csv"
          + " has one row per index: output, parameter, other (second order), index, estimate,"
          + " low, high.")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(
      names = {"--bootstrap", "--resamples"},
      paramLabel = "B",
      defaultValue = "1000",
      description = "Bootstrap resamples for Sobol intervals, as in 'spiral discover' (default:"
          + " ${DEFAULT-VALUE}; --resamples is its old name).")
  int resamples;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report: the one-at-a-time tornado (when the"
          + " sweep file is known: each parameter at its low and high value, the others at the"
          + " middle of their ranges, simulated with the sweep's runs and seed), the design's"
          + " chart (Sobol S1/ST with intervals, Morris mu* against sigma, or rank correlations),"
          + " a table and the scenario's illustrative assumptions.")
  Path report;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads for the tornado of --report (default: all cores).")
  Integer threads;

  /** The JSON report. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Report(String input, String output, String method, int points, List<Row> parameters,
      List<Pair> secondOrder, List<String> warnings) {}

  @Override
  public Integer call() {
    return SweepFiles.onLocal(location, local -> {
      input = local;
      return run();
    });
  }

  private Integer run() {
    Output.checkFolder(out, "--out");
    if (resamples < 1 || resamples > 1_000_000) {
      throw new BadInputException("spiral: --bootstrap must be between 1 and 10^6, was " + resamples);
    }
    if (threads != null && (threads < 1 || threads > 4096)) {
      throw new BadInputException("spiral: --threads must be between 1 and 4096, was " + threads);
    }
    Output.checkFolder(report, "--report");
    Sweep sweep = SweepFiles.sweepOf(input);
    SweepResults res = SweepFiles.results(SweepFiles.resultsOf(input));
    String name = output != null ? output : res.outputs().get(0);
    if (!res.outputs().contains(name)) {
      throw new BadInputException("spiral: --output: no output '" + name + "' in the results"
          + " (there are: " + String.join(", ", res.outputs()) + ")");
    }
    String type = sweep == null ? "" : sweep.design().type();
    if (sweep != null) {
      res = SweepFiles.matched(res, sweep, type.equals("saltelli") || type.equals("morris"),
          spec.commandLine().getErr());
    }
    double[] y = res.output(name);
    SweepSensitivity.Result a;
    try {
      a = SweepSensitivity.analyse(sweep, res.parameters(), res.x(), y, name, resamples);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: cannot analyse '" + name + "': " + e.getMessage());
    }
    String method = a.method();
    List<Row> rows = a.parameters();
    List<Pair> pairs = a.secondOrder();
    List<String> warnings = a.warnings();
    List<SobolIndex> sobol = a.sobol();
    List<SobolPair> second = a.secondIndices();
    List<MorrisEffect> morris = a.morris();
    List<SensitivityReport.Rank> ranks = a.ranks() == null ? null : new ArrayList<>(a.ranks());
    if (report != null) {
      writeReport(sweep, name, method, y.length, sobol, morris, ranks, second, warnings);
    }
    Report r = new Report(location, name, method, y.length, rows, pairs, warnings);
    spiral.Provenance prov = Scenarios.provenance("sensitivity", sweep);
    String text = switch (format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> table(r) + prov.text(true);
    };
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  /** The indices as CSV, one row each (long format: any design's indices in one table). */
  static String csv(Report r) {
    StringBuilder b = new StringBuilder("output,parameter,other,index,estimate,low,high\n");
    for (Row x : r.parameters()) {
      row(b, r.output(), x.parameter(), null, "S1", x.first(), x.firstLow(), x.firstHigh());
      row(b, r.output(), x.parameter(), null, "ST", x.total(), x.totalLow(), x.totalHigh());
      row(b, r.output(), x.parameter(), null, "mu_star", x.muStar(), null, null);
      row(b, r.output(), x.parameter(), null, "sigma", x.sigma(), null, null);
      row(b, r.output(), x.parameter(), null, "spearman", x.rankCorrelation(), null, null);
    }
    for (Pair p : r.secondOrder()) {
      row(b, r.output(), p.parameter(), p.other(), "S2", p.second(), p.secondLow(), p.secondHigh());
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String output, String parameter, String other,
      String index, Double estimate, Double low, Double high) {
    if (estimate == null) {
      return;
    }
    b.append(Csv.text(output)).append(',').append(Csv.text(parameter)).append(',')
        .append(other == null ? "" : Csv.text(other)).append(',').append(index).append(',')
        .append(Csv.number(estimate)).append(',').append(Csv.number(low)).append(',')
        .append(Csv.number(high)).append('\n');
  }

  private void writeReport(Sweep sweep, String name, String method, int points,
      List<SobolIndex> sobol, List<MorrisEffect> morris, List<SensitivityReport.Rank> ranks,
      List<SobolPair> second, List<String> warnings) {
    Tornado tornado = null;
    List<SensitivityReport.Range> ranges = null;
    if (sweep != null && sweep.outputs().contains(name)) {
      ranges = OneAtATime.ranges(sweep);
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "tornado",
          ProgressBar.terminal());
      try (Workers workers = new Workers(threads != null ? threads
          : Runtime.getRuntime().availableProcessors())) {
        tornado = OneAtATime.tornado(sweep, name, workers.simulator(), bar);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("spiral: cannot draw the tornado of '" + name + "': "
            + e.getMessage());
      } finally {
        bar.clear();
      }
    }
    String design = null;
    Long designSeed = null;
    if (sweep != null) {
      Sweep.DesignSpec d = sweep.design();
      design = switch (d.type()) {
        case "lhs" -> "Latin hypercube, " + d.points() + " points";
        case "sobol-sequence" -> "Sobol sequence, " + d.points() + " points";
        case "saltelli" -> "Saltelli, N = " + d.points() + " base points ("
            + sweep.pointCount() + " in all" + (d.secondOrder() ? ", with second order" : "")
            + ")";
        case "morris" -> "Morris, " + d.trajectories() + " trajectories on " + d.levels()
            + " levels";
        default -> "full factorial, " + sweep.points().length + " points";
      };
      designSeed = d.type().equals("lhs") || d.type().equals("morris") ? d.seed() : null;
    }
    if (sobol != null) {
      sobol = new ArrayList<>(sobol);
      sobol.sort(Comparator.comparingDouble((SobolIndex i) -> -i.total().value()));
    }
    if (morris != null) {
      morris = new ArrayList<>(morris);
      morris.sort(Comparator.comparingDouble((MorrisEffect m) -> -m.muStar()));
    }
    SensitivityReport r = new SensitivityReport(location, name, method, points,
        sweep == null ? null : sweep.scenario().id() + " (" + sweep.scenario().name() + ")",
        sweep == null ? null : sweep.scenario().illustrative(), design, designSeed,
        sweep == null ? null : sweep.seed(), sweep == null ? null : sweep.runs(), ranges,
        tornado, sobol, morris, ranks, second, warnings);
    Output.write(SensitivityPage.sensitivity(r), report, null);
  }

  static String table(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: sensitivity of %s over %,d points (%s)%n%n",
        r.input(), r.output(), r.points(), r.method()));
    int w = Math.max(9, r.parameters().stream().mapToInt(x -> x.parameter().length()).max().orElse(9));
    switch (r.method()) {
      case "sobol" -> {
        b.append(String.format(Locale.ROOT, "%-" + w + "s %8s %21s %8s %21s%n", "parameter",
            "S1", "95% CI", "ST", "95% CI"));
        for (Row x : r.parameters()) {
          b.append(String.format(Locale.ROOT, "%-" + w + "s %8.4f %21s %8.4f %21s%n",
              x.parameter(), x.first(), ci(x.firstLow(), x.firstHigh()), x.total(),
              ci(x.totalLow(), x.totalHigh())));
        }
        if (!r.secondOrder().isEmpty()) {
          int w2 = Math.max(9, r.secondOrder().stream()
              .mapToInt(q -> q.parameter().length() + q.other().length() + 3).max().orElse(9));
          b.append(String.format(Locale.ROOT, "%n%-" + w2 + "s %8s %21s%n", "pair", "S2",
              "95% CI"));
          for (Pair q : r.secondOrder()) {
            b.append(String.format(Locale.ROOT, "%-" + w2 + "s %8.4f %21s%n",
                q.parameter() + " x " + q.other(), q.second(), ci(q.secondLow(),
                    q.secondHigh())));
          }
        }
        for (String warning : r.warnings()) {
          b.append("\nwarning: ").append(warning);
        }
        if (!r.warnings().isEmpty()) {
          b.append('\n');
        }
      }
      case "morris" -> {
        b.append(String.format(Locale.ROOT, "%-" + w + "s %10s %10s%n", "parameter", "mu*", "sigma"));
        for (Row x : r.parameters()) {
          b.append(String.format(Locale.ROOT, "%-" + w + "s %10.4f %10.4f%n", x.parameter(),
              x.muStar(), x.sigma()));
        }
        b.append(String.format("%n(effects per unit of each parameter's range)%n"));
      }
      default -> {
        b.append(String.format(Locale.ROOT, "%-" + w + "s %10s%n", "parameter", "spearman"));
        for (Row x : r.parameters()) {
          b.append(String.format(Locale.ROOT, "%-" + w + "s %+10.4f%n", x.parameter(),
              x.rankCorrelation()));
        }
      }
    }
    return b.toString();
  }

  /** The interval, marked with a ! when it is wider than an index's range. */
  private static String ci(double lo, double hi) {
    return String.format(Locale.ROOT, "[%.4f, %.4f]%s", lo, hi,
        hi - lo > SobolAnalysis.INDEX_RANGE ? "!" : " ");
  }
}
