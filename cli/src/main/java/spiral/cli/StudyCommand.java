package spiral.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.options.OptionResult;
import spiral.options.Study;
import spiral.options.StudyReport;
import spiral.options.report.StudyPage;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;

/** {@code spiral study}: RAND's four cases A-D at once. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse RAND's four cases A-D at once (the study reproduced).",
      "",
      "The options analysis of the built-in scenarios rand-a-satellite, rand-b-depot,"
          + " rand-c-airbases and rand-d-ports at once, as a scenario x option matrix of scores with"
          + " the best and the most robust (minimax-regret) option per scenario, and how the answer"
          + " shifts as the attack grows."
    })
final class StudyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = "10000", description = "Runs per option per scenario (default: ${DEFAULT-VALUE}).")
  long runs;

  @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--samples", paramLabel = "M", defaultValue = "20",
      description = "Parameter sets per scenario for the most robust option; 0 skips it (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--sample-runs", paramLabel = "R", defaultValue = "1000",
      description = "Runs per option in each parameter set (default: ${DEFAULT-VALUE}).")
  long sampleRuns;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); csv has one row per case and option: score, best, most robust.")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with charts.")
  Path report;

  @Option(names = "--posterior", paramLabel = "FILE.csv",
      description = "A posterior sample written by 'spiral calibrate' for one of the four cases (repeatable, one per case): that case's"
          + " robustness and total intervals are computed at --samples parameter sets drawn from it instead of its declared ranges.")
  List<String> posteriors = new ArrayList<>();

  @Override
  public Integer call() {
    RunOptions ro = new RunOptions();
    ro.runs = runs;
    ro.threads = threads;
    ro.check();
    if (samples != 0 && (samples < 2 || samples > 100_000)) {
      throw new BadInputException("spiral: --samples must be 0 or between 2 and 100000, was " + samples);
    }
    if (sampleRuns < 1 || sampleRuns > 1_000_000_000L) {
      throw new BadInputException("spiral: --sample-runs must be between 1 and 10^9, was " + sampleRuns);
    }
    Output.checkFolder(report, "--report");
    Output.checkFolder(out, "--out");
    List<Scenario> scenarios = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : BuiltinScenarios.names()) {
      if (name.startsWith("rand-")) {
        scenarios.add(Scenarios.load(name));
        names.add(name);
      }
    }
    java.util.Map<String, Study.Draws> draws = new java.util.LinkedHashMap<>();
    for (String file : posteriors) {
      if (samples < 2) {
        throw new BadInputException("spiral: --posterior draws --samples parameter sets, so --samples must be at least 2, was " + samples);
      }
      spiral.history.PosteriorFile post = UncertaintyOptions.readFor(file, scenarios);
      if (draws.containsKey(post.scenario())) {
        throw new BadInputException("spiral: " + file + ":1:1: a second posterior for " + post.scenario() + " (give one per case)");
      }
      draws.put(post.scenario(), new Study.Draws(post.parameters(),
          spiral.history.UncertainSimulation.fromPosterior(post, samples, seed),
          "draws from the posterior " + UncertaintyOptions.fileName(file) + ", reference class " + post.meta().getOrDefault("reference", "?")));
    }
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "study", ProgressBar.terminal());
    StudyReport r;
    try (Workers workers = new Workers(ro.threadCount())) {
      r = Study.run(workers.options(), scenarios, runs, sampleRuns, seed, samples, draws, bar);
    } finally {
      bar.clear();
    }
    if (report != null) {
      Output.write(StudyPage.study(scenarios, r), report, null);
    }
    spiral.Provenance prov = Scenarios.provenance("study", names, scenarios, seed);
    Output.write(switch (format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> table(r) + prov.text(false);
    }, out, spec.commandLine().getOut());
    return 0;
  }

  /** The scores as CSV: one row per case and option. */
  static String csv(StudyReport r) {
    StringBuilder b = new StringBuilder("scenario,rung,option,score,best,most_robust\n");
    for (StudyReport.Row row : r.scenarios()) {
      for (String id : r.options()) {
        Double s = row.scores().get(id);
        b.append(Csv.text(row.scenario())).append(',').append(row.rung()).append(',')
            .append(Csv.text(id)).append(',').append(Csv.number(s)).append(',')
            .append(id.equals(row.best())).append(',').append(id.equals(row.mostRobust()))
            .append('\n');
      }
    }
    return b.toString();
  }

  static String table(StudyReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "RAND PEA2081-1 cases A-D: %,d runs per option per case, seed %d, spiral %s%s%n%n",
        r.runs(), r.seed(), r.version(),
        r.samples() > 0 ? String.format(Locale.ROOT, "; robustness over %d parameter sets per case", r.samples()) : ""));
    b.append(String.format(Locale.ROOT, "%-24s", "option \\ case (rung)"));
    for (StudyReport.Row row : r.scenarios()) {
      b.append(String.format(Locale.ROOT, " %16s", row.scenario() + " (" + row.rung() + ")"));
    }
    b.append(System.lineSeparator());
    for (String id : r.options()) {
      b.append(String.format(Locale.ROOT, "%-24s", id));
      for (StudyReport.Row row : r.scenarios()) {
        Double s = row.scores().get(id);
        String mark = id.equals(row.best()) ? "B" : " ";
        mark += id.equals(row.mostRobust()) ? "R" : " ";
        b.append(s == null ? String.format(" %16s", "-") : String.format(Locale.ROOT, " %13.4f %s", s, mark));
      }
      b.append(System.lineSeparator());
    }
    b.append(String.format("%nB = best score, R = most robust (minimax regret).%n"));
    for (StudyReport.Row row : r.scenarios()) {
      OptionResult best = row.detail().options().get(0);
      b.append(String.format(Locale.ROOT, "%s: best %s (score %.4f, P(nuclear) %.4f, P(direct war) %.4f); most robust %s%n",
          row.scenario(), row.best(), best.score().mean(), best.nuclearUse().p(), best.directWar().p(), row.mostRobust()));
      spiral.options.Regret g = row.detail().regret();
      if (g != null && !g.sampling().equals("Latin hypercube")) {
        b.append(String.format(Locale.ROOT, "  robustness and total intervals over %d %s%n", g.samples(), g.sampling()));
      }
      if (g != null) {
        // how often each option is best across the parameter sets, the most frequent first
        List<spiral.options.Regret.OptionRegret> byShare = new ArrayList<>(g.options());
        byShare.sort(java.util.Comparator.comparingDouble(spiral.options.Regret.OptionRegret::bestShare).reversed());
        StringBuilder shares = new StringBuilder();
        for (spiral.options.Regret.OptionRegret o : byShare) {
          if (o.bestShare() > 0 && shares.length() < 200) {
            shares.append(shares.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", o.id(), 100 * o.bestShare()));
          }
        }
        b.append(String.format(Locale.ROOT, "  best across the %d parameter sets: %s%n", g.samples(), shares));
      }
      if (g != null) {
        for (spiral.options.Regret.OptionRegret o : g.options()) {
          if (o.id().equals(row.best()) && o.warOrNuclear95() != null) {
            b.append(String.format(Locale.ROOT,
                "  %s: P(direct war or nuclear use) %.4f, Monte Carlo 95%% [%.4f, %.4f], total 95%% across the parameter sets [%.4f, %.4f]%n",
                o.id(), best.warOrNuclear().p(), best.warOrNuclear().ci95()[0], best.warOrNuclear().ci95()[1], o.warOrNuclear95()[0],
                o.warOrNuclear95()[1]));
          }
        }
      }
    }
    b.append(System.lineSeparator()).append(r.shift()).append(System.lineSeparator());
    Set<String> illustrative = new LinkedHashSet<>();
    for (StudyReport.Row row : r.scenarios()) {
      illustrative.addAll(row.detail().illustrative());
    }
    OptionsCommand.appendIllustrative(b, new ArrayList<>(illustrative));
    return b.toString();
  }
}
