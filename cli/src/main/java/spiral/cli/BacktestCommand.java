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
import spiral.Version;
import spiral.history.AbcSmc;
import spiral.history.Backtest;
import spiral.history.HistoricalTarget;
import spiral.history.IcbData;
import spiral.history.report.CalibrationPages;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;

/** {@code spiral backtest}: leave-one-out calibration of the historical scenarios, scored. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Backtest the historical scenarios: for each, calibrate on the reference class without its"
          + " own crisis (leave one out), predict its outcomes and score the prediction against"
          + " what happened (Brier and logarithmic scores, lower is better), beside the forecast of"
          + " the base rate alone, (k + 1/2)/(n + 1) from the same class.",
      "",
      "With no SCENARIO, every built-in scenario with a history block. Six crises are too few to"
          + " rank forecasters: the backtest says whether the calibrated model is grossly worse than"
          + " the outside view on the cases it was built for, not that it forecasts well.",
      ""
    })
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Historical scenarios (built-in names or files); default: all built-in ones.")
  List<String> scenarios;

  @Option(names = "--reference", paramLabel = "EXPR", defaultValue = "nuclear=both",
      description = "The reference class, each crisis left out of its own (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(names = "--targets", paramLabel = "TARGET", split = ",",
      description = "Outcomes to forecast (default: directWar, seriousClashes, settlement).")
  List<String> targets;

  @Option(names = "--particles", paramLabel = "N", defaultValue = "300", description = "Particles per calibration (default: ${DEFAULT-VALUE}).")
  int particles;

  @Option(names = "--generations", paramLabel = "G", defaultValue = "8", description = "Generations per calibration (default: ${DEFAULT-VALUE}).")
  int generations;

  @Option(names = "--predictive-runs", paramLabel = "R", defaultValue = "1000", description = "Runs per posterior draw (default: ${DEFAULT-VALUE}; 100 draws).")
  int predictiveRuns;

  @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "Output format: table, json, csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  java.nio.file.Path out;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with the reliability diagram.")
  java.nio.file.Path report;

  @Override
  public Integer call() {
    Output.checkFolder(out, "--out");
    Output.checkFolder(report, "--report");
    if (particles < 10 || particles > 100_000 || generations < 0 || generations > 100 || predictiveRuns < 10) {
      throw new BadInputException("spiral: --particles must be 10..100,000, --generations 0..100 and --predictive-runs at least 10");
    }
    HistoryCommand.parse(reference, "--reference");
    List<Backtest.Item> items = new ArrayList<>();
    if (scenarios == null || scenarios.isEmpty()) {
      for (String id : BuiltinScenarios.names()) {
        Scenario sc = Scenarios.load(id);
        if (sc.history() != null) {
          items.add(new Backtest.Item(sc, sc.history().icb()));
        }
      }
    } else {
      for (String s : scenarios) {
        Scenario sc = Scenarios.load(s);
        if (sc.history() == null) {
          throw new BadInputException("spiral: scenario '" + sc.id() + "' has no history block: nothing to score it against (see docs/SCENARIO-FORMAT.md)");
        }
        if (sc.uncertainties().isEmpty()) {
          throw new BadInputException("spiral: scenario '" + sc.id() + "' declares no uncertainties: nothing to calibrate");
        }
        items.add(new Backtest.Item(sc, sc.history().icb()));
      }
    }
    if (items.isEmpty()) {
      throw new BadInputException("spiral: no historical scenario to backtest");
    }
    List<HistoricalTarget> ts = new ArrayList<>();
    for (String t : targets == null ? List.of("directWar", "seriousClashes", "settlement") : targets) {
      try {
        ts.add(HistoricalTarget.of(t));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("spiral: --targets: " + e.getMessage());
      }
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Backtest.Report rep;
    var err = spec.commandLine().getErr();
    try (Workers workers = new Workers(t)) {
      rep = Backtest.run(items, IcbData.builtin(), reference, ts, new AbcSmc.Settings(particles, generations, 0.5, 0.02, 0, seed), 100,
          predictiveRuns, workers.executor(), t, m -> {
            err.println("  " + m);
            err.flush();
          });
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
    if (report != null) {
      Output.write(CalibrationPages.backtest(rep), report, null);
    }
    String text = switch (format) {
      case json -> Output.json(json(rep));
      case csv -> csv(rep);
      case table -> table(rep);
    };
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  private Map<String, Object> json(Backtest.Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spiral", Version.get());
    m.put("seed", seed);
    m.put("report", r);
    m.put("citation", IcbData.CITATION);
    return m;
  }

  private String csv(Backtest.Report r) {
    StringBuilder b = new StringBuilder();
    b.append("# spiral: ").append(Version.get()).append("\n# seed: ").append(seed).append("\n# reference: ").append(r.reference())
        .append(" (each crisis left out of its own)\n# data: ").append(IcbData.CITATION).append('\n');
    b.append("scenario,icb,target,observed,spiral,base_rate\n");
    for (Backtest.Case c : r.cases()) {
      for (int j = 0; j < c.targets().size(); j++) {
        b.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.6f,%.6f%n", c.scenario(), c.icb(), c.targets().get(j), c.observed()[j],
            c.spiral()[j], c.baseRate()[j]));
      }
    }
    return b.toString();
  }

  private String table(Backtest.Report r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Backtest against %s (each crisis left out of its own class), seed %d, spiral %s%n%n", r.reference(),
        seed, Version.get()));
    b.append(String.format(Locale.ROOT, "%-24s %5s %-28s %6s   %-22s %-22s%n", "scenario", "ICB", "crisis", "class", "Brier: Spiral / base",
        "log: Spiral / base"));
    for (Backtest.Case c : r.cases()) {
      b.append(String.format(Locale.ROOT, "%-24s %5d %-28s %6d   %.4f / %.4f        %.4f / %.4f%n", c.scenario(), c.icb(), cut(c.crisis(), 28),
          c.classSize(), c.spiralBrier(), c.baseBrier(), c.spiralLog(), c.baseLog()));
      for (int j = 0; j < c.targets().size(); j++) {
        b.append(String.format(Locale.ROOT, "%36s %-15s happened: %-3s  Spiral %.3f  base rate %.3f%n", "", c.targets().get(j),
            c.observed()[j] == 1 ? "yes" : "no", c.spiral()[j], c.baseRate()[j]));
      }
    }
    b.append(String.format(Locale.ROOT, "%nmean Brier score: Spiral %.4f, base rate %.4f; mean log score: Spiral %.4f, base rate %.4f (lower is better)%n",
        r.spiralBrier(), r.baseBrier(), r.spiralLog(), r.baseLog()));
    b.append("Six crises are too few to rank forecasters; the scores say whether the calibrated model is grossly worse than the outside view.\n");
    b.append("Data: ").append(IcbData.CITATION).append('\n');
    return b.toString();
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
